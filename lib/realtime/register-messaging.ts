import type { Socket } from "socket.io";
import { unreadSnapshot } from "@/lib/messaging/list-conversations";
import { markConversationRead } from "@/lib/messaging/mark-conversation-read";
import { openConversation } from "@/lib/messaging/open-conversation";
import { sendMessage } from "@/lib/messaging/send-message";
import { setTyping } from "@/lib/messaging/set-typing";
import { syncMessages } from "@/lib/messaging/sync-messages";
import { logger } from "@/lib/observability/logger";
import { registerNotifications } from "@/lib/realtime/register-notifications";
import { presenceRegistrar } from "@/lib/realtime/register-presence";
import { socketHandler, type SocketData } from "@/lib/realtime/socket-handler";

const messagingHandlers = {
  "message:send": socketHandler(sendMessage, { event: "message:send" }),
  "conversation:read": socketHandler(markConversationRead, { event: "conversation:read", rateLimit: "socketRead" }),
  "conversation:open": socketHandler(async (actor, payload) => ({ conversation: (await openConversation(actor, payload)).conversation }), { event: "conversation:open", rateLimit: "socketOpenConversation" }),
  typing: socketHandler(setTyping, { event: "typing", rateLimit: "socketTyping" }),
  sync: socketHandler(syncMessages, { event: "sync", rateLimit: "socketSync" }),
};

/** The messaging events of docs/realtime.md on one socket; each handler runs one domain function. */
export function registerMessaging(socket: Socket): void {
  for (const [event, handler] of Object.entries(messagingHandlers)) socket.on(event, handler);

  // every (re)connect starts with the current unread total, so a tab that was offline is right again
  const { actor } = socket.data as SocketData;
  if (actor.verification === "VERIFIED") {
    unreadSnapshot(actor.id)
      .then((unread) => socket.emit("unread", unread))
      .catch((error) => logger().error({ err: error, userId: actor.id }, "unread total on connect failed"));
  }
}

/** Everything the app's Socket.IO server registers on each connection (server.ts passes these). */
export function realtimeRegistrars(): ((socket: Socket) => void)[] {
  return [registerMessaging, registerNotifications, presenceRegistrar()];
}
