import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { getStorage } from "@/lib/storage/storage";
import { looksLikeRecordId, parseInput } from "@/lib/validation";

export type DataExportState =
  | { status: "NONE" }
  | { status: "PENDING"; requestedAt: Date }
  | { status: "FAILED"; requestedAt: Date }
  | { status: "READY"; id: string; readyAt: Date; expiresAt: Date; sizeBytes: number };

/** The actor's newest export, as the settings page shows it; one past its expiry counts as none. */
export async function getDataExportState(actor: Actor): Promise<DataExportState> {
  const latest = await db.dataExport.findFirst({ where: { userId: actor.id }, orderBy: { createdAt: "desc" } });
  if (!latest) return { status: "NONE" };
  if (latest.status === "PENDING" || latest.status === "FAILED") return { status: latest.status, requestedAt: latest.createdAt };
  if (!latest.expiresAt || !latest.readyAt || latest.expiresAt <= new Date()) return { status: "NONE" };
  return { status: "READY", id: latest.id, readyAt: latest.readyAt, expiresAt: latest.expiresAt, sizeBytes: latest.sizeBytes ?? 0 };
}

const downloadSchema = z.object({ exportId: z.string().refine(looksLikeRecordId, "Bağlantı geçersiz.") });

const GONE = "Bu indirme bağlantısı geçersiz ya da süresi dolmuş. Ayarlar > Verilerim sayfasından yeni bir kopya hazırlayabilirsiniz.";

/**
 * The ZIP of a ready export, for its owner only and until it expires. Someone else's export, an expired one and one
 * that does not exist all answer the same NOT_FOUND: a link reveals nothing to anyone but its owner.
 */
export async function getDataExportDownload(actor: Actor, input: unknown): Promise<{ fileName: string; sizeBytes: number; body: ReadableStream<Uint8Array> }> {
  const { exportId } = parseInput(downloadSchema, input);
  const record = await db.dataExport.findUnique({ where: { id: exportId } });
  if (!record || record.userId !== actor.id || record.status !== "READY" || !record.storageKey || !record.expiresAt || record.expiresAt <= new Date()) {
    throw notFound(GONE);
  }
  const body = await getStorage().get(record.storageKey);
  if (!body) throw notFound(GONE);
  const day = (record.readyAt ?? record.createdAt).toISOString().slice(0, 10);
  return { fileName: `tevkil-verilerim-${day}.zip`, sizeBytes: record.sizeBytes ?? 0, body };
}
