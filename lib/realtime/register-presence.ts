import type { Socket } from "socket.io";
import { getPresence } from "@/lib/presence/get-presence";
import { createPresenceTracker } from "@/lib/presence/presence-tracker";
import { socketHandler, type SocketData } from "@/lib/realtime/socket-handler";

/** Presence for this instance's sockets (one tracker per process) and the `presence:get` event. */
export function presenceRegistrar(): (socket: Socket) => void {
  const tracker = createPresenceTracker();
  return (socket) => {
    const { actor } = socket.data as SocketData;
    tracker.connect(socket.id, actor.id);
    socket.on("disconnect", () => tracker.disconnect(socket.id));
    socket.on("presence:get", socketHandler(socket, getPresence));
  };
}
