import type { Socket } from "socket.io";
import { logger } from "@/lib/observability/logger";
import { countUnreadNotifications } from "@/lib/notifications/notification-center";
import type { SocketData } from "@/lib/realtime/socket-handler";

/**
 * Every (re)connect starts with the unread notification count (`notification:unread`): the header's bell is drawn
 * in the browser, and events missed while a tab was offline are gone.
 */
export function registerNotifications(socket: Socket): void {
  const { actor } = socket.data as SocketData;
  countUnreadNotifications(actor)
    .then((count) => socket.emit("notification:unread", { count }))
    .catch((error) => logger().error({ err: error, userId: actor.id }, "notification count on connect failed"));
}
