import type { Socket } from "socket.io";
import { getPresence } from "@/lib/presence/get-presence";
import { createPresenceTracker } from "@/lib/presence/presence-tracker";
import { socketHandler, type SocketData } from "@/lib/realtime/socket-handler";

/** Presence for this instance's sockets (one tracker per process) and the `presence:get` event. */
export function presenceRegistrar(): (socket: Socket) => void {
  const tracker = createPresenceTracker();
  const getPresenceHandler = socketHandler(getPresence, { event: "presence:get", rateLimit: "socketPresence" });
  function onDisconnect(this: Socket) {
    tracker.disconnect(this.id);
  }
  return (socket) => {
    const { actor } = socket.data as SocketData;
    tracker.connect(socket.id, actor.id);
    socket.on("disconnect", onDisconnect);
    socket.on("presence:get", getPresenceHandler);
  };
}
