"use server";

import { authedAction } from "@/lib/actions/server-action";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/notification-center";

// No revalidatePath here: the list and the bell update their own state from the results, and a
// re-render of the page would only resend what the browser already shows.
export const markNotificationReadAction = authedAction((actor, input) => markNotificationRead(actor, input), {
  rateLimit: "notificationSettings",
});

export const markAllNotificationsReadAction = authedAction((actor) => markAllNotificationsRead(actor), {
  rateLimit: "notificationSettings",
});
