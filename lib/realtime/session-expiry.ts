import type { Server } from "socket.io";
import { sessionsTimeLeftMs } from "@/lib/auth/session-store";
import { sessionRoom } from "@/lib/realtime/rooms";
import type { SocketData } from "@/lib/realtime/socket-handler";

// A session's record expires in Redis (7 idle days, 30 in all) without anyone being told, and a socket does not
// read it again until its next actor refresh (5-10 minutes). So each instance keeps one timer per session that
// has sockets here, due when the record's expiry is: then it reads the expiry again (a page view may have moved
// it) and closes the session's sockets here if the record is gone. A revoked or logged-out session is closed at
// once by revoke-sessions; a record lost in a Redis restart is found by the reconnect's handshake (see
// subscription-guard.ts), since every socket reconnects then.

const MAX_TIMER_MS = 2 ** 31 - 1; // setTimeout's limit (~24.8 days): a longer wait is re-armed on the way
const CHECK_LATE_MS = 50; // after the expiry, not a hair before it

export function closeSocketsOnSessionExpiry(io: Server): void {
  const timers = new Map<string, NodeJS.Timeout>();
  const arm = (sessionId: string, inMs: number) => {
    clearTimeout(timers.get(sessionId));
    timers.set(sessionId, setTimeout(() => void check(sessionId), Math.min(inMs + CHECK_LATE_MS, MAX_TIMER_MS)).unref());
  };
  const check = async (sessionId: string) => {
    timers.delete(sessionId);
    if (!io.of("/").adapter.rooms.has(sessionRoom(sessionId))) return;
    try {
      const [leftMs] = await sessionsTimeLeftMs([sessionId]);
      if (leftMs > 0) arm(sessionId, leftMs);
      else io.in(sessionRoom(sessionId)).local.disconnectSockets(true);
    } catch (error) {
      console.error("session expiry check failed", error);
      arm(sessionId, 5_000);
    }
  };
  io.on("connection", (socket) => {
    const { sessionId } = (socket.data as SocketData).actor;
    if (!timers.has(sessionId)) void check(sessionId);
  });
  io.of("/").adapter.on("delete-room", (room: string) => {
    const sessionId = room.startsWith(sessionRoom("")) ? room.slice(sessionRoom("").length) : null;
    if (!sessionId) return;
    clearTimeout(timers.get(sessionId));
    timers.delete(sessionId);
  });
}
