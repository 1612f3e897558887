import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { isWebPushConfigured } from "@/lib/notifications/channels/web-push";
import { parseInput } from "@/lib/validation";

const subscriptionSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/, error: "Geçersiz abonelik adresi." }).max(1000),
  keys: z.object({ p256dh: z.string().min(20).max(200), auth: z.string().min(8).max(100) }),
  userAgent: z.string().max(300).optional(),
});

/** Stores this browser's push subscription for the actor (re-subscribing the same endpoint moves it to the actor). */
export async function savePushSubscription(actor: Actor, input: unknown): Promise<{ saved: true }> {
  if (!isWebPushConfigured()) throw new AppError("VALIDATION", "Tarayıcı bildirimleri şu anda kullanılamıyor.");
  const data = parseInput(subscriptionSchema, input);
  await db.pushSubscription.upsert({
    where: { endpoint: data.endpoint },
    create: { userId: actor.id, endpoint: data.endpoint, p256dh: data.keys.p256dh, auth: data.keys.auth, userAgent: data.userAgent },
    update: { userId: actor.id, p256dh: data.keys.p256dh, auth: data.keys.auth, userAgent: data.userAgent },
  });
  return { saved: true };
}

/** Removes one of the actor's subscriptions; other users' endpoints are left alone. */
export async function removePushSubscription(actor: Actor, input: unknown): Promise<{ removed: number }> {
  const { endpoint } = parseInput(z.object({ endpoint: z.string().min(1).max(1000) }), input);
  const { count } = await db.pushSubscription.deleteMany({ where: { endpoint, userId: actor.id } });
  return { removed: count };
}
