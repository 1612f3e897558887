import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isEmailConfigured, sendEmail } from "@/lib/notifications/channels/email";
import { PermanentDeliveryError } from "@/lib/notifications/delivery-errors";
import type { RenderedEmail } from "@/lib/notifications/email-template";
import { issuePasswordResetToken, PASSWORD_RESET_TTL_SECONDS } from "@/lib/users/password-reset-token";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The Turkish reset e-mail (same look as the notification e-mails), plain text and HTML, both with the link. */
export function renderPasswordResetEmail(input: { recipientName: string; resetUrl: string }): RenderedEmail {
  const minutes = PASSWORD_RESET_TTL_SECONDS / 60;
  const subject = "Şifre sıfırlama · Tevkil";
  const intro = "Tevkil hesabınız için şifre sıfırlama isteği aldık. Yeni şifrenizi belirlemek için aşağıdaki bağlantıyı kullanın.";
  const validity = `Bağlantı ${minutes} dakika geçerlidir ve yalnızca bir kez kullanılabilir. Şifreniz değişince açık olan tüm oturumlarınız kapatılır.`;
  const ignore = "Bu isteği siz yapmadıysanız bu e-postayı dikkate almayın; şifreniz değişmez.";
  const text = [
    `Sayın ${input.recipientName},`,
    "",
    intro,
    "",
    `Şifrenizi sıfırlamak için: ${input.resetUrl}`,
    "",
    validity,
    ignore,
    "",
    "—",
    "Tevkil · avukatlar arası görev paylaşımı",
  ].join("\n");
  const html = `<!doctype html>
<html lang="tr"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:Arial,Helvetica,sans-serif;color:#17202a">
  <table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #dde2e8;border-radius:10px">
    <tr><td style="padding:16px 24px;background:#1f3a68;color:#ffffff;font-weight:bold;font-size:18px;border-radius:10px 10px 0 0">Tevkil</td></tr>
    <tr><td style="padding:24px">
      <p style="margin:0 0 12px">Sayın ${escapeHtml(input.recipientName)},</p>
      <h1 style="font-size:18px;margin:0 0 12px">Şifre sıfırlama</h1>
      <p style="margin:0 0 20px;line-height:1.5">${escapeHtml(intro)}</p>
      <a href="${escapeHtml(input.resetUrl)}" style="display:inline-block;background:#1f3a68;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:bold">Şifremi sıfırla</a>
      <p style="margin:20px 0 0;line-height:1.5;font-size:14px">${escapeHtml(validity)}</p>
      <p style="margin:8px 0 0;font-size:12px;color:#5b6673;word-break:break-all">Düğme çalışmazsa bu adresi tarayıcınıza yapıştırın: ${escapeHtml(input.resetUrl)}</p>
    </td></tr>
    <tr><td style="padding:16px 24px;font-size:12px;color:#5b6673;border-top:1px solid #dde2e8">${escapeHtml(ignore)}</td></tr>
  </table>
</body></html>`;
  return { subject, text, html };
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
