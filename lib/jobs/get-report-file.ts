import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { getStorage } from "@/lib/storage/storage";
import { looksLikeRecordId } from "@/lib/validation";

export type ReportFileDownload = { fileName: string; mimeType: string; sizeBytes: number; body: ReadableStream<Uint8Array> };

const NOT_FOUND = "Tutanak bulunamadı.";

/** A tutanak file of a completion report, for the job's poster and its assignee only (FORBIDDEN for anyone else). */
export async function getReportFile(actor: Actor, jobId: string, fileId: string): Promise<ReportFileDownload> {
  if (!looksLikeRecordId(jobId) || !looksLikeRecordId(fileId)) throw notFound(NOT_FOUND);
  const file = await db.jobReportFile.findUnique({
    where: { id: fileId },
    select: { jobId: true, fileName: true, mimeType: true, sizeBytes: true, storageKey: true, job: { select: { posterId: true, assigneeId: true } } },
  });
  if (!file || file.jobId !== jobId) throw notFound(NOT_FOUND);
  if (actor.id !== file.job.posterId && actor.id !== file.job.assigneeId) throw forbidden("Tutanağı yalnızca ilan sahibi ve görevlendirilen avukat indirebilir.");
  const body = await getStorage().get(file.storageKey);
  if (!body) throw notFound("Tutanağın dosyası bulunamadı.");
  return { fileName: file.fileName, mimeType: file.mimeType, sizeBytes: file.sizeBytes, body };
}
