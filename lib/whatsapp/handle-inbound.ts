import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { foldTurkish } from "@/lib/jobs/turkish-search-query";
import { hitRateLimit } from "@/lib/rate-limit/limiter";
import { getRedis, redisKey } from "@/lib/redis";
import { acceptByMessage, cancelApplicationDraft, startApplication, submitApplication } from "@/lib/whatsapp/apply-by-message";
import { appUrl, findLinkedLawyer, reply, takePending, type WhatsAppContext } from "@/lib/whatsapp/conversation";
import { cancelDraft, editDraft, postFromText, publishDraft } from "@/lib/whatsapp/post-by-message";
import { contactState, CUSTOMER_SERVICE_WINDOW_MS } from "@/lib/whatsapp/send-whatsapp";
import { resumeWhatsApp, stopWhatsApp } from "@/lib/whatsapp/stop-messages";
import { parseJobPost } from "@/lib/whatsapp/parse-job-post";

export type InboundOutcome = "already-handled" | "stopped" | "resumed" | "ignored" | "rate-limited" | "unlinked" | "handled";

const LINK_HINT_EVERY_SECONDS = 24 * 3600;
const STOP_WORDS = new Set(["dur", "stop"]);
const START_WORDS = new Set(["basla", "start"]);

type Claimed = { text: string | null; buttonId: string | null; fromNumber: string; sentAt: Date };

/**
 * Takes the message for handling exactly once: marks it handled and drops its text in the same statement that reads
 * it. A worker dying after this loses that one message (the lawyer can send it again) rather than acting twice.
 */
async function claim(inboundId: string): Promise<Claimed | null> {
  const rows = await db.$queryRaw<Claimed[]>`
    UPDATE "WhatsAppInbound" w SET "handledAt" = now(), "text" = NULL
    FROM (SELECT id, text FROM "WhatsAppInbound" WHERE id = ${inboundId} FOR UPDATE) old
    WHERE w.id = old.id AND w."handledAt" IS NULL
    RETURNING old.text AS text, w."buttonId" AS "buttonId", w."fromNumber" AS "fromNumber", w."sentAt" AS "sentAt"`;
  return rows[0] ?? null;
}

/** The 24-hour window runs from the number's latest message (deliveries can arrive out of order). */
async function touchContact(number: string, sentAt: Date): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "WhatsAppContact" ("number", "lastInboundAt", "updatedAt") VALUES (${number}, ${sentAt}, now())
    ON CONFLICT ("number") DO UPDATE SET "lastInboundAt" = GREATEST("WhatsAppContact"."lastInboundAt", EXCLUDED."lastInboundAt"), "updatedAt" = now()`;
}

/** One line, at most once a day per number, so a stranger writing again and again is not answered again and again. */
async function sendLinkHint(number: string): Promise<void> {
  const first = await getRedis().set(redisKey("wa-link-hint", number), "1", "EX", LINK_HINT_EVERY_SECONDS, "NX");
  if (!first) return;
  await reply(number, "link-hint", {
    text: `Bu numara bir Tevkil hesabına bağlı değil. Bağlamak için Tevkil'e giriş yapın, ${appUrl("/ayarlar/bildirimler")} sayfasında WhatsApp numaranızı yazıp gelen kodla doğrulayın.`,
  });
}

async function onButton(ctx: WhatsAppContext, buttonId: string): Promise<void> {
  const [action, ref] = [buttonId.slice(0, buttonId.indexOf(":")), buttonId.slice(buttonId.indexOf(":") + 1)];
  if (action === "publish") await publishDraft(ctx, ref);
  else if (action === "edit") await editDraft(ctx, ref);
  else if (action === "cancel") await cancelDraft(ctx, ref);
  else if (action === "apply") await startApplication(ctx, ref);
  else if (action === "apply-send") await submitApplication(ctx, ref, null);
  else if (action === "apply-cancel") await cancelApplicationDraft(ctx);
  else if (action === "accept") await acceptByMessage(ctx, ref);
}

async function onText(ctx: WhatsAppContext, text: string): Promise<void> {
  const pending = await takePending(ctx.actor.id);
  if (parseJobPost(text, new Date()).kind !== "not-a-post") return postFromText(ctx, text);
  if (pending?.kind === "edit") return postFromText(ctx, `#ILAN ${text}`);
  if (pending?.kind === "answer") return postFromText(ctx, `#ILAN ${pending.text} ${text}`);
  if (pending?.kind === "apply") {
    await submitApplication(ctx, pending.jobId, text);
    return;
  }
  await reply(ctx.number, "help", {
    text: 'İlan vermek için "#ILAN" ile başlayan tek bir mesaj yazın, ör. "#ILAN Bakırköy Adliyesi 12.12 10:30 duruşma kira tespit 3.500 TL acil". Takip ettiğiniz adliyelerdeki yeni ilanlar "Başvur" düğmesiyle gelir. Mesajları durdurmak için DUR yazın.',
  });
}

async function handleOne(inboundId: string): Promise<InboundOutcome> {
  const message = await claim(inboundId);
  if (!message) return "already-handled";
  const number = message.fromNumber;
  await touchContact(number, message.sentAt);
  const command = message.text ? foldTurkish(message.text).trim().replace(/[.!]+$/, "") : "";
  if (STOP_WORDS.has(command)) {
    await stopWhatsApp(number);
    return "stopped";
  }
  if (START_WORDS.has(command)) {
    await resumeWhatsApp(number);
    return "resumed";
  }
  if ((await contactState(number)).stopped) return "ignored";
  if (!(await hitRateLimit("whatsappInboundByNumber", number)).success) return "rate-limited";
  const ctx = await findLinkedLawyer(number);
  if (!ctx) {
    await sendLinkHint(number);
    return "unlinked";
  }
  if (message.buttonId) await onButton(ctx, message.buttonId);
  else if (message.text) await onText(ctx, message.text);
  return "handled";
}

// One number's messages are handled one at a time, in arrival order ("#ILAN …" then "saat 11:00" must not swap):
// whoever holds the number's lock handles every waiting message of it; a job finding the lock taken is retried by
// BullMQ later and by then usually finds its message handled.
const LOCK_MS = 60_000;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end return 0`;

export class NumberBusyError extends Error {
  override name = "NumberBusyError";
}

/** The worker's handling of one inbound message (queued by the webhook with the row's id only). */
export async function handleWhatsAppInbound(inboundId: string): Promise<InboundOutcome> {
  const row = await db.whatsAppInbound.findUnique({ where: { id: inboundId }, select: { fromNumber: true, handledAt: true } });
  if (!row || row.handledAt) return "already-handled";
  const lockKey = redisKey("wa-number-lock", row.fromNumber);
  const token = randomBytes(8).toString("hex");
  if (!(await getRedis().set(lockKey, token, "PX", LOCK_MS, "NX"))) throw new NumberBusyError("an earlier message from this number is being handled");
  let outcome: InboundOutcome = "already-handled";
  try {
    for (;;) {
      // a message older than the 24-hour window (its job lost, then redelivered) is not acted on so late
      const next = await db.whatsAppInbound.findFirst({
        where: { fromNumber: row.fromNumber, handledAt: null, sentAt: { gt: new Date(Date.now() - CUSTOMER_SERVICE_WINDOW_MS) } },
        orderBy: { seq: "asc" },
        select: { id: true },
      });
      if (!next) break;
      const result = await handleOne(next.id);
      if (next.id === inboundId) outcome = result;
    }
  } finally {
    await getRedis().eval(RELEASE, 1, lockKey, token);
  }
  return outcome;
}
