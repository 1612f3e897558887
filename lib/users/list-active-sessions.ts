import type { Actor } from "@/lib/auth/actor";
import { listSessions } from "@/lib/auth/session-store";
import { describeUserAgent } from "@/lib/users/describe-user-agent";

export type ActiveSession = {
  id: string;
  device: string;
  ip: string;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

/** The actor's own live sessions, the current one first. */
export async function listActiveSessions(actor: Actor): Promise<ActiveSession[]> {
  const sessions = await listSessions(actor.id);
  return sessions
    .map((s) => ({
      id: s.id,
      device: describeUserAgent(s.userAgent),
      ip: s.ip,
      createdAt: new Date(s.createdAt),
      lastSeenAt: new Date(s.lastSeenAt),
      current: s.id === actor.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
}
