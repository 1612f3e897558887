import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isEmailConfigured, sendEmail } from "@/lib/notifications/channels/email";
import { PermanentDeliveryError } from "@/lib/notifications/delivery-errors";
import { escapeHtml, renderEmail, type RenderedEmail } from "@/lib/notifications/email-template";
import { issuePasswordResetToken, PASSWORD_RESET_TTL_SECONDS } from "@/lib/users/password-reset-token";

/** The Turkish reset e-mail (same look as the notification e-mails), plain text and HTML, both with the link. */
export function renderPasswordResetEmail(input: { recipientName: string; resetUrl: string }): RenderedEmail {
  const minutes = PASSWORD_RESET_TTL_SECONDS / 60;
  const ignore = "Bu isteği siz yapmadıysanız bu e-postayı dikkate almayın; şifreniz değişmez.";
  return renderEmail({
    subject: "Şifre sıfırlama · Tevkil",
    recipientName: input.recipientName,
    heading: "Şifre sıfırlama",
    intro: "Tevkil hesabınız için şifre sıfırlama isteği aldık. Yeni şifrenizi belirlemek için aşağıdaki bağlantıyı kullanın.",
    action: { label: "Şifremi sıfırla", textLabel: "Şifrenizi sıfırlamak için", url: input.resetUrl },
    details: [`Bağlantı ${minutes} dakika geçerlidir ve yalnızca bir kez kullanılabilir. Şifreniz değişince açık olan tüm oturumlarınız kapatılır.`],
    footer: { text: ignore, html: escapeHtml(ignore) },
  });
}

/**
 * Worker side of "Şifremi unuttum": issues a fresh token (voiding the user's previous link) and e-mails the link.
 * A retry issues another token, so only the link in the last e-mail that got out works.
 */
export async function sendPasswordResetEmail(userId: string): Promise<"sent" | "skipped"> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, fullName: true } });
  if (!user) return "skipped";
  // retrying cannot fix missing configuration; the failed job shows on the admin queue page
  if (!isEmailConfigured()) throw new PermanentDeliveryError("SMTP_URL is not set: password reset e-mail not sent");
  const token = await issuePasswordResetToken(userId);
  const resetUrl = new URL(`/sifre-sifirla/${token}`, env().APP_URL).toString();
  await sendEmail(user.email, renderPasswordResetEmail({ recipientName: user.fullName, resetUrl }), `password-reset.${randomUUID()}`);
  return "sent";
}
