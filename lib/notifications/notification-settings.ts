import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import type { NotificationChannel } from "@/lib/generated/prisma/enums";
import { isEmailConfigured } from "@/lib/notifications/channels/email";
import { isWebPushConfigured } from "@/lib/notifications/channels/web-push";
import { isWhatsAppConfigured } from "@/lib/notifications/channels/whatsapp";
import { resolvePreferences, type NotificationPreferences } from "@/lib/notifications/preferences";
import { whatsappStoppedAt } from "@/lib/whatsapp/stop-messages";

export type NotificationSettings = {
  preferences: NotificationPreferences;
  /** channels this deployment can send on; the settings page shows the others disabled */
  configured: Record<NotificationChannel, boolean>;
  /** stoppedAt: when the number wrote DUR (nothing goes to it until BAŞLA or a WhatsApp box is ticked here) */
  whatsapp: { number: string | null; verified: boolean; stoppedAt: Date | null };
  /** the VAPID public key browsers subscribe with, when web push is configured */
  pushPublicKey: string | null;
};

/** Everything the notification settings page shows, in one read of the user row. */
export async function getNotificationSettings(actor: Actor): Promise<NotificationSettings> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { notificationPrefs: true, whatsappNumber: true, whatsappVerifiedAt: true },
  });
  const push = isWebPushConfigured();
  return {
    preferences: resolvePreferences(user.notificationPrefs),
    configured: { EMAIL: isEmailConfigured(), WHATSAPP: isWhatsAppConfigured(), PUSH: push },
    whatsapp: { number: user.whatsappNumber, verified: Boolean(user.whatsappNumber && user.whatsappVerifiedAt), stoppedAt: await whatsappStoppedAt(user.whatsappNumber) },
    pushPublicKey: push ? env().VAPID_PUBLIC_KEY! : null,
  };
}
