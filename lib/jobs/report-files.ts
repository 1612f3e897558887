import { randomUUID } from "node:crypto";
import { sniffAttachmentType } from "@/lib/messaging/attachment-type";
import { MAX_ATTACHMENT_BYTES } from "@/lib/messaging/upload-attachment";
import { getStorage } from "@/lib/storage/storage";
import { validationError } from "@/lib/validation";

export const MAX_REPORT_FILES = 5;
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

export type ReportFile = { fileName: string; mimeType: string; sizeBytes: number; bytes: Uint8Array };
export type StoredReportFile = Omit<ReportFile, "bytes"> & { storageKey: string };

type UploadedFile = { name?: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };

// duck-typed: the File of a server action's FormData need not be this realm's Blob class
const isBlob = (v: unknown): v is UploadedFile =>
  typeof v === "object" && v !== null && typeof (v as UploadedFile).size === "number" && typeof (v as UploadedFile).arrayBuffer === "function";

const refuse = (message: string) => validationError({ tutanak: [message] }, message);

// only the last path segment, without control characters, as the messaging uploads keep it
const cleanName = (name: string) => name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f\u202A-\u202E\u2066-\u2069]/g, "").trim().slice(0, 200) || "tutanak";

/**
 * The tutanak files of a completion form: photos or PDFs, typed by their bytes (as message attachments are),
 * at most 5, each at most 10 MB and 20 MB together. Empty files (what a file input left empty sends) are ignored.
 */
export async function readReportFiles(value: unknown): Promise<ReportFile[]> {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  // an empty file input arrives as an empty file (named "", or "undefined" by React's action encoder) or an empty string
  const blobs = values.filter((v) => v !== "" && !(isBlob(v) && v.size === 0));
  if (!blobs.every(isBlob)) throw refuse("Tutanak bir dosya olmalı.");
  if (blobs.length > MAX_REPORT_FILES) throw refuse(`En fazla ${MAX_REPORT_FILES} dosya eklenebilir.`);
  const files: ReportFile[] = [];
  let total = 0;
  for (const blob of blobs) {
    if (blob.size > MAX_ATTACHMENT_BYTES) throw refuse("Her dosya en fazla 10 MB olabilir.");
    total += blob.size;
    if (total > MAX_REPORT_BYTES) throw refuse("Dosyalar toplam en fazla 20 MB olabilir.");
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const mimeType = sniffAttachmentType(bytes);
    if (!mimeType) throw refuse("Tutanak olarak yalnızca PDF ve resim (PNG, JPEG, GIF, WebP) eklenebilir.");
    files.push({ fileName: cleanName(blob.name ?? ""), mimeType, sizeBytes: bytes.length, bytes });
  }
  return files;
}

/** Puts the files in the attachment storage; on failure removes what it stored. */
export async function storeReportFiles(jobId: string, files: ReportFile[]): Promise<StoredReportFile[]> {
  const storage = getStorage();
  const stored: StoredReportFile[] = [];
  try {
    for (const { bytes, ...file } of files) {
      const storageKey = `job-reports/${jobId}/${randomUUID()}`;
      await storage.put(storageKey, bytes, file.mimeType);
      stored.push({ ...file, storageKey });
    }
    return stored;
  } catch (error) {
    await discardReportFiles(stored);
    throw error;
  }
}

export async function discardReportFiles(files: StoredReportFile[]): Promise<void> {
  const storage = getStorage();
  await Promise.all(files.map((f) => storage.delete(f.storageKey).catch(() => undefined)));
}
