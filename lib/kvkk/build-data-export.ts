import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { db } from "@/lib/db";
import { collectExportData } from "@/lib/kvkk/collect-export-data";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { addExportJob } from "@/lib/queue/queues";
import { getStorage } from "@/lib/storage/storage";

/** How long the download link of a ready export works. */
export const EXPORT_LINK_HOURS = 24;
const EXPORT_LINK_MS = EXPORT_LINK_HOURS * 3_600_000;

export const exportStorageKey = (userId: string, exportId: string) => `exports/${userId}/${exportId}`;

const README = `Tevkil – kişisel verilerinizin kopyası (6698 sayılı KVKK md. 11)

profile.json         hesap ve profil bilgileriniz, takip ettiğiniz adliyeler, kaydettiğiniz ilanlar
jobs.json            verdiğiniz (posted) ve üstlendiğiniz (assigned) ilanlar
applications.json    ilanlara yaptığınız başvurular
reviews.json         yaptığınız (given) ve aldığınız (received) değerlendirmeler
messages.json        üyesi olduğunuz konuşmalar ve tüm mesajları
notifications.json   bildirim geçmişiniz
security-log.json    güvenlik kaydınız (girişler, şifre ve e-posta değişiklikleri)
whatsapp.json        WhatsApp numaranızdan gelen ve ona giden mesajların kaydı (metinleri saklanmaz), DUR durumu
ekler/               yüklediğiniz dosyalar

Tutarlar kuruş cinsindendir (500000 = 5.000,00 TL); zamanlar UTC'dir.
`;

const toJson = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v), 2));

/**
 * Streams the documents and files into one ZIP. JSON is deflated; attachments (PDFs, photos: compressed already)
 * are stored as they are, read chunk by chunk from storage, so only the ZIP itself is held in memory. fflate's
 * synchronous entries emit every chunk during push() and end(): the archive is complete when end() returns.
 */
async function zipExport(documents: Record<string, unknown>, files: { pathInZip: string; storageKey: string }[]): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  let complete = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else chunks.push(chunk);
    if (final) complete = true;
  });
  const addBytes = (name: string, bytes: Uint8Array) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(bytes, true);
  };
  addBytes("BENIOKU.txt", new TextEncoder().encode(README));
  for (const [name, value] of Object.entries(documents)) addBytes(name, toJson(value));
  const storage = getStorage();
  for (const file of files) {
    const stream = await storage.get(file.storageKey);
    // a draft whose file the sweeper already removed: listed in messages.json, nothing to copy
    if (!stream) continue;
    const entry = new ZipPassThrough(file.pathInZip);
    zip.add(entry);
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) entry.push(chunk);
    entry.push(new Uint8Array(0), true);
  }
  zip.end();
  if (failure) throw failure;
  if (!complete) throw new Error("ZIP not finished after end()");
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * The worker's half of an export: builds the ZIP of a PENDING export, stores it, marks it READY for 24 hours and
 * tells the lawyer. Idempotent: an export already built, or gone (its account closed meanwhile), is left alone.
 */
export async function buildDataExport(exportId: string): Promise<"built" | "skipped"> {
  const record = await db.dataExport.findUnique({ where: { id: exportId }, select: { userId: true, status: true, user: { select: { deletedAt: true } } } });
  if (!record || record.status !== "PENDING" || record.user.deletedAt) return "skipped";
  const { documents, attachments } = await collectExportData(record.userId);
  const bytes = await zipExport(documents, attachments);
  const storageKey = exportStorageKey(record.userId, exportId);
  await getStorage().put(storageKey, bytes, "application/zip");

  const readyAt = new Date();
  const { count } = await db.dataExport.updateMany({
    where: { id: exportId, status: "PENDING" },
    data: { status: "READY", storageKey, sizeBytes: bytes.length, readyAt, expiresAt: new Date(readyAt.getTime() + EXPORT_LINK_MS) },
  });
  if (count === 0) {
    // the account was closed (or the export removed) while the ZIP was being made
    await getStorage().delete(storageKey);
    return "skipped";
  }
  await addExportJob("expire-data-export", { exportId }, { jobId: `expire-${exportId}`, delay: EXPORT_LINK_MS });
  await notifyUsers([
    {
      userId: record.userId,
      type: "DATA_EXPORT_READY",
      title: "Verilerinizin kopyası hazır",
      body: `İstediğiniz kişisel veri kopyası hazırlandı. İndirme bağlantısı ${EXPORT_LINK_HOURS} saat geçerlidir.`,
      link: "/ayarlar/verilerim",
    },
  ]);
  return "built";
}

/** After the last retry failed: the page offers to try again instead of waiting forever. */
export async function markDataExportFailed(exportId: string): Promise<void> {
  await db.dataExport.updateMany({ where: { id: exportId, status: "PENDING" }, data: { status: "FAILED" } });
}
