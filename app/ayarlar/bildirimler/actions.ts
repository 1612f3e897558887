"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/server-action";
import { updateNotificationPreferences } from "@/lib/notifications/preferences";
import { removePushSubscription, savePushSubscription } from "@/lib/notifications/push-subscriptions";
import { confirmWhatsAppVerification, requestWhatsAppVerification } from "@/lib/notifications/whatsapp-verification";

const PAGE = "/ayarlar/bildirimler";

export const savePreferencesAction = authedAction(
  async (actor, input) => {
    await updateNotificationPreferences(actor, input);
    revalidatePath(PAGE);
    return { saved: true };
  },
  { rateLimit: "notificationSettings" },
);

export const requestWhatsAppCodeAction = authedAction(
  async (actor, input) => {
    const result = await requestWhatsAppVerification(actor, input);
    revalidatePath(PAGE);
    return result;
  },
  { rateLimit: "whatsappVerification" },
);

// typing the code is not what costs money (sending it is), and the code itself allows five tries
export const confirmWhatsAppCodeAction = authedAction(
  async (actor, input) => {
    const result = await confirmWhatsAppVerification(actor, input);
    revalidatePath(PAGE);
    return result;
  },
  { rateLimit: "notificationSettings" },
);

// the device name comes from the request, not from what the page sends
export const savePushSubscriptionAction = authedAction(
  (actor, input, context) => savePushSubscription(actor, { ...input, userAgent: context.userAgent.slice(0, 300) || undefined }),
  { rateLimit: "notificationSettings" },
);

export const removePushSubscriptionAction = authedAction((actor, input) => removePushSubscription(actor, input), {
  rateLimit: "notificationSettings",
});
