import { db } from "@/lib/db";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";
import { consumeRecoveryCode } from "@/lib/two-factor/recovery-codes";
import { open } from "@/lib/two-factor/secret-box";
import { looksLikeTotpCode, verifyTotpCode } from "@/lib/two-factor/totp";
import { validationError } from "@/lib/validation";

export const WRONG_CODE_MESSAGE = "Kod geçersiz ya da süresi doldu. Uygulamadaki güncel kodu ya da kullanılmamış bir kurtarma kodunu girin.";

/**
 * A code from the lawyer's authenticator app, or one of their recovery codes, for an account with two-step login.
 * Every attempt counts against the account's allowance (a stolen password cannot be followed by a million codes);
 * throws VALIDATION on the `code` field when the code is wrong, RATE_LIMITED past the allowance.
 */
export async function checkSecondFactor(userId: string, code: string): Promise<{ usedRecoveryCode: boolean }> {
  await enforceRateLimit("secondFactorByAccount", userId);
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  const secret = user?.totpEnabledAt && user.totpSecret ? open(user.totpSecret) : null;
  if (!secret) throw validationError({ code: [WRONG_CODE_MESSAGE] });
  const typed = code.trim().replace(/\s/g, "");
  if (looksLikeTotpCode(typed)) {
    if (await verifyTotpCode(userId, secret, typed)) return { usedRecoveryCode: false };
  } else if (await consumeRecoveryCode(userId, typed)) {
    return { usedRecoveryCode: true };
  }
  throw validationError({ code: [WRONG_CODE_MESSAGE] });
}

/** Whether logging in to this account takes a second step. */
export async function hasTwoFactor(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  return Boolean(user?.totpEnabledAt);
}
