import { cache } from "react";
import type { Session } from "next-auth";
import { auth } from "@/lib/auth/auth";
import type { Actor } from "@/lib/auth/actor";

/** The session of this request (looked up once per render). */
export const getCurrentSession = cache(async (): Promise<Session | null> => {
  const session = await auth();
  return session?.user?.id ? session : null;
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
