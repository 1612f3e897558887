import { z } from "zod";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { hitRateLimit, peekRateLimit } from "@/lib/rate-limit/limiter";

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

/** Checks e-mail and password, counting attempts per IP and failures per e-mail. */
export async function authenticateWithPassword(input: unknown, context: { ip: string }): Promise<AuthenticationResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const byIp = await hitRateLimit("loginByIp", context.ip);
  if (!byIp.success) return { ok: false, reason: "rate_limited", retryAfterSeconds: byIp.retryAfterSeconds };
  const byEmail = await peekRateLimit("loginFailuresByEmail", email);
  if (!byEmail.success) return { ok: false, reason: "rate_limited", retryAfterSeconds: byEmail.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, fullName: true, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !valid) {
    const failure = await hitRateLimit("loginFailuresByEmail", email);
    if (!failure.success) return { ok: false, reason: "rate_limited", retryAfterSeconds: failure.retryAfterSeconds };
    return { ok: false, reason: "invalid" };
  }
  return { ok: true, user: { id: user.id, email: user.email, fullName: user.fullName } };
}
