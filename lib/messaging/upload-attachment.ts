import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sniffAttachmentType } from "@/lib/messaging/attachment-type";
import { assertCanMessage, requireMembership } from "@/lib/messaging/membership";
import type { AttachmentPayload } from "@/lib/messaging/message-payload";
import { recordId } from "@/lib/messaging/schemas";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";
import { getStorage } from "@/lib/storage/storage";
import { parseInput, validationError } from "@/lib/validation";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** uploaded but not sent yet, per lawyer: drafts cannot fill the disk (unsent ones also expire, see below) */
export const UNSENT_QUOTA_BYTES = 50 * 1024 * 1024;
/** everything a lawyer has uploaded, sent or not */
export const STORAGE_QUOTA_BYTES = 2 * 1024 * 1024 * 1024;

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Refuses the upload when it would take the lawyer past a quota; run under their lock, so uploads at once count. */
async function assertWithinQuota(tx: Prisma.TransactionClient, uploaderId: string, sizeBytes: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`attachment-quota:${uploaderId}`}, 0))`;
  const [unsent, all] = await Promise.all([
    tx.attachment.aggregate({ where: { uploaderId, message: null }, _sum: { sizeBytes: true } }),
    tx.attachment.aggregate({ where: { uploaderId }, _sum: { sizeBytes: true } }),
  ]);
  if ((unsent._sum.sizeBytes ?? 0) + sizeBytes > UNSENT_QUOTA_BYTES) {
    const message = `Gönderilmemiş ekleriniz ${megabytes(UNSENT_QUOTA_BYTES)} sınırına ulaştı. Yüklediğiniz ekleri gönderin ya da bir gün sonra kendiliğinden silinmelerini bekleyin.`;
    throw validationError({ file: [message] }, message);
  }
  if ((all._sum.sizeBytes ?? 0) + sizeBytes > STORAGE_QUOTA_BYTES) {
    const message = `Ek depolama alanınız (${megabytes(STORAGE_QUOTA_BYTES)}) doldu.`;
    throw validationError({ file: [message] }, message);
  }
}

export const uploadAttachmentSchema = z.object({
  conversationId: recordId("Konuşma"),
  fileName: z
    .string({ error: "Dosya adı gerekli." })
    // only the last path segment, without control characters
    .transform((name) => name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, "").trim())
    .pipe(z.string().min(1, "Dosya adı gerekli.").max(200, "Dosya adı en fazla 200 karakter olabilir.")),
});

/**
 * Stores a PDF or image (≤ 10 MB, type checked by content) for a conversation the actor is a member of.
 * It becomes visible to the peer when a message that carries its id is sent; unsent, it is deleted after a day
 * (expire-unsent-attachments.ts). Counted as a message for rate limits; within the quotas above.
 */
export async function uploadAttachment(actor: Actor, input: unknown, bytes: Uint8Array): Promise<{ attachment: AttachmentPayload }> {
  assertCanMessage(actor);
  const { conversationId, fileName } = parseInput(uploadAttachmentSchema, input);
  await requireMembership(actor, conversationId);
  if (bytes.length === 0) throw validationError({ file: ["Dosya boş."] }, "Dosya boş.");
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw validationError({ file: ["Dosya en fazla 10 MB olabilir."] }, "Dosya en fazla 10 MB olabilir.");
  const mimeType = sniffAttachmentType(bytes);
  if (!mimeType) throw validationError({ file: ["Yalnızca PDF ve resim (PNG, JPEG, GIF, WebP) gönderilebilir."] }, "Yalnızca PDF ve resim (PNG, JPEG, GIF, WebP) gönderilebilir.");
  await enforceRateLimit("messageSend", actor.id);

  const storageKey = `${conversationId}/${randomUUID()}`;
  const storage = getStorage();
  await storage.put(storageKey, bytes, mimeType);
  try {
    const attachment = await db.$transaction(async (tx) => {
      await assertWithinQuota(tx, actor.id, bytes.length);
      return tx.attachment.create({
        data: { conversationId, uploaderId: actor.id, fileName, mimeType, sizeBytes: bytes.length, storageKey },
        select: { id: true, fileName: true, mimeType: true, sizeBytes: true },
      });
    });
    return { attachment };
  } catch (error) {
    await storage.delete(storageKey).catch(() => undefined);
    throw error;
  }
}
