import { randomUUID } from "node:crypto";
import { announcePresence } from "@/lib/presence/announce-presence";
import { PRESENCE, removeSocket, sweepOffline, touchSockets, type SocketEntry } from "@/lib/presence/presence-store";

const logFailure = (what: string) => (error: unknown) => console.error(`presence: ${what} failed`, error);

function announceAll(userIds: string[], online: boolean) {
  for (const userId of userIds) void announcePresence(userId, online).catch(logFailure("announce"));
}

/**
 * This instance's part of presence: registers its sockets in Redis, refreshes them on a heartbeat (so they
 * expire if the process dies) and sweeps for users who went offline anywhere.
 */
// The heartbeat is spread over the interval: each second refreshes one slice of the sockets. Refreshing all
// 10,000 sockets of an instance at once every 15 s put a 10,000-command burst on Redis and the event loop,
// which showed up as message latency spikes.
const HEARTBEAT_SLICES = Math.max(1, Math.round(PRESENCE.heartbeatMs / 1_000));

export function createPresenceTracker() {
  const instance = randomUUID();
  const sockets = new Map<string, { entry: SocketEntry; registered: Promise<void>; slice: number }>();
  let nextSlice = 0;
  let tick = 0;
  const timers = [
    setInterval(() => {
      const slice = tick++ % HEARTBEAT_SLICES;
      const due = [...sockets.values()].filter((s) => s.slice === slice).map((s) => s.entry);
      touchSockets(due)
        .then((cameOnline) => announceAll(cameOnline, true))
        .catch(logFailure("heartbeat"));
    }, PRESENCE.heartbeatMs / HEARTBEAT_SLICES),
    setInterval(() => {
      sweepOffline()
        .then((wentOffline) => announceAll(wentOffline, false))
        .catch(logFailure("sweep"));
    }, PRESENCE.sweepMs),
  ];
  for (const timer of timers) timer.unref();

  return {
    connect(socketId: string, userId: string): void {
      const entry = { userId, entry: `${instance}:${socketId}` };
      const registered = touchSockets([entry])
        .then((cameOnline) => announceAll(cameOnline, true))
        .catch(logFailure("connect"));
      sockets.set(socketId, { entry, registered, slice: nextSlice++ % HEARTBEAT_SLICES });
    },
    disconnect(socketId: string): void {
      const socket = sockets.get(socketId);
      if (!socket) return;
      sockets.delete(socketId);
      // after the registration, or a fast disconnect would be undone by it
      void socket.registered.then(() => removeSocket(socket.entry)).catch(logFailure("disconnect"));
    },
    stop(): void {
      for (const timer of timers) clearInterval(timer);
    },
  };
}
