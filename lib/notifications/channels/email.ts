import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import type { RenderedEmail } from "@/lib/notifications/email-template";
import { PermanentDeliveryError, RetryableDeliveryError } from "@/lib/notifications/delivery-errors";

const globalForMail = globalThis as unknown as { tevkilMailer?: { url: string; transport: Transporter } };

export const isEmailConfigured = () => Boolean(env().SMTP_URL);

function transport(): Transporter {
  const url = env().SMTP_URL!;
  if (globalForMail.tevkilMailer?.url !== url) {
    globalForMail.tevkilMailer = { url, transport: nodemailer.createTransport(withPooling(url)) };
  }
  return globalForMail.tevkilMailer.transport;
}

/**
 * Sends one e-mail. The Message-ID is derived from the notification and channel, so a retry that does
 * reach the inbox twice is recognisable as the same message by mail clients.
 */
export async function sendEmail(to: string, email: RenderedEmail, messageKey: string): Promise<void> {
  try {
    await transport().sendMail({
      from: env().MAIL_FROM,
      to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: `<${messageKey}@tevkil>`,
    });
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    // 5xx: the server refused this message for good (unknown mailbox, policy); 4xx and network errors are transient
    if (code && code >= 500) throw new PermanentDeliveryError(`SMTP ${code}: ${(error as Error).message}`);
    throw new RetryableDeliveryError(`SMTP: ${(error as Error).message}`);
  }
}

export function closeMailer(): void {
  globalForMail.tevkilMailer?.transport.close();
  globalForMail.tevkilMailer = undefined;
}

// Keep SMTP connections open between messages instead of one handshake per e-mail. One connection carries one
// message at a time, so the connection count caps the rate (5, nodemailer's default, gave ~100 mails/s here);
// `?maxConnections=` in SMTP_URL overrides it for relays that allow fewer.
function withPooling(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
  if (!url.searchParams.has("maxConnections")) url.searchParams.set("maxConnections", "16");
  return url.toString();
}
