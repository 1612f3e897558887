import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { revokeOtherSessions, revokeSession } from "@/lib/auth/session-store";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

const revokeSessionSchema = z.object({ sessionId: z.string().min(1).max(100) });

// the store closes the sockets opened with a revoked session, on every instance

/** Signs out one of the actor's own sessions. Someone else's session id is NOT_FOUND. */
export async function revokeOwnSession(actor: Actor, input: unknown): Promise<{ revoked: string }> {
  const { sessionId } = parseInput(revokeSessionSchema, input);
  if (!(await revokeSession(actor.id, sessionId))) throw notFound("Bu oturum bulunamadı ya da zaten kapatılmış.");
  return { revoked: sessionId };
}

/** Signs out every session of the actor except the one making the request. */
export async function revokeOwnOtherSessions(actor: Actor): Promise<{ revokedCount: number }> {
  const revoked = await revokeOtherSessions(actor.id, actor.sessionId);
  return { revokedCount: revoked.length };
}
