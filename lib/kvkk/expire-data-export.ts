import { db } from "@/lib/db";
import { getStorage } from "@/lib/storage/storage";

/** Deletes an export's ZIP and its row once the link has expired (a delayed job due at expiresAt). */
export async function expireDataExport(exportId: string): Promise<"deleted" | "gone"> {
  const record = await db.dataExport.findUnique({ where: { id: exportId }, select: { storageKey: true } });
  if (!record) return "gone";
  // the file first: a row without a file is harmless, a file without a row would never be deleted
  if (record.storageKey) await getStorage().delete(record.storageKey);
  await db.dataExport.deleteMany({ where: { id: exportId } });
  return "deleted";
}
