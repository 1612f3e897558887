import { db } from "@/lib/db";
import type { NotificationChannel } from "@/lib/generated/prisma/enums";
import { notificationChannels } from "@/lib/notifications/catalog";
import { isEmailConfigured } from "@/lib/notifications/channels/email";
import { isWebPushConfigured } from "@/lib/notifications/channels/web-push";
import { isWhatsAppConfigured } from "@/lib/notifications/channels/whatsapp";
import { resolvePreferences } from "@/lib/notifications/preferences";
import { addNotificationJob } from "@/lib/queue/queues";

/** Which channels this notification goes out on: the user's preferences, limited to what can reach them. */
export async function channelsFor(notificationId: string): Promise<NotificationChannel[]> {
  const notification = await db.notification.findUnique({
    where: { id: notificationId },
    select: {
      type: true,
      user: { select: { notificationPrefs: true, whatsappNumber: true, whatsappVerifiedAt: true, _count: { select: { pushSubscriptions: true } } } },
    },
  });
  if (!notification) return [];
  const wanted = resolvePreferences(notification.user.notificationPrefs)[notification.type];
  const reachable: Record<NotificationChannel, boolean> = {
    EMAIL: isEmailConfigured(),
    WHATSAPP: isWhatsAppConfigured() && Boolean(notification.user.whatsappNumber && notification.user.whatsappVerifiedAt),
    PUSH: isWebPushConfigured() && notification.user._count.pushSubscriptions > 0,
  };
  return notificationChannels.filter((channel) => wanted[channel] && reachable[channel]);
}

/** Records a PENDING delivery per channel and queues each; running it twice queues nothing new. */
export async function dispatchNotification(notificationId: string, options: { backoffMs?: number } = {}): Promise<NotificationChannel[]> {
  const channels = await channelsFor(notificationId);
  if (channels.length === 0) return [];
  await db.notificationDelivery.createMany({
    data: channels.map((channel) => ({ notificationId, channel })),
    skipDuplicates: true,
  });
  await Promise.all(
    channels.map((channel) =>
      addNotificationJob("deliver", { notificationId, channel }, { jobId: `${notificationId}-${channel}`, backoffMs: options.backoffMs }),
    ),
  );
  return channels;
}
