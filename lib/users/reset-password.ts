import { z } from "zod";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { revokeOtherSessions } from "@/lib/auth/session-store";
import { AppError } from "@/lib/errors";
import { recordSecurityEvent, type SecurityContext } from "@/lib/security/record-security-event";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/register-user.schema";
import { consumePasswordResetToken } from "@/lib/users/password-reset-token";
import { parseInput } from "@/lib/validation";

export const INVALID_RESET_LINK_MESSAGE =
  "Bu şifre sıfırlama bağlantısının süresi dolmuş ya da bağlantı daha önce kullanılmış. Lütfen yeni bir bağlantı isteyin.";

const resetPasswordSchema = z
  .object({
    token: z.string().max(100),
    password: z
      .string({ error: `Şifre en az ${PASSWORD_MIN_LENGTH} karakter olmalı.` })
      .min(PASSWORD_MIN_LENGTH, `Şifre en az ${PASSWORD_MIN_LENGTH} karakter olmalı.`)
      .max(200, "Şifre en fazla 200 karakter olabilir."),
    passwordConfirm: z.string({ error: "Şifreyi tekrar girin." }),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "Şifreler eşleşmiyor." });

const invalidLink = () => new AppError("VALIDATION", INVALID_RESET_LINK_MESSAGE);

/**
 * Sets a new password with a reset link's token. The input is checked first (a typo does not use the link up), then
 * the token is consumed in one step (single use, even with two submits racing), the argon2id hash replaced, and every
 * session of the user ended, their open sockets included. The caller sends the user to the login page.
 */
export async function resetPassword(input: unknown, context: SecurityContext): Promise<{ userId: string }> {
  const { token, password } = parseInput(resetPasswordSchema, input);
  const userId = await consumePasswordResetToken(token);
  if (!userId) throw invalidLink();
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
  if (count === 0) throw invalidLink();
  const revoked = await revokeOtherSessions(userId, null);
  await recordSecurityEvent({ userId, type: "PASSWORD_RESET", detail: { revokedSessions: revoked.length } }, context);
  return { userId };
}
