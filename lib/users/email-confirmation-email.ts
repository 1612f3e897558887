import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isEmailConfigured, sendEmail } from "@/lib/notifications/channels/email";
import { PermanentDeliveryError } from "@/lib/notifications/delivery-errors";
import { escapeHtml, renderEmail, type RenderedEmail } from "@/lib/notifications/email-template";
import { EMAIL_CONFIRMATION_TTL_SECONDS, issueEmailConfirmationToken } from "@/lib/users/email-confirmation-token";

/** The Turkish "confirm your address" e-mail, plain text and HTML, both with the link. */
export function renderEmailConfirmationEmail(input: { recipientName: string; confirmUrl: string }): RenderedEmail {
  const hours = EMAIL_CONFIRMATION_TTL_SECONDS / 3600;
  const ignore = "Tevkil'e siz kaydolmadıysanız bu e-postayı dikkate almayın; adresiniz onaylanmadıkça hesap kullanılamaz.";
  return renderEmail({
    subject: "E-posta adresinizi onaylayın · Tevkil",
    recipientName: input.recipientName,
    heading: "E-posta adresinizi onaylayın",
    intro: "Tevkil'e kaydolduğunuz için teşekkürler. Bu adresin size ait olduğunu onaylamak için aşağıdaki bağlantıyı kullanın.",
    action: { label: "E-postamı onayla", textLabel: "Adresinizi onaylamak için", url: input.confirmUrl },
    details: [`Bağlantı ${hours} saat geçerlidir ve yalnızca bir kez kullanılabilir. Baro kaydınız, adresiniz onaylandıktan sonra yönetici tarafından incelenir.`],
    footer: { text: ignore, html: escapeHtml(ignore) },
  });
}

/**
 * Worker side of registration: issues a fresh confirmation token (voiding the user's previous link) and e-mails it.
 * Skips accounts that are gone (replaced by a later registration of the address) or already confirmed.
 */
export async function sendEmailConfirmationEmail(userId: string): Promise<"sent" | "skipped"> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, fullName: true, emailConfirmedAt: true } });
  if (!user || user.emailConfirmedAt) return "skipped";
  if (!isEmailConfigured()) throw new PermanentDeliveryError("SMTP_URL is not set: e-mail confirmation not sent");
  const token = await issueEmailConfirmationToken(userId);
  const confirmUrl = new URL(`/eposta-onayi/${token}`, env().APP_URL).toString();
  await sendEmail(user.email, renderEmailConfirmationEmail({ recipientName: user.fullName, confirmUrl }), `email-confirmation.${randomUUID()}`);
  return "sent";
}
