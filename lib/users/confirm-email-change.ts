import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, conflict } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/jobs/errors";
import { securityEventData, type SecurityContext } from "@/lib/security/record-security-event";
import { EMAIL_IN_USE } from "@/lib/users/change-email";
import { consumeEmailChangeToken } from "@/lib/users/email-change-token";
import { invalidateUsers } from "@/lib/users/user-cache";
import { parseInput } from "@/lib/validation";

export const INVALID_EMAIL_CHANGE_LINK_MESSAGE =
  "Bu e-posta değişikliği bağlantısının süresi dolmuş ya da bağlantı daha önce kullanılmış. Ayarlar sayfasından yeniden isteyebilirsiniz.";

const invalidLink = () => new AppError("VALIDATION", INVALID_EMAIL_CHANGE_LINK_MESSAGE);

/**
 * The lawyer opened the link mailed to the new address and pressed the button (a POST: a mail scanner fetching the
 * link changes nothing). The token is used up in one step; then, in one transaction, an unconfirmed account that
 * holds the address is replaced (as at registration: nobody proved it), the address moves and the change is logged.
 * An address a confirmed account took meanwhile is refused.
 */
export async function confirmEmailChange(input: unknown, context: SecurityContext): Promise<{ userId: string; email: string }> {
  const { token } = parseInput(z.object({ token: z.string().max(100) }), input);
  const userId = await consumeEmailChangeToken(token);
  if (!userId) throw invalidLink();
  let email: string;
  try {
    email = await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, pendingEmail: true } });
      if (!user?.pendingEmail) throw invalidLink();
      const holder = await tx.user.findUnique({ where: { email: user.pendingEmail }, select: { id: true, emailConfirmedAt: true } });
      if (holder?.emailConfirmedAt) throw conflict(EMAIL_IN_USE);
      if (holder) await tx.user.deleteMany({ where: { id: holder.id, emailConfirmedAt: null } });
      await tx.user.update({ where: { id: userId }, data: { email: user.pendingEmail, pendingEmail: null, emailConfirmedAt: new Date() } });
      await tx.securityEvent.create({
        data: securityEventData({ userId, type: "EMAIL_CHANGED", detail: { from: user.email, to: user.pendingEmail } }, context),
      });
      return user.pendingEmail;
    });
  } catch (error) {
    // a registration of the address that was confirmed between the check and the update
    if (isUniqueViolation(error)) throw conflict(EMAIL_IN_USE);
    throw error;
  }
  await invalidateUsers([userId]);
  return { userId, email };
}
