import webpush from "web-push";
import { env } from "@/lib/env";
import { PermanentDeliveryError, RetryableDeliveryError } from "@/lib/notifications/delivery-errors";

export const isWebPushConfigured = () => Boolean(env().VAPID_PUBLIC_KEY && env().VAPID_PRIVATE_KEY);

export type PushTarget = { endpoint: string; p256dh: string; auth: string };

/** Thrown when the push service says the subscription no longer exists (404/410): remove it. */
export class SubscriptionGoneError extends Error {
  override name = "SubscriptionGoneError";
}

/** Sends an encrypted Web Push message (RFC 8291) with VAPID authentication (RFC 8292). */
export async function sendWebPush(target: PushTarget, payload: { title: string; body: string; url: string; tag: string }): Promise<void> {
  const e = env();
  try {
    await webpush.sendNotification(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      JSON.stringify(payload),
      {
        vapidDetails: { subject: e.APP_URL.startsWith("https://") ? e.APP_URL : `mailto:${fromAddress(e.MAIL_FROM)}`, publicKey: e.VAPID_PUBLIC_KEY!, privateKey: e.VAPID_PRIVATE_KEY! },
        TTL: 24 * 3600,
        timeout: 10_000,
      },
    );
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 404 || status === 410) throw new SubscriptionGoneError(`push subscription gone (${status})`);
    if (status === undefined || status === 429 || status >= 500) throw new RetryableDeliveryError(`push: ${(error as Error).message}`);
    throw new PermanentDeliveryError(`push ${status}: ${(error as Error).message}`);
  }
}

function fromAddress(mailFrom: string): string {
  return /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
}
