import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertCanMessage, requireMembership } from "@/lib/messaging/membership";
import { recordId } from "@/lib/messaging/schemas";
import { getStorage } from "@/lib/storage/storage";
import { parseInput } from "@/lib/validation";

const getAttachmentSchema = z.object({ attachmentId: recordId("Ek") });

export type AttachmentDownload = { fileName: string; mimeType: string; sizeBytes: number; body: ReadableStream<Uint8Array> };

/**
 * An attachment's bytes, for members of its conversation only (FORBIDDEN for anyone else). Until a message
 * carries it, it is the uploader's draft: the peer gets NOT_FOUND, as if it did not exist.
 */
export async function getAttachment(actor: Actor, input: unknown): Promise<AttachmentDownload> {
  assertCanMessage(actor);
  const { attachmentId } = parseInput(getAttachmentSchema, input);
  const attachment = await db.attachment.findUnique({ where: { id: attachmentId }, include: { message: { select: { id: true } } } });
  if (!attachment) throw notFound("Ek bulunamadı.");
  await requireMembership(actor, attachment.conversationId);
  if (!attachment.message && attachment.uploaderId !== actor.id) throw notFound("Ek bulunamadı.");
  const body = await getStorage().get(attachment.storageKey);
  if (!body) throw notFound("Ekin dosyası bulunamadı.");
  return { fileName: attachment.fileName, mimeType: attachment.mimeType, sizeBytes: attachment.sizeBytes, body };
}
