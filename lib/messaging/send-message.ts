import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { publishOnce } from "@/lib/messaging/delivery";
import { conversationListGenerationKey } from "@/lib/messaging/list-conversations";
import { refuseContactDetailsBeforeAssignment } from "@/lib/messaging/contact-gate";
import { findContactDetail } from "@/lib/contact-details";
import { assertCanMessage, cachedMembership, rememberMembers, requireMembership } from "@/lib/messaging/membership";
import { messageSelect, toMessagePayload, type AttachmentPayload, type MessagePayload } from "@/lib/messaging/message-payload";
import { insertMessage } from "@/lib/messaging/message-batcher";
import { MESSAGE_BODY_MAX, recordId } from "@/lib/messaging/schemas";
import { scheduleMessageNotices } from "@/lib/notifications/message-notice";
import { onlineUsers } from "@/lib/presence/presence-store";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";
import type { SocketOrigin } from "@/lib/realtime/socket-handler";
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

type SendInput = z.infer<typeof sendMessageSchema>;

/**
 * The members, checked, when the send needs them before its INSERT: cached in this process (no round trip), or
 * looked up for an attachment or a text the contact gate must weigh. Otherwise null: the INSERT stores the row only
 * for a member and returns the members, so the first message of a conversation after a deploy costs no read of
 * its own (over three fresh instances those reads took as much PostgreSQL time as the INSERTs).
 */
async function membersBeforeInsert(actor: Actor, data: SendInput): Promise<string[] | null> {
  const cached = cachedMembership(actor, data.conversationId);
  if (cached) return cached;
  if (data.attachmentId || findContactDetail(data.body)) return requireMembership(actor, data.conversationId);
  return null;
}

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

/**
 * Broadcasts the stored message (once, see delivery.ts) and marks both members' lists stale. The sending socket
 * is left out: its ack carries the message, and a second copy would be one more frame per message on the hot path.
 */
async function announce(message: MessagePayload, members: string[], origin: SocketOrigin | undefined): Promise<void> {
  await publishOnce(`message:${message.id}`, members, "message:new", message, {
    exceptSocketId: origin?.socketId,
    // in the same call and before the event: a tab that reloads its list on message:new finds the cache stale
    incrementFirst: members.map(conversationListGenerationKey),
  });
}

/**
 * Answers a retried clientId with the stored message, broadcasting it in case the first attempt died before
 * doing so. The same clientId in another conversation is a client bug.
 */
async function answerRetry(
  previous: MessagePayload,
  conversationId: string,
  members: string[],
  origin: SocketOrigin | undefined,
): Promise<{ message: MessagePayload }> {
  if (previous.conversationId !== conversationId) {
    throw validationError({ clientId: ["Bu istemci mesaj kimliği başka bir mesajda kullanıldı."] }, "Bu istemci mesaj kimliği başka bir mesajda kullanıldı.");
  }
  await announce(previous, members, origin);
  return { message: previous };
}

/**
 * Stores a message and broadcasts it (`message:new`) to both members' tabs on every instance but the sending
 * socket (its ack carries the message); resolves only
 * after the commit. A retry with the same clientId stores nothing and returns the stored message (and
 * broadcasts it if the first attempt died before doing so). Rate limited per sender; a retry that is refused
 * by the limit still gets its stored message, so a lost ack never turns into an error.
 */
export async function sendMessage(actor: Actor, input: unknown, origin?: SocketOrigin): Promise<{ message: MessagePayload }> {
  assertCanMessage(actor);
  const data = parseInput(sendMessageSchema, input);
  let members = await membersBeforeInsert(actor, data);
  // null only for a text with no contact detail in it, which the gate lets through
  if (members) await refuseContactDetailsBeforeAssignment(members, data.body);
  const checkedMembers = async () => (members ??= await requireMembership(actor, data.conversationId));
  // a retried send with an attachment must find its message before the attachment is checked as unsent
  if (data.attachmentId) {
    const previous = await storedByClientId(actor.id, data.clientId);
    if (previous) return answerRetry(previous, data.conversationId, await checkedMembers(), origin);
  }

  try {
    await enforceRateLimit("messageSend", actor.id);
  } catch (error) {
    const previous = await storedByClientId(actor.id, data.clientId);
    if (!previous) throw error;
    return answerRetry(previous, data.conversationId, await checkedMembers(), origin);
  }
  const attachment = data.attachmentId ? await attachmentToSend(actor, data.conversationId, data.attachmentId) : null;
  const inserted = await insertMessage({
    conversationId: data.conversationId,
    senderId: actor.id,
    clientId: data.clientId,
    body: data.body,
    attachmentId: data.attachmentId ?? null,
  });
  if (!inserted) {
    const previous = await storedByClientId(actor.id, data.clientId);
    // a row refused for its sender or conversation answers FORBIDDEN or NOT_FOUND here
    const known = await checkedMembers();
    if (previous) return answerRetry(previous, data.conversationId, known, origin);
    // not our clientId: the attachment went out with another message meanwhile, or the conversation is gone
    throw data.attachmentId ? validationError({ attachmentId: ["Bu ek zaten gönderildi."] }, "Bu ek zaten gönderildi.") : notFound("Konuşma bulunamadı.");
  }
  if (!members) rememberMembers(data.conversationId, (members = inserted.memberIds));
  const message = toMessagePayload({ ...data, id: BigInt(inserted.id), senderId: actor.id, createdAt: inserted.createdAt, attachment });

  await announce(message, members, origin);
  // no `unread` push per message: clients count `message:new` from others towards their badge (docs/realtime.md),
  // which saves a count query and a second frame to every recipient socket on the hottest path
  const recipients = members.filter((userId) => userId !== actor.id);
  // recipients with no live socket get a (throttled, delayed) notice by their chosen channels
  void onlineUsers(recipients)
    .then((online) => scheduleMessageNotices(message, recipients.filter((userId) => !online.has(userId))))
    .catch((error) => console.error("message notice scheduling failed", error));
  return { message };
}
