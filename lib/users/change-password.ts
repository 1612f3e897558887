import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { revokeOtherSessions } from "@/lib/auth/session-store";
import { notFound } from "@/lib/errors";
import { recordSecurityEvent, type SecurityContext } from "@/lib/security/record-security-event";
import { checkCurrentPassword } from "@/lib/users/check-current-password";
import { registerUserSchema } from "@/lib/users/register-user.schema";
import { parseInput } from "@/lib/validation";

const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Mevcut şifrenizi girin." }).min(1, "Mevcut şifrenizi girin.").max(200, "Mevcut şifrenizi girin."),
    // the same rules as at registration
    newPassword: registerUserSchema.shape.password,
    newPasswordConfirm: z.string({ error: "Yeni şifreyi tekrar girin." }),
  })
  .refine((v) => v.newPassword === v.newPasswordConfirm, { path: ["newPasswordConfirm"], message: "Şifreler eşleşmiyor." })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Yeni şifre mevcut şifrenizle aynı olamaz." });

/**
 * "Şifremi değiştir" while logged in: the current password is checked (throttled), the argon2id hash replaced, and
 * every other session of the lawyer ended with its sockets; the session making the change stays logged in.
 */
export async function changePassword(actor: Actor, input: unknown, context: SecurityContext): Promise<{ revokedCount: number }> {
  const { currentPassword, newPassword } = parseInput(changePasswordSchema, input);
  await checkCurrentPassword(actor.id, currentPassword);
  const { count } = await db.user.updateMany({ where: { id: actor.id }, data: { passwordHash: await hashPassword(newPassword) } });
  if (count === 0) throw notFound("Hesabınız bulunamadı.");
  const revoked = await revokeOtherSessions(actor.id, actor.sessionId);
  await recordSecurityEvent({ userId: actor.id, type: "PASSWORD_CHANGED", detail: { revokedSessions: revoked.length } }, context);
  return { revokedCount: revoked.length };
}
