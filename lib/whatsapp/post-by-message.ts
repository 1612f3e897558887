import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createJob } from "@/lib/jobs/create-job";
import { feeGuidanceFor, minimumAboveFee } from "@/lib/jobs/fee-guidance";
import { taskTypeLabels, urgencyLabels } from "@/lib/jobs/labels";
import { formatKurus } from "@/lib/jobs/money";
import { formatDateTime } from "@/lib/format";
import { resolvePreferences } from "@/lib/notifications/preferences";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";
import { getRedis, redisKey } from "@/lib/redis";
import { appUrl, errorLine, reply, setPending, type WhatsAppContext } from "@/lib/whatsapp/conversation";
import { parseJobPost, type JobPostDraft } from "@/lib/whatsapp/parse-job-post";

// "#ILAN …" → a question back, or a summary with Yayınla / Düzelt / Vazgeç. The draft waits in Redis under a token of
// its own (the buttons carry it), so a tap on an older summary never publishes a newer draft, and a draft is
// published at most once however often "Yayınla" is tapped.

export const DRAFT_TTL_SECONDS = 30 * 60;
const draftKey = (userId: string, token: string) => redisKey("wa-draft", userId, token);

type StoredDraft = Omit<JobPostDraft, "scheduledAt" | "deadlineAt"> & { scheduledAt: string; deadlineAt: string };

function aautLine(draft: Pick<JobPostDraft, "taskType" | "feeKurus">): string | null {
  const below = minimumAboveFee(draft.taskType, draft.feeKurus);
  if (below) return `Not: AAÜT'ye göre "${below.label}" için asgari ücret ${formatKurus(below.minimumKurus)}; yazdığınız ücret bunun altında.`;
  const guidance = feeGuidanceFor(draft.taskType);
  return guidance ? `AAÜT asgarisi: ${guidance.lines.map((l) => `${l.label} ${formatKurus(l.minimumKurus)}`).join("; ")}.` : null;
}

function summaryOf(draft: JobPostDraft): string {
  return [
    "İlan taslağınız:",
    `• Adliye: ${draft.courthouse.name} (${draft.courthouse.provinceName})`,
    `• Görev: ${taskTypeLabels[draft.taskType]} · ${draft.lawArea}`,
    `• Tarih: ${formatDateTime(draft.scheduledAt)}`,
    `• Son başvuru: ${formatDateTime(draft.deadlineAt)}`,
    `• Ücret: ${formatKurus(draft.feeKurus)}`,
    `• Aciliyet: ${urgencyLabels[draft.urgency]}`,
    aautLine(draft),
    "Doğruysa Yayınla'ya basın. Taslak 30 dakika saklanır.",
  ]
    .filter(Boolean)
    .join("\n");
}

/** Where the applications will come: here with "Kabul et", or only on the web while WhatsApp is off for them. */
async function applicationsLine(userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { notificationPrefs: true } });
  if (resolvePreferences(user.notificationPrefs).APPLICATION_RECEIVED.WHATSAPP) {
    return 'Başvurular geldikçe buraya "Kabul et" düğmesiyle gelecek.';
  }
  return `Başvuruları WhatsApp'ta "Kabul et" düğmesiyle almak için ${appUrl("/ayarlar/bildirimler")} sayfasında "İlanıma yeni başvuru" için WhatsApp'ı açın.`;
}

/** Reads a post (or the correction of one) and answers with the question or the summary to confirm. */
export async function postFromText(ctx: WhatsAppContext, text: string, now = new Date()): Promise<void> {
  const parsed = parseJobPost(text, now);
  if (parsed.kind === "not-a-post") return;
  if (parsed.kind === "question") {
    // the answer ("saat 10:30") is read together with what was written before
    await setPending(ctx.actor.id, { kind: "answer", text: text.replace(/^\s*(#\s*[iİI]LAN|ilan\s*:)/iu, "").trim() });
    await reply(ctx.number, "job-question", { text: parsed.question });
    return;
  }
  const token = randomBytes(8).toString("hex");
  const { draft } = parsed;
  const stored: StoredDraft = { ...draft, scheduledAt: draft.scheduledAt.toISOString(), deadlineAt: draft.deadlineAt.toISOString() };
  await getRedis().set(draftKey(ctx.actor.id, token), JSON.stringify(stored), "EX", DRAFT_TTL_SECONDS);
  await reply(ctx.number, "job-draft", {
    text: summaryOf(draft),
    buttons: [
      { id: `publish:${token}`, title: "Yayınla" },
      { id: `edit:${token}`, title: "Düzelt" },
      { id: `cancel:${token}`, title: "Vazgeç" },
    ],
  });
}

/** "Yayınla": the draft through createJob, the web form's domain function, under the web form's rate limit. */
export async function publishDraft(ctx: WhatsAppContext, token: string): Promise<string | null> {
  const raw = await getRedis().getdel(draftKey(ctx.actor.id, token));
  if (!raw) {
    await reply(ctx.number, "job-draft-gone", { text: "Bu taslağın süresi doldu ya da zaten işlendi. Yeni ilan için #ILAN ile başlayan bir mesaj yazın." });
    return null;
  }
  const draft = JSON.parse(raw) as StoredDraft;
  try {
    const courthouse = await db.courthouse.findUniqueOrThrow({
      where: { provinceId_name: { provinceId: draft.courthouse.provinceId, name: draft.courthouse.name } },
      select: { id: true },
    });
    await enforceRateLimit("jobPost", ctx.actor.id);
    const { id } = await createJob(ctx.actor, {
      taskType: draft.taskType,
      lawArea: draft.lawArea,
      title: draft.title,
      description: draft.description,
      provinceId: draft.courthouse.provinceId,
      courthouseId: courthouse.id,
      scheduledAt: draft.scheduledAt,
      deadlineAt: draft.deadlineAt,
      fee: draft.feeKurus / 100,
      urgency: draft.urgency,
    });
    await reply(ctx.number, "job-published", {
      text: [`İlanınız yayında: ${appUrl(`/ilanlar/${id}`)}`, await applicationsLine(ctx.actor.id), aautLine(draft)].filter(Boolean).join("\n"),
    });
    return id;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await setPending(ctx.actor.id, { kind: "edit" });
    await reply(ctx.number, "job-refused", { text: `İlan yayınlanamadı: ${errorLine(error)}\nDüzeltilmiş ilanı tek mesajda yazabilirsiniz.` });
    return null;
  }
}

/** "Düzelt": the old draft is dropped and the next message is read as the corrected post. */
export async function editDraft(ctx: WhatsAppContext, token: string): Promise<void> {
  await getRedis().del(draftKey(ctx.actor.id, token));
  await setPending(ctx.actor.id, { kind: "edit" });
  await reply(ctx.number, "job-edit", { text: 'Düzeltilmiş ilanı tek mesajda yazın, ör. "Bakırköy Adliyesi 12.12 10:30 duruşma 3.500 TL".' });
}

/** "Vazgeç": the draft is dropped. */
export async function cancelDraft(ctx: WhatsAppContext, token: string): Promise<void> {
  await getRedis().del(draftKey(ctx.actor.id, token));
  await reply(ctx.number, "job-cancelled", { text: "İlan taslağı silindi; hiçbir şey yayınlanmadı." });
}
