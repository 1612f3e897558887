import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { addNotificationJob } from "@/lib/queue/queues";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";
import { securityEventData, type SecurityContext } from "@/lib/security/record-security-event";
import { checkCurrentPassword } from "@/lib/users/check-current-password";
import { revokeEmailChangeToken } from "@/lib/users/email-change-token";
import { parseInput, validationError } from "@/lib/validation";

export const EMAIL_IN_USE = "Bu e-posta adresi başka bir hesapta kullanılıyor.";

const changeEmailSchema = z.object({
  newEmail: z
    .string({ error: "Yeni e-posta adresinizi girin." })
    .trim()
    .toLowerCase()
    .max(320, "Geçerli bir e-posta adresi girin.")
    .pipe(z.email("Geçerli bir e-posta adresi girin.")),
  currentPassword: z.string({ error: "Mevcut şifrenizi girin." }).min(1, "Mevcut şifrenizi girin.").max(200, "Mevcut şifrenizi girin."),
});

/** The address the lawyer asked to move to and has not confirmed yet, if any. */
export async function getPendingEmailChange(actor: Actor): Promise<{ email: string; pendingEmail: string | null }> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { email: true, pendingEmail: true } });
  if (!user) throw notFound("Hesabınız bulunamadı.");
  return user;
}

/**
 * "E-posta adresimi değiştir": with the current password, the new address is kept on the account as pending and
 * the worker mails a confirmation link to it and a notice to the old address. Nothing changes until the link's
 * page is confirmed (lib/users/confirm-email-change.ts). The request's security event is written in the same
 * transaction by design: it holds both addresses for the notice, so the queue carries ids only.
 */
export async function requestEmailChange(actor: Actor, input: unknown, context: SecurityContext): Promise<{ pendingEmail: string }> {
  const { newEmail, currentPassword } = parseInput(changeEmailSchema, input);
  const { email } = await checkCurrentPassword(actor.id, currentPassword);
  if (newEmail === email) throw validationError({ newEmail: ["Bu adres zaten hesabınızın e-posta adresi."] });
  const holder = await db.user.findUnique({ where: { email: newEmail }, select: { emailConfirmedAt: true } });
  if (holder?.emailConfirmedAt) throw validationError({ newEmail: [EMAIL_IN_USE] });

  // counted only for a valid request: typos do not use up the links
  await enforceRateLimit("emailChangeRequest", actor.id);
  // a link mailed for an earlier request must not confirm this address
  await revokeEmailChangeToken(actor.id);
  const [, event] = await db.$transaction([
    db.user.update({ where: { id: actor.id }, data: { pendingEmail: newEmail }, select: { id: true } }),
    db.securityEvent.create({
      data: securityEventData({ userId: actor.id, type: "EMAIL_CHANGE_REQUESTED", detail: { from: email, to: newEmail } }, context),
      select: { id: true },
    }),
  ]);
  const at = Date.now();
  await addNotificationJob("email-change-confirmation", { userId: actor.id }, { jobId: `email-change-${actor.id}-${at}`, attempts: 5 });
  await addNotificationJob("email-change-notice", { securityEventId: event.id }, { jobId: `email-change-notice-${event.id}`, attempts: 5 });
  return { pendingEmail: newEmail };
}
