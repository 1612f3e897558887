import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { consumeEmailConfirmationToken } from "@/lib/users/email-confirmation-token";
import { queueEmailConfirmation } from "@/lib/users/register-user";
import { invalidateUsers } from "@/lib/users/user-cache";
import { parseInput } from "@/lib/validation";

export const INVALID_CONFIRMATION_LINK_MESSAGE =
  "Bu onay bağlantısının süresi dolmuş ya da bağlantı daha önce kullanılmış. Giriş yapıp sayfanın üstündeki uyarıdan yeni bir bağlantı isteyebilirsiniz.";

const invalidLink = () => new AppError("VALIDATION", INVALID_CONFIRMATION_LINK_MESSAGE);

/**
 * The lawyer opened the e-mailed link and pressed "E-postamı onayla" (a POST: mail scanners that fetch links must not
 * confirm anything). The token is used up in one step; an account replaced by a later registration of the address
 * is not confirmed by the old link.
 */
export async function confirmEmail(input: unknown): Promise<{ userId: string }> {
  const { token } = parseInput(z.object({ token: z.string().max(100) }), input);
  const userId = await consumeEmailConfirmationToken(token);
  if (!userId) throw invalidLink();
  const { count } = await db.user.updateMany({ where: { id: userId, emailConfirmedAt: null }, data: { emailConfirmedAt: new Date() } });
  if (count === 0 && (await db.user.count({ where: { id: userId } })) === 0) throw invalidLink();
  await invalidateUsers([userId]);
  return { userId };
}

/** "Bağlantıyı yeniden gönder" on the banner of a lawyer whose address is not confirmed yet (rate-limited by the action). */
export async function resendEmailConfirmation(actor: Actor): Promise<{ email: string }> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { email: true, emailConfirmedAt: true } });
  if (!user) throw notFound("Hesabınız bulunamadı.");
  if (user.emailConfirmedAt) throw conflict("E-posta adresiniz zaten onaylı.");
  await queueEmailConfirmation(actor.id);
  return { email: user.email };
}
