import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { acceptApplication } from "@/lib/applications/accept-application";
import { applyToJob } from "@/lib/applications/apply-to-job";
import { formatKurus, parseTurkishLira } from "@/lib/jobs/money";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";
import { appUrl, clearPending, errorLine, reply, setPending, type WhatsAppContext } from "@/lib/whatsapp/conversation";

// "Başvur" on a new-job notice, then "Başvuruyu gönder" (the job's fee) or a reply with another fee; "Kabul et" on an
// application. All of it through applyToJob / acceptApplication, the web's domain functions, under the web's limits.

const DEFAULT_NOTE = "WhatsApp üzerinden başvurdu.";
const AMOUNT = /(\d+(?:,\d+)?)\s*bin\b|(\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)/iu;

/** "3.000 TL", "3000", "3,5 bin" → kuruş. */
export function amountIn(text: string): number | null {
  const m = AMOUNT.exec(text);
  if (!m) return null;
  if (m[1]) return Math.round(Number(m[1].replace(",", ".")) * 100_000);
  return parseTurkishLira(m[2]);
}

/** "Başvur": asks whether to apply with the job's fee or another one. */
export async function startApplication(ctx: WhatsAppContext, jobId: string): Promise<void> {
  const job = await db.job.findUnique({ where: { id: jobId }, select: { title: true, feeKurus: true, status: true, posterId: true } });
  if (!job || job.status !== "OPEN") {
    await reply(ctx.number, "apply-closed", { text: "Bu ilan artık başvuruya açık değil." });
    return;
  }
  await setPending(ctx.actor.id, { kind: "apply", jobId });
  await reply(ctx.number, "apply-ask", {
    text: `"${job.title}" ilanına başvuru. İlandaki ücret ${formatKurus(job.feeKurus)}.\nBu ücretle başvurmak için "Başvuruyu gönder"e basın; başka bir ücret önermek için tutarı yazın (ör. 3.000 TL), isterseniz yanına kısa bir not ekleyin.`,
    buttons: [
      { id: `apply-send:${jobId}`, title: "Başvuruyu gönder" },
      { id: `apply-cancel:${jobId}`, title: "Vazgeç" },
    ],
  });
}

/** Sends the application; `text` is the lawyer's reply with a fee (and perhaps a note), null for the job's fee. */
export async function submitApplication(ctx: WhatsAppContext, jobId: string, text: string | null): Promise<string | null> {
  const proposedKurus = text === null ? null : amountIn(text);
  if (text !== null && proposedKurus === null) {
    await setPending(ctx.actor.id, { kind: "apply", jobId });
    await reply(ctx.number, "apply-fee-unclear", { text: 'Önerdiğiniz ücreti anlayamadım; tutarı yazın (ör. 3.000 TL) ya da "Başvuruyu gönder"e basın.' });
    return null;
  }
  await clearPending(ctx.actor.id);
  const note = text !== null && text.trim().length >= 10 ? text.trim() : DEFAULT_NOTE;
  try {
    await enforceRateLimit("application", ctx.actor.id);
    const { id } = await applyToJob(ctx.actor, { jobId, note, ...(proposedKurus !== null ? { proposedFee: proposedKurus / 100 } : {}) });
    const fee = proposedKurus !== null ? ` (önerdiğiniz ücret ${formatKurus(proposedKurus)})` : "";
    await reply(ctx.number, "apply-sent", { text: `Başvurunuz iletildi${fee}. İlan sahibi kabul ederse size haber vereceğiz: ${appUrl(`/ilanlar/${jobId}`)}` });
    return id;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await reply(ctx.number, "apply-refused", { text: `Başvuru gönderilemedi: ${errorLine(error)}` });
    return null;
  }
}

export async function cancelApplicationDraft(ctx: WhatsAppContext): Promise<void> {
  await clearPending(ctx.actor.id);
  await reply(ctx.number, "apply-cancelled", { text: "Başvuru gönderilmedi." });
}

/** "Kabul et": the race-safe accept of the web; the applicant hears through their notification (APPLICATION_ACCEPTED). */
export async function acceptByMessage(ctx: WhatsAppContext, applicationId: string): Promise<void> {
  try {
    const { jobId, assigneeId } = await acceptApplication(ctx.actor, { applicationId });
    const assignee = await db.user.findUniqueOrThrow({ where: { id: assigneeId }, select: { fullName: true } });
    await reply(ctx.number, "accept-done", {
      text: `${assignee.fullName} görevlendirildi; diğer başvurular reddedildi. Yazışma ve yetki belgesi: ${appUrl(`/ilanlar/${jobId}`)}`,
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await reply(ctx.number, "accept-refused", { text: `Kabul edilemedi: ${errorLine(error)}` });
  }
}
