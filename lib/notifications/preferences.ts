import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { NotificationChannel, NotificationType } from "@/lib/generated/prisma/enums";
import { notificationCatalog, notificationChannels, notificationTypes } from "@/lib/notifications/catalog";
import { liftStopForUser } from "@/lib/whatsapp/stop-messages";

/** event × channel → on/off. Stored in User.notificationPrefs; missing entries fall back to the catalog defaults. */
export type NotificationPreferences = Record<NotificationType, Record<NotificationChannel, boolean>>;

const storedSchema = z.record(z.string(), z.record(z.string(), z.boolean()));

export function resolvePreferences(stored: unknown): NotificationPreferences {
  const parsed = storedSchema.safeParse(stored);
  const saved = parsed.success ? parsed.data : {};
  const out = {} as NotificationPreferences;
  for (const type of notificationTypes) {
    out[type] = {} as Record<NotificationChannel, boolean>;
    for (const channel of notificationChannels) {
      out[type][channel] = saved[type]?.[channel] ?? notificationCatalog[type].defaults.includes(channel);
    }
  }
  return out;
}

export async function getNotificationPreferences(actor: Actor): Promise<NotificationPreferences> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { notificationPrefs: true } });
  return resolvePreferences(user.notificationPrefs);
}

/**
 * Saves the settings matrix. Input is the form's checkboxes: a field `<TYPE>.<CHANNEL>` = "on" for each ticked
 * box; every box not present is off.
 */
export async function updateNotificationPreferences(actor: Actor, input: Record<string, unknown>): Promise<NotificationPreferences> {
  const prefs = {} as NotificationPreferences;
  for (const type of notificationTypes) {
    prefs[type] = {} as Record<NotificationChannel, boolean>;
    for (const channel of notificationChannels) prefs[type][channel] = input[`${type}.${channel}`] === "on";
  }
  await db.user.update({ where: { id: actor.id }, data: { notificationPrefs: prefs } });
  // ticking a WhatsApp box is asking for WhatsApp again: it lifts a DUR sent from the lawyer's number
  if (notificationTypes.some((type) => prefs[type].WHATSAPP)) await liftStopForUser(actor.id);
  return prefs;
}
