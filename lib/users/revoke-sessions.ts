import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { getSessionByHandle, revokeOtherSessions, revokeSession } from "@/lib/auth/session-store";
import { notFound } from "@/lib/errors";
import { recordSecurityEvent, type SecurityContext } from "@/lib/security/record-security-event";
import { describeUserAgent } from "@/lib/users/describe-user-agent";
import { parseInput } from "@/lib/validation";

const revokeSessionSchema = z.object({ sessionId: z.string().min(1).max(100) });

// the store closes the sockets opened with a revoked session, on every instance

/** Signs out one of the actor's own sessions. Someone else's session id is NOT_FOUND. */
export async function revokeOwnSession(actor: Actor, input: unknown, context: SecurityContext): Promise<{ revoked: string }> {
  const { sessionId } = parseInput(revokeSessionSchema, input);
  // read first for the log (which device was signed out); the revocation below decides whose it is
  const target = await getSessionByHandle(sessionId);
  if (!(await revokeSession(actor.id, sessionId))) throw notFound("Bu oturum bulunamadı ya da zaten kapatılmış.");
  const detail = target ? { device: describeUserAgent(target.userAgent), ip: target.ip } : undefined;
  await recordSecurityEvent({ userId: actor.id, type: "SESSION_REVOKED", detail }, context);
  return { revoked: sessionId };
}

/** Signs out every session of the actor except the one making the request. */
export async function revokeOwnOtherSessions(actor: Actor, context: SecurityContext): Promise<{ revokedCount: number }> {
  const revoked = await revokeOtherSessions(actor.id, actor.sessionId);
  await recordSecurityEvent({ userId: actor.id, type: "OTHER_SESSIONS_REVOKED", detail: { revokedSessions: revoked.length } }, context);
  return { revokedCount: revoked.length };
}
