import type { TaskType, Urgency } from "@/lib/generated/prisma/enums";
import { taskTypeLabels } from "@/lib/jobs/labels";
import { parseTurkishLira } from "@/lib/jobs/money";
import { foldTurkish } from "@/lib/jobs/turkish-search-query";
import { findCourthouse, type CourthouseRef } from "@/lib/whatsapp/find-courthouse";

// Reads a tevkil posted by WhatsApp ("#ILAN Bakırköy Adliyesi 12.12 10:30 duruşma kira tespit 3.500 TL acil") into
// the fields of the web form, deterministically (no language model: the same text always gives the same job, and
// nothing leaves the platform). What is missing or ambiguous is asked back in one message.

export type JobPostDraft = {
  courthouse: CourthouseRef;
  taskType: TaskType;
  scheduledAt: Date;
  deadlineAt: Date;
  feeKurus: number;
  urgency: Urgency;
  lawArea: string;
  title: string;
  description: string;
};
export type MissingPart = "courthouse" | "date" | "time" | "taskType" | "fee";
export type ParsedJobPost =
  | { kind: "draft"; draft: JobPostDraft }
  | { kind: "question"; missing: MissingPart[]; question: string }
  | { kind: "not-a-post" };

const TRIGGER = /^\s*(?:#\s*[iİI]LAN\b|#\s*ilan\b|ilan\s*:)/iu;
const ISTANBUL_OFFSET_MS = 3 * 3_600_000;
const RECENT_PAST_DAYS = 60;
const MONTHS = ["ocak", "subat", "mart", "nisan", "mayis", "haziran", "temmuz", "agustos", "eylul", "ekim", "kasim", "aralik"];
const WEEKDAYS: [string, number][] = [["pazartesi", 1], ["cumartesi", 6], ["carsamba", 3], ["persembe", 4], ["sali", 2], ["cuma", 5], ["pazar", 0]];
const TASK_WORDS: [TaskType, RegExp][] = [
  ["CEZAEVI_GORUSMESI", /\b(cezaevi|tutuklu gorus|hukumlu gorus)/],
  ["KESIF_DELIL_TESPITI", /\b(kesif|kesfe|kesfi|delil tespit)/],
  ["HACIZ_ICRA", /\b(haciz|hacze|haczi|muhafaza|icra takib)/],
  ["DOSYA_INCELEME", /\b(dosya incele|inceleme|incelenmesi|dosyayi incele)/],
  ["FOTOKOPI_SURET", /\b(fotokopi|suret)/],
  ["TEBLIGAT", /\b(tebligat|teblig)/],
  ["DILEKCE", /\b(dilekce)/],
  ["DURUSMA", /\b(durusma|celse)/],
];
const LAW_AREAS: [string, RegExp][] = [
  ["Aile Hukuku", /\b(bosanma|nafaka|velayet|aile)/],
  ["İş Hukuku", /\b(ise iade|kidem|ihbar tazminat|isci|is mahkemesi)/],
  ["Ceza Hukuku", /\b(ceza|sanik|tutuklu|mudafi|musteki)/],
  ["İcra ve İflas Hukuku", /\b(icra|haciz|hacze|iflas|itirazin iptali)/],
  ["Gayrimenkul Hukuku", /\b(kira|tahliye|tapu|ortakligin giderilmesi|kamulastirma)/],
  ["Tüketici Hukuku", /\b(tuketici)/],
  ["Miras Hukuku", /\b(miras|veraset|tereke)/],
  ["Ticaret Hukuku", /\b(ticaret|ticari|sirket|cek|senet)/],
  ["İdare Hukuku", /\b(idare|idari|iptal davasi)/],
  ["Vergi Hukuku", /\b(vergi)/],
  ["Sigorta Hukuku", /\b(sigorta|trafik kazasi)/],
];

type Found<T> = { value: T; rest: string };

/** "3.500 TL", "3500 tl", "₺3.500", "3,5 bin TL", "ücret 3500": kuruş, and the text without it. */
function takeFee(text: string): Found<number> | null {
  const patterns: [RegExp, (m: RegExpExecArray) => number | null][] = [
    [/(\d+(?:,\d+)?)\s*bin\s*(?:tl|₺|lira)?/iu, (m) => Math.round(Number(m[1].replace(",", ".")) * 1000 * 100)],
    [/(?:₺\s*)(\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)/iu, (m) => parseTurkishLira(m[1])],
    [/(\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)\s*(?:tl\b|₺|lira\b|try\b)/iu, (m) => parseTurkishLira(m[1])],
    [/(?:ücret|ucret)\s*:?\s*(\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)/iu, (m) => parseTurkishLira(m[1])],
  ];
  for (const [pattern, read] of patterns) {
    const m = pattern.exec(text);
    const value = m ? read(m) : null;
    if (m && value !== null && value >= 100) return { value, rest: text.replace(m[0], " ") };
  }
  return null;
}

/** The Istanbul calendar day of an instant, as [year, month (1–12), day]. */
function istanbulDay(at: Date): [number, number, number] {
  const local = new Date(at.getTime() + ISTANBUL_OFFSET_MS);
  return [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
}

const dayFrom = (now: Date, plusDays: number): [number, number, number] => istanbulDay(new Date(now.getTime() + plusDays * 86_400_000));

/** A date written as 12.12(.2026), 12/12, 12 Aralık (2026), bugün, yarın, öbür gün, or a weekday. */
function takeDate(folded: string, now: Date): Found<{ day: [number, number, number]; weekday?: number }> | null {
  const [year] = istanbulDay(now);
  const upcoming = (month: number, day: number, givenYear?: number): [number, number, number] | null => {
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    const check = new Date(Date.UTC(givenYear ?? year, month - 1, day));
    if (check.getUTCDate() !== day) return null;
    if (givenYear) return [givenYear, month, day];
    // a day a few weeks back is a typo to ask about (a job a year later would be worse); further back, next year's
    const [ty, tm, td] = istanbulDay(now);
    const daysAgo = (Date.UTC(ty, tm - 1, td) - check.getTime()) / 86_400_000;
    return [daysAgo > RECENT_PAST_DAYS ? year + 1 : year, month, day];
  };
  // "10.30" is a time, not the 30th month: the first that names a real day is the date
  for (const numeric of folded.matchAll(/\b(\d{1,2})[./-](\d{1,2})(?:[./-](\d{4}|\d{2}))?\b(?![.,]\d)/g)) {
    const y = numeric[3] ? Number(numeric[3].length === 2 ? `20${numeric[3]}` : numeric[3]) : undefined;
    const day = upcoming(Number(numeric[2]), Number(numeric[1]), y);
    if (day) return { value: { day }, rest: folded.replace(numeric[0], " ") };
  }
  const named = new RegExp(`\\b(\\d{1,2})\\s+(${MONTHS.join("|")})\\w*(?:\\s+(\\d{4}))?`).exec(folded);
  if (named) {
    const day = upcoming(MONTHS.indexOf(named[2]) + 1, Number(named[1]), named[3] ? Number(named[3]) : undefined);
    if (day) return { value: { day }, rest: folded.replace(named[0], " ") };
  }
  const relative: [RegExp, number][] = [[/\b(obur ?gun|ertesi gun)/, 2], [/\byarin/, 1], [/\bbugun/, 0]];
  for (const [pattern, plus] of relative) {
    const m = pattern.exec(folded);
    if (m) return { value: { day: dayFrom(now, plus) }, rest: folded.replace(m[0], " ") };
  }
  for (const [word, weekday] of WEEKDAYS) {
    const m = new RegExp(`\\b${word}(?!\\w*\\s+adliye)\\w*`).exec(folded);
    if (!m) continue;
    const today = new Date(now.getTime() + ISTANBUL_OFFSET_MS).getUTCDay();
    return { value: { day: dayFrom(now, (weekday - today + 7) % 7), weekday }, rest: folded.replace(m[0], " ") };
  }
  return null;
}

/** 10:30, 10.30, saat 10, 14'te → [hour, minute]. */
function takeTime(folded: string): Found<[number, number]> | null {
  const clock = /\b([01]?\d|2[0-3])[:.]([0-5]\d)\b/.exec(folded);
  if (clock) return { value: [Number(clock[1]), Number(clock[2])], rest: folded.replace(clock[0], " ") };
  const hour = /\bsaat\s*([01]?\d|2[0-3])\b/.exec(folded) ?? /\b([01]?\d|2[0-3])\s*['’]?\s*(?:da|de|ta|te)\b/.exec(folded);
  if (hour) return { value: [Number(hour[1]), 0], rest: folded.replace(hour[0], " ") };
  return null;
}

const istanbulInstant = ([y, m, d]: [number, number, number], [hh, mm]: [number, number]) =>
  new Date(Date.UTC(y, m - 1, d, hh, mm) - ISTANBUL_OFFSET_MS);

function firstMatch<T>(folded: string, table: [T, RegExp][]): T | null {
  let best: { value: T; at: number } | null = null;
  for (const [value, pattern] of table) {
    const m = pattern.exec(folded);
    if (m && (!best || m.index < best.at)) best = { value, at: m.index };
  }
  return best?.value ?? null;
}

const QUESTIONS: Record<MissingPart, string> = {
  courthouse: "hangi adliyede (ör. Bakırköy Adliyesi)",
  date: "hangi gün (ör. 12.12, yarın, pazartesi)",
  time: "saat kaçta (ör. 10:30)",
  taskType: "görev ne (duruşma, dosya inceleme, haciz, keşif, dilekçe, fotokopi, tebligat, cezaevi görüşmesi)",
  fee: "ücret ne kadar (ör. 3.500 TL)",
};

export function parseJobPost(message: string, now: Date): ParsedJobPost {
  if (!TRIGGER.test(message)) return { kind: "not-a-post" };
  const body = message.replace(TRIGGER, "").trim();
  const missing: MissingPart[] = [];
  const court = findCourthouse(body);
  if (court.kind !== "found") missing.push("courthouse");
  const fee = takeFee(body);
  if (!fee) missing.push("fee");
  let folded = foldTurkish(fee ? fee.rest : body);
  const date = takeDate(folded, now);
  if (date) folded = date.rest;
  else missing.push("date");
  const time = takeTime(folded);
  if (!time) missing.push("time");
  const taskType = firstMatch(foldTurkish(body), TASK_WORDS);
  if (!taskType) missing.push("taskType");

  let scheduledAt = date && time ? istanbulInstant(date.value.day, time.value) : null;
  // "pazartesi 10:00" said on a Monday at noon is next Monday
  if (scheduledAt && date?.value.weekday !== undefined && scheduledAt <= now) scheduledAt = new Date(scheduledAt.getTime() + 7 * 86_400_000);
  const pastDate = scheduledAt !== null && scheduledAt <= now;

  if (missing.length || pastDate || court.kind !== "found" || !fee || !taskType || !scheduledAt) {
    const parts = missing.map((m) => QUESTIONS[m]);
    const ambiguity = court.kind === "ambiguous" ? ` Birden çok adliye uyuyor: ${court.candidates.map((c) => c.name).join(", ")}; hangisi?` : "";
    const past = pastDate ? " Yazdığınız tarih ve saat geçmiş görünüyor; ileri bir zaman yazın." : "";
    const question = `İlanınızı hazırlamak için ${parts.length ? `şunu yazın: ${parts.join("; ")}.` : "bir bilgi daha gerekiyor."}${ambiguity}${past} Hepsini tek mesajda yazabilirsiniz, ör. "#ILAN Bakırköy Adliyesi 12.12 10:30 duruşma 3.500 TL".`;
    return { kind: "question", missing: pastDate && !missing.includes("date") ? [...missing, "date"] : missing, question };
  }
  const urgency: Urgency = /\bcok acil\b/.test(foldTurkish(body)) ? "VERY_URGENT" : /\b(acil|ivedi)\b/.test(foldTurkish(body)) ? "URGENT" : "NORMAL";
  const twoHoursBefore = scheduledAt.getTime() - 2 * 3_600_000;
  const deadlineAt = new Date(Math.min(scheduledAt.getTime(), Math.max(twoHoursBefore, now.getTime() + 15 * 60_000)));
  const title = `${taskTypeLabels[taskType]} – ${court.courthouse.name}`;
  const description = body.length >= 20 ? body : `${title}, ${body}. WhatsApp ile verilen ilan.`;
  const lawArea = firstMatch(foldTurkish(body), LAW_AREAS) ?? "Diğer";
  return { kind: "draft", draft: { courthouse: court.courthouse, taskType, scheduledAt, deadlineAt, feeKurus: fee.value, urgency, lawArea, title, description } };
}
