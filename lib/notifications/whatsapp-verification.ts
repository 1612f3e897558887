import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { isWhatsAppConfigured, WHATSAPP_VERIFICATION_TEMPLATE } from "@/lib/notifications/channels/whatsapp";
import { RetryableDeliveryError } from "@/lib/notifications/delivery-errors";
import { sendWhatsApp } from "@/lib/whatsapp/send-whatsapp";
import { addNotificationJob } from "@/lib/queue/queues";
import { getRedis, redisKey } from "@/lib/redis";
import { parseInput, validationError } from "@/lib/validation";

const CODE_TTL_SECONDS = 10 * 60;
const MAX_CODE_ATTEMPTS = 5;

const codeKey = (userId: string) => redisKey("wa-code", userId);
const hashCode = (userId: string, code: string) => createHash("sha256").update(`${userId}:${code}`).digest();

// Turkish mobile numbers: 5xx xxx xx xx, with or without +90 / 0 in front; stored as +905xxxxxxxxx
const phoneSchema = z.object({
  phone: z
    .string()
    .transform((v) => v.replace(/[\s()-]/g, ""))
    .pipe(z.string().regex(/^(\+90|0090|90|0)?5\d{9}$/, "Geçerli bir cep telefonu numarası girin (ör. 0532 123 45 67)."))
    .transform((v) => `+90${v.slice(-10)}`),
});
const codeSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, "6 haneli doğrulama kodunu girin.") });

/** Saves the number (unverified) and has the worker send a code to it over WhatsApp. */
export async function requestWhatsAppVerification(actor: Actor, input: unknown): Promise<{ phone: string }> {
  if (!isWhatsAppConfigured()) throw new AppError("VALIDATION", "WhatsApp bildirimleri şu anda kullanılamıyor.");
  const { phone } = parseInput(phoneSchema, input);
  await db.user.update({ where: { id: actor.id }, data: { whatsappNumber: phone, whatsappVerifiedAt: null } });
  await addNotificationJob("whatsapp-verification", { userId: actor.id }, { jobId: `wa-verify-${actor.id}-${Date.now()}`, attempts: 3 });
  return { phone };
}

/** Worker side: a fresh 6-digit code, kept in Redis only as a hash, sent with the authentication template. */
export async function sendWhatsAppVerificationCode(userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { whatsappNumber: true, whatsappVerifiedAt: true } });
  if (!user?.whatsappNumber || user.whatsappVerifiedAt) return;
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await getRedis().multi().hset(codeKey(userId), { hash: hashCode(userId, code).toString("hex"), attempts: 0 }).expire(codeKey(userId), CODE_TTL_SECONDS).exec();
  // asked for on the web by the number's owner: sent even to a number that said DUR, and logged like every message
  const outcome = await sendWhatsApp(user.whatsappNumber, "verification-code", {
    evenIfStopped: true,
    template: {
      name: WHATSAPP_VERIFICATION_TEMPLATE,
      components: [
        { type: "body", parameters: [{ type: "text", text: code }] },
        { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: code }] },
      ],
    },
  });
  if (outcome === "rate-limited") throw new RetryableDeliveryError("WhatsApp per-number rate limit: retried later");
}

/** Checks the code the user typed; five wrong tries void it. */
export async function confirmWhatsAppVerification(actor: Actor, input: unknown): Promise<{ verified: true }> {
  const { code } = parseInput(codeSchema, input);
  const redis = getRedis();
  const stored = await redis.hgetall(codeKey(actor.id));
  if (!stored.hash) throw validationError({ code: ["Kodun süresi doldu. Yeni kod isteyin."] }, "Kodun süresi doldu. Yeni kod isteyin.");
  const attempts = await redis.hincrby(codeKey(actor.id), "attempts", 1);
  if (attempts > MAX_CODE_ATTEMPTS) {
    await redis.del(codeKey(actor.id));
    throw validationError({ code: ["Çok fazla hatalı deneme. Yeni kod isteyin."] }, "Çok fazla hatalı deneme. Yeni kod isteyin.");
  }
  if (!timingSafeEqual(Buffer.from(stored.hash, "hex"), hashCode(actor.id, code))) {
    throw validationError({ code: ["Kod hatalı."] }, "Kod hatalı.");
  }
  await redis.del(codeKey(actor.id));
  await db.user.update({ where: { id: actor.id }, data: { whatsappVerifiedAt: new Date() } });
  return { verified: true };
}
