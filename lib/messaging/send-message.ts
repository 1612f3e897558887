import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { publishOnce } from "@/lib/messaging/delivery";
import { invalidateConversationLists, pushUnreadTotal } from "@/lib/messaging/list-conversations";
import { assertCanMessage, requireMembership } from "@/lib/messaging/membership";
import { messageSelect, toMessagePayload, type AttachmentPayload, type MessagePayload } from "@/lib/messaging/message-payload";
import { scriptedRedis } from "@/lib/messaging/redis-script";
import { MESSAGE_BODY_MAX, recordId } from "@/lib/messaging/schemas";
import { scheduleMessageNotices } from "@/lib/notifications/message-notice";
import { onlineUsers } from "@/lib/presence/presence-store";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";
import { parseInput, validationError } from "@/lib/validation";

export const sendMessageSchema = z.object({
  conversationId: recordId("Konuşma"),
  clientId: z
    .string({ error: "İstemci mesaj kimliği gerekli." })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, "İstemci mesaj kimliği 8–64 harf, rakam, - veya _ olmalı."),
  body: z
    .string({ error: "Mesaj metni gerekli." })
    .trim()
    .min(1, "Boş mesaj gönderilemez.")
    .max(MESSAGE_BODY_MAX, `Mesaj en fazla ${MESSAGE_BODY_MAX} karakter olabilir.`),
  attachmentId: recordId("Ek").optional(),
});

async function storedByClientId(senderId: string, clientId: string): Promise<MessagePayload | null> {
  const row = await db.message.findUnique({ where: { senderId_clientId: { senderId, clientId } }, select: messageSelect });
  return row ? toMessagePayload(row) : null;
}

async function attachmentToSend(actor: Actor, conversationId: string, attachmentId: string): Promise<AttachmentPayload> {
  const attachment = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: { id: true, fileName: true, mimeType: true, sizeBytes: true, conversationId: true, uploaderId: true, message: { select: { id: true } } },
  });
  if (!attachment || attachment.conversationId !== conversationId || attachment.uploaderId !== actor.id) throw notFound("Ek bulunamadı.");
  if (attachment.message) throw validationError({ attachmentId: ["Bu ek zaten gönderildi."] }, "Bu ek zaten gönderildi.");
  return { id: attachment.id, fileName: attachment.fileName, mimeType: attachment.mimeType, sizeBytes: attachment.sizeBytes };
}

type Inserted = { id: bigint; createdAt: Date };

/**
 * Stores the message or returns null when the same (sender, clientId) committed first. The conversation row
 * is locked before the id is drawn from the sequence, so within a conversation ids grow in commit order and
 * "everything after id X" can never miss a message that commits later. The time is taken under the lock too
 * (not at transaction start), so times never run backwards against ids.
 */
async function insertMessage(actor: Actor, data: z.infer<typeof sendMessageSchema>): Promise<Inserted | null> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Conversation" WHERE id = ${data.conversationId} FOR UPDATE`;
    if (locked.length === 0) throw notFound("Konuşma bulunamadı.");
    const [inserted] = await tx.$queryRaw<Inserted[]>`
      INSERT INTO "Message" ("conversationId", "senderId", "clientId", body, "attachmentId", "createdAt")
      VALUES (${data.conversationId}, ${actor.id}, ${data.clientId}, ${data.body}, ${data.attachmentId ?? null}, clock_timestamp())
      ON CONFLICT ("senderId", "clientId") DO NOTHING
      RETURNING id, "createdAt"`;
    if (!inserted) return null;
    // the sender has read everything up to their own message
    await tx.$executeRaw`
      WITH conversation AS (
        UPDATE "Conversation" SET "lastMessageId" = ${inserted.id}, "lastMessageAt" = ${inserted.createdAt}
        WHERE id = ${data.conversationId}
      )
      UPDATE "ConversationMember" SET "lastReadMessageId" = ${inserted.id}
      WHERE "conversationId" = ${data.conversationId} AND "userId" = ${actor.id}`;
    return inserted;
  });
}

/** Broadcasts the stored message (once, see delivery.ts) and marks both members' lists stale. */
async function announce(message: MessagePayload, members: string[]): Promise<void> {
  const pipeline = scriptedRedis().pipeline();
  publishOnce(pipeline, `message:${message.id}`, members, "message:new", message);
  await pipeline.exec();
  await invalidateConversationLists(members);
}

/**
 * Stores a message and broadcasts it (`message:new`) to both members' tabs on every instance; resolves only
 * after the commit. A retry with the same clientId stores nothing and returns the stored message (and
 * broadcasts it if the first attempt died before doing so). Rate limited per sender, counting new messages only.
 */
export async function sendMessage(actor: Actor, input: unknown): Promise<{ message: MessagePayload }> {
  assertCanMessage(actor);
  const data = parseInput(sendMessageSchema, input);
  const members = await requireMembership(actor, data.conversationId);

  const previous = await storedByClientId(actor.id, data.clientId);
  if (previous) {
    if (previous.conversationId !== data.conversationId) {
      throw validationError({ clientId: ["Bu istemci mesaj kimliği başka bir mesajda kullanıldı."] }, "Bu istemci mesaj kimliği başka bir mesajda kullanıldı.");
    }
    await announce(previous, members);
    return { message: previous };
  }

  await enforceRateLimit("messageSend", actor.id);
  const attachment = data.attachmentId ? await attachmentToSend(actor, data.conversationId, data.attachmentId) : null;
  const inserted = await insertMessage(actor, data);
  const message = inserted
    ? toMessagePayload({ ...data, id: inserted.id, senderId: actor.id, createdAt: inserted.createdAt, attachment })
    : await storedByClientId(actor.id, data.clientId);
  if (!message) throw new Error("message vanished after a clientId conflict");

  await announce(message, members);
  const recipients = members.filter((userId) => userId !== actor.id);
  for (const userId of recipients) void pushUnreadTotal(userId).catch((error) => console.error("unread push failed", error));
  // recipients with no live socket get a (throttled, delayed) notice by their chosen channels
  void onlineUsers(recipients)
    .then((online) => scheduleMessageNotices(message, recipients.filter((userId) => !online.has(userId))))
    .catch((error) => console.error("message notice scheduling failed", error));
  return { message };
}
