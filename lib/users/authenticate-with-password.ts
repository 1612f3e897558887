import { z } from "zod";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { hitRateLimit, peekRateLimit } from "@/lib/rate-limit/limiter";
import { recordSecurityEvent } from "@/lib/security/record-security-event";
import { isKnownLoginAddress, rememberLoginAddress } from "@/lib/users/known-login-addresses";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().min(1).max(200),
});

export type AuthenticationResult =
  | { ok: true; user: { id: string; email: string; fullName: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

// argon2 verify against a fixed hash, so unknown e-mails take as long as wrong passwords
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$h9ffx1qgOWgi1RZK3r+5NQ$91rykTylAADu5IhDwDmpFoOC17TtFyBI1B09zPPSXdc";

/** How long an attempt from an unknown address waits once the account is under a guessing attack. */
export const SLOWDOWN_MS = 3_000;

/**
 * Checks e-mail and password. Throttling (OWASP ASVS 2.2.1, the authentication cheat sheet): every attempt per
 * address; failures per account and address (that address is stopped); failures per account from anywhere slow
 * down attempts from addresses the owner has not logged in from, and never refuse. The owner's way in: a known
 * address, or the password reset link. Wrong passwords for an existing account go to its security log (a sign-in is logged once it opens a session, in lib/auth/auth.ts).
 */
export async function authenticateWithPassword(input: unknown, context: { ip: string; userAgent?: string }): Promise<AuthenticationResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const accountAtAddress = `${email}|${context.ip}`;

  const byIp = await hitRateLimit("loginByIp", context.ip);
  if (!byIp.success) return { ok: false, reason: "rate_limited", retryAfterSeconds: byIp.retryAfterSeconds };
  const here = await peekRateLimit("loginFailuresByAccountAndIp", accountAtAddress);
  if (!here.success) return { ok: false, reason: "rate_limited", retryAfterSeconds: here.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, fullName: true, passwordHash: true },
  });
  const underAttack = !(await peekRateLimit("loginFailuresByAccount", email)).success;
  if (underAttack && !(user && (await isKnownLoginAddress(user.id, context.ip)))) await new Promise((r) => setTimeout(r, SLOWDOWN_MS));

  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  const seenFrom = { ip: context.ip, userAgent: context.userAgent ?? "" };
  if (!user || !valid) {
    if (user) await recordSecurityEvent({ userId: user.id, type: "LOGIN_FAILED" }, seenFrom);
    const [failure] = await Promise.all([hitRateLimit("loginFailuresByAccountAndIp", accountAtAddress), hitRateLimit("loginFailuresByAccount", email)]);
    if (!failure.success) return { ok: false, reason: "rate_limited", retryAfterSeconds: failure.retryAfterSeconds };
    return { ok: false, reason: "invalid" };
  }
  await rememberLoginAddress(user.id, context.ip);
  return { ok: true, user: { id: user.id, email: user.email, fullName: user.fullName } };
}
