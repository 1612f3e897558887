import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { getSessionByHandle, getSessionByToken, type SessionRecord } from "@/lib/auth/session-store";

/** The actor behind a session cookie token, or null when the session is gone or its user no longer exists. */
export async function loadActorForSessionToken(token: string | undefined): Promise<Actor | null> {
  return actorOf(await getSessionByToken(token, { touch: true }));
}

/** The same for a session handle (a socket re-checking the session it connected with). */
export async function loadActorForSessionHandle(handle: string): Promise<Actor | null> {
  return actorOf(await getSessionByHandle(handle, { touch: true }));
}

async function actorOf(session: SessionRecord | null): Promise<Actor | null> {
  if (!session) return null;
  // a closed account (KVKK deletion) acts no more, even with a session opened in the instant before it closed
  const user = await db.user.findFirst({ where: { id: session.userId, deletedAt: null }, select: { id: true, role: true, verification: true } });
  return user ? { id: user.id, role: user.role, verification: user.verification, sessionId: session.id } : null;
}
