import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { NotificationChannel } from "@/lib/generated/prisma/enums";
import { sendEmail } from "@/lib/notifications/channels/email";
import { sendWebPush, SubscriptionGoneError } from "@/lib/notifications/channels/web-push";
import { PermanentDeliveryError, RetryableDeliveryError } from "@/lib/notifications/delivery-errors";
import { renderNotificationEmail } from "@/lib/notifications/email-template";
import { deliverWhatsAppNotification } from "@/lib/whatsapp/notification-message";

export type DeliveryOutcome = "sent" | "already-sent" | "skipped";

type LoadedNotification = NonNullable<Awaited<ReturnType<typeof loadNotification>>>;

function loadNotification(notificationId: string) {
  return db.notification.findUnique({
    where: { id: notificationId },
    select: {
      id: true,
      type: true,
      subjectId: true,
      title: true,
      body: true,
      link: true,
      user: {
        select: {
          fullName: true,
          email: true,
          whatsappNumber: true,
          whatsappVerifiedAt: true,
          pushSubscriptions: { select: { id: true, endpoint: true, p256dh: true, auth: true } },
        },
      },
    },
  });
}

async function sendOn(channel: NotificationChannel, n: LoadedNotification): Promise<"sent" | "skipped"> {
  const url = new URL(n.link, env().APP_URL).toString();
  if (channel === "EMAIL") {
    const email = renderNotificationEmail({ recipientName: n.user.fullName, title: n.title, body: n.body, link: n.link });
    await sendEmail(n.user.email, email, `${n.id}.email`);
    return "sent";
  }
  if (channel === "WHATSAPP") {
    if (!n.user.whatsappNumber || !n.user.whatsappVerifiedAt) return "skipped";
    return deliverWhatsAppNotification({ ...n, whatsappNumber: n.user.whatsappNumber, url });
  }
  let delivered = 0;
  let retryable: Error | null = null;
  for (const subscription of n.user.pushSubscriptions) {
    try {
      await sendWebPush(subscription, { title: n.title, body: n.body, url, tag: n.id });
      delivered++;
    } catch (error) {
      if (error instanceof SubscriptionGoneError) await db.pushSubscription.deleteMany({ where: { id: subscription.id } });
      else if (error instanceof RetryableDeliveryError) retryable = error;
      else throw error;
    }
  }
  if (retryable && delivered === 0) throw retryable;
  return delivered > 0 ? "sent" : "skipped";
}

/**
 * Sends one notification on one channel, at most once: the NotificationDelivery row says whether an
 * earlier attempt already got through, and a retried job finding SENT does nothing.
 */
export async function deliverNotification(notificationId: string, channel: NotificationChannel): Promise<DeliveryOutcome> {
  const key = { notificationId_channel: { notificationId, channel } };
  const delivery = await db.notificationDelivery.findUnique({ where: key });
  if (!delivery) return "skipped";
  if (delivery.status === "SENT") return "already-sent";
  if (delivery.status === "SKIPPED" || delivery.status === "FAILED") return "skipped";
  const notification = await loadNotification(notificationId);
  if (!notification) return "skipped";
  try {
    const outcome = await sendOn(channel, notification);
    await db.notificationDelivery.update({
      where: key,
      data: { status: outcome === "sent" ? "SENT" : "SKIPPED", sentAt: outcome === "sent" ? new Date() : null, attempts: { increment: 1 }, lastError: null },
    });
    return outcome;
  } catch (error) {
    await db.notificationDelivery.update({
      where: key,
      data: {
        attempts: { increment: 1 },
        lastError: (error as Error).message.slice(0, 500),
        ...(error instanceof PermanentDeliveryError ? { status: "FAILED" as const } : {}),
      },
    });
    throw error;
  }
}
