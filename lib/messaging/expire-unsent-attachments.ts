import { db } from "@/lib/db";
import { getStorage } from "@/lib/storage/storage";

/** An upload no message carried within this long is a draft nobody sent: it is deleted. */
export const UNSENT_ATTACHMENT_TTL_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

/**
 * Deletes attachments uploaded before `now - UNSENT_ATTACHMENT_TTL_MS` that no message carries: the row first,
 * and only while still unsent, so a message sent at that moment keeps its attachment; then the file (one that
 * fails to go is logged, never served: nothing points at it). Returns how many were deleted.
 */
export async function expireUnsentAttachments(now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNSENT_ATTACHMENT_TTL_MS);
  const storage = getStorage();
  let deleted = 0;
  for (;;) {
    const stale = await db.attachment.findMany({
      where: { message: null, createdAt: { lt: cutoff } },
      select: { id: true, storageKey: true },
      orderBy: { createdAt: "asc" },
      take: BATCH,
    });
    if (stale.length === 0) return deleted;
    for (const attachment of stale) {
      const { count } = await db.attachment.deleteMany({ where: { id: attachment.id, message: null } });
      if (count === 0) continue;
      deleted++;
      await storage.delete(attachment.storageKey).catch((error) => console.error(`unsent attachment file ${attachment.storageKey} not deleted`, error));
    }
    if (stale.length < BATCH) return deleted;
  }
}
