import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { isEmailConfigured, sendEmail } from "@/lib/notifications/channels/email";
import { PermanentDeliveryError } from "@/lib/notifications/delivery-errors";
import { escapeHtml, renderEmail, type RenderedEmail } from "@/lib/notifications/email-template";
import { describeUserAgent } from "@/lib/users/describe-user-agent";

/** "Hesabınıza yeni bir cihazdan giriş yapıldı", with the device, address and time. */
export function renderNewDeviceEmail(input: { recipientName: string; device: string; ip: string; at: Date; logUrl: string }): RenderedEmail {
  const notYou = "Bu giriş size ait değilse hemen şifrenizi değiştirin: yeni şifre diğer tüm oturumları kapatır.";
  return renderEmail({
    subject: "Yeni bir cihazdan giriş yapıldı · Tevkil",
    recipientName: input.recipientName,
    heading: "Hesabınıza yeni bir cihazdan giriş yapıldı",
    intro: "Tevkil hesabınıza daha önce kullanmadığınız bir cihazdan ya da adresten giriş yapıldı.",
    action: { label: "Güvenlik kaydını görüntüle", textLabel: "Güvenlik kaydınız", url: input.logUrl },
    details: [`Cihaz: ${input.device}`, `IP adresi: ${input.ip || "bilinmiyor"}`, `Zaman: ${formatDateTime(input.at)}`, notYou],
    footer: { text: "Bu giriş sizseniz bir şey yapmanız gerekmez.", html: escapeHtml("Bu giriş sizseniz bir şey yapmanız gerekmez.") },
  });
}

/** Worker side of a new-device sign-in: e-mails the account's owner. A retry sends the same message id. */
export async function sendNewDeviceNotice(securityEventId: string): Promise<"sent" | "skipped"> {
  const event = await db.securityEvent.findUnique({
    where: { id: securityEventId },
    select: { ip: true, userAgent: true, createdAt: true, user: { select: { email: true, fullName: true } } },
  });
  if (!event) return "skipped";
  if (!isEmailConfigured()) throw new PermanentDeliveryError("SMTP_URL is not set: new-device notice not sent");
  const email = renderNewDeviceEmail({
    recipientName: event.user.fullName,
    device: describeUserAgent(event.userAgent),
    ip: event.ip,
    at: event.createdAt,
    logUrl: new URL("/ayarlar/guvenlik", env().APP_URL).toString(),
  });
  await sendEmail(event.user.email, email, `new-device.${securityEventId}`);
  return "sent";
}
