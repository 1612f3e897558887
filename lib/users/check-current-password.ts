import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { notFound } from "@/lib/errors";
import { hitRateLimit, peekRateLimit, rateLimitedError } from "@/lib/rate-limit/limiter";
import { validationError } from "@/lib/validation";

export const WRONG_CURRENT_PASSWORD = "Mevcut şifreniz doğru değil.";

/**
 * The logged-in lawyer proves they know the password before a change to the account (a session left open on a
 * shared computer must not be enough). Throttled like logins: only wrong guesses count, per account. There is no
 * second factor yet, so the password is the only proof on offer. Returns the stored hash's owner row.
 */
export async function checkCurrentPassword(userId: string, password: string): Promise<{ email: string; fullName: string }> {
  const allowance = await peekRateLimit("currentPasswordFailures", userId);
  if (!allowance.success) throw rateLimitedError(allowance.retryAfterSeconds);
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, fullName: true, passwordHash: true } });
  if (!user) throw notFound("Hesabınız bulunamadı.");
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failure = await hitRateLimit("currentPasswordFailures", userId);
    if (!failure.success) throw rateLimitedError(failure.retryAfterSeconds);
    throw validationError({ currentPassword: [WRONG_CURRENT_PASSWORD] }, WRONG_CURRENT_PASSWORD);
  }
  return { email: user.email, fullName: user.fullName };
}
