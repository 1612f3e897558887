import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, INTERNAL_MESSAGE } from "@/lib/errors";
import { RetryableDeliveryError } from "@/lib/notifications/delivery-errors";
import { getRedis, redisKey } from "@/lib/redis";
import { sendWhatsApp, waNumber, type FreeFormMessage } from "@/lib/whatsapp/send-whatsapp";

// What one inbound message is handled with: who wrote (a lawyer whose verified number it is), and the small
// per-lawyer state a conversation needs between messages, kept in Redis with an expiry.

export type WhatsAppContext = { number: string; actor: Actor; fullName: string };

/** What the next plain text from this lawyer answers: a corrected post, the missing part of one, or a fee to apply with. */
export type PendingReply = { kind: "edit" } | { kind: "answer"; text: string } | { kind: "apply"; jobId: string };

export const PENDING_TTL_SECONDS = 30 * 60;
const pendingKey = (userId: string) => redisKey("wa-pending", userId);

export async function setPending(userId: string, pending: PendingReply): Promise<void> {
  await getRedis().set(pendingKey(userId), JSON.stringify(pending), "EX", PENDING_TTL_SECONDS);
}

/** Reads and clears it: each pending state answers one message. */
export async function takePending(userId: string): Promise<PendingReply | null> {
  const raw = await getRedis().getdel(pendingKey(userId));
  return raw ? (JSON.parse(raw) as PendingReply) : null;
}

export const clearPending = (userId: string) => getRedis().del(pendingKey(userId));

export const appUrl = (path: string) => new URL(path, env().APP_URL).toString();

/** The lawyer whose verified WhatsApp number wrote (the latest to verify it, should two accounts share one). */
export async function findLinkedLawyer(number: string): Promise<WhatsAppContext | null> {
  const user = await db.user.findFirst({
    where: { whatsappNumber: `+${waNumber(number)}`, whatsappVerifiedAt: { not: null }, deletedAt: null },
    orderBy: { whatsappVerifiedAt: "desc" },
    select: { id: true, role: true, verification: true, fullName: true },
  });
  if (!user) return null;
  // the domain functions take an actor; a WhatsApp message acts with no browser session behind it
  return { number: waNumber(number), fullName: user.fullName, actor: { id: user.id, role: user.role, verification: user.verification, sessionId: "whatsapp" } };
}

const REPLY_ATTEMPTS = 3;

/**
 * A reply inside the customer-service window the lawyer's message just opened. The message was claimed before it was
 * acted on (handled at most once), so a reply the Cloud API turns away for a moment is retried here, briefly.
 */
export async function reply(number: string, purpose: string, message: FreeFormMessage): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await sendWhatsApp(number, `reply:${purpose}`, { freeForm: message });
      return;
    } catch (error) {
      if (!(error instanceof RetryableDeliveryError) || attempt === REPLY_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 1_000));
    }
  }
}

/** A domain error as the Turkish line the lawyer reads (field messages rather than "the marked fields" of a form). */
export function errorLine(error: unknown): string {
  if (!(error instanceof AppError)) return INTERNAL_MESSAGE;
  const fields = [...new Set(Object.values(error.details.fieldErrors ?? {}).flat())];
  return fields.length ? fields.join(" ") : error.message;
}
