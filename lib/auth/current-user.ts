import { cookies } from "next/headers";
import { cache } from "react";
import type { Session } from "next-auth";
import type { Actor } from "@/lib/auth/actor";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { getSessionByToken, SESSION_ABSOLUTE_SECONDS } from "@/lib/auth/session-store";
import { loadSessionUser } from "@/lib/auth/session-user";

/**
 * The session of this request (looked up once per render): null only when there is none. Read here, not with
 * Auth.js's `auth()`, which answers "no session" for any error on the way: a PostgreSQL or Redis outage would
 * send every logged-in lawyer to the login page. Here an outage throws, and the error page says so (503).
 */
export const getCurrentSession = cache(async (): Promise<Session | null> => {
  const record = await getSessionByToken((await cookies()).get(sessionCookieName())?.value, { touch: true });
  const user = record ? await loadSessionUser(record.userId) : null;
  if (!record || !user) return null;
  return { sessionId: record.id, user, expires: new Date(record.createdAt + SESSION_ABSOLUTE_SECONDS * 1000).toISOString() };
});

export function actorFromSession(session: Session): Actor {
  return {
    id: session.user.id,
    role: session.user.role,
    verification: session.user.verification,
    sessionId: session.sessionId,
  };
}

export async function getCurrentActor(): Promise<Actor | null> {
  const session = await getCurrentSession();
  return session ? actorFromSession(session) : null;
}
