import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { isEmailConfigured, sendEmail } from "@/lib/notifications/channels/email";
import { PermanentDeliveryError } from "@/lib/notifications/delivery-errors";
import { escapeHtml, renderEmail, type RenderedEmail } from "@/lib/notifications/email-template";
import { EMAIL_CHANGE_TTL_SECONDS, issueEmailChangeToken } from "@/lib/users/email-change-token";

const requireSmtp = (what: string) => {
  // retrying cannot fix missing configuration; the failed job shows on the admin queue page
  if (!isEmailConfigured()) throw new PermanentDeliveryError(`SMTP_URL is not set: ${what} not sent`);
};

/** To the new address: "confirm this is your address", with the link. */
export function renderEmailChangeConfirmation(input: { recipientName: string; confirmUrl: string }): RenderedEmail {
  const ignore = "Bu isteği siz yapmadıysanız bu e-postayı dikkate almayın; bağlantı onaylanmadıkça hiçbir şey değişmez.";
  return renderEmail({
    subject: "Yeni e-posta adresinizi onaylayın · Tevkil",
    recipientName: input.recipientName,
    heading: "Yeni e-posta adresinizi onaylayın",
    intro: "Tevkil hesabınızın e-posta adresini bu adresle değiştirmek istediniz. Değişikliği tamamlamak için aşağıdaki bağlantıyı kullanın.",
    action: { label: "Yeni adresimi onayla", textLabel: "Yeni adresinizi onaylamak için", url: input.confirmUrl },
    details: [`Bağlantı ${EMAIL_CHANGE_TTL_SECONDS / 3600} saat geçerlidir ve yalnızca bir kez kullanılabilir. Onayladıktan sonra bu adresle giriş yaparsınız.`],
    footer: { text: ignore, html: escapeHtml(ignore) },
  });
}

/** To the old address: someone with the password asked to move the account elsewhere. */
export function renderEmailChangeNotice(input: { recipientName: string; newEmail: string; at: Date; settingsUrl: string }): RenderedEmail {
  const footer = "Bu değişikliği siz istediyseniz bir şey yapmanız gerekmez.";
  return renderEmail({
    subject: "E-posta adresinizi değiştirme isteği · Tevkil",
    recipientName: input.recipientName,
    heading: "E-posta adresinizi değiştirme isteği",
    intro: `${formatDateTime(input.at)} tarihinde Tevkil hesabınızın e-posta adresini ${input.newEmail} olarak değiştirme isteği yapıldı. Yeni adres, oraya gönderilen bağlantıyla onaylanınca değişir.`,
    action: { label: "Hesap ayarlarını aç", textLabel: "Hesap ayarlarınız", url: input.settingsUrl },
    details: ["Bu isteği siz yapmadıysanız hemen şifrenizi değiştirin: yeni şifre diğer tüm oturumları kapatır ve bekleyen değişikliği ayarlardan görebilirsiniz."],
    footer: { text: footer, html: escapeHtml(footer) },
  });
}

/**
 * Worker side of an e-mail change: issues a fresh token (voiding an earlier link) and mails it to the address now
 * pending on the account. Skips when nothing is pending (confirmed or replaced by a later request meanwhile).
 */
export async function sendEmailChangeConfirmation(userId: string): Promise<"sent" | "skipped"> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { fullName: true, pendingEmail: true } });
  if (!user?.pendingEmail) return "skipped";
  requireSmtp("e-mail change confirmation");
  const token = await issueEmailChangeToken(userId);
  const confirmUrl = new URL(`/eposta-degisikligi/${token}`, env().APP_URL).toString();
  await sendEmail(user.pendingEmail, renderEmailChangeConfirmation({ recipientName: user.fullName, confirmUrl }), `email-change.${randomUUID()}`);
  return "sent";
}

/** Worker side: the notice to the address the account had when the change was asked for (kept in the request's event). */
export async function sendEmailChangeNotice(securityEventId: string): Promise<"sent" | "skipped"> {
  const event = await db.securityEvent.findUnique({ where: { id: securityEventId }, select: { detail: true, createdAt: true, user: { select: { fullName: true } } } });
  const detail = event?.detail as { from?: string; to?: string } | null | undefined;
  if (!event || !detail?.from || !detail.to) return "skipped";
  requireSmtp("e-mail change notice");
  const settingsUrl = new URL("/ayarlar", env().APP_URL).toString();
  await sendEmail(detail.from, renderEmailChangeNotice({ recipientName: event.user.fullName, newEmail: detail.to, at: event.createdAt, settingsUrl }), `email-change-notice.${securityEventId}`);
  return "sent";
}
