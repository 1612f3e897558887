import { z } from "zod";
import "@/lib/validation";
import { contactDetailMessage, findContactDetail } from "@/lib/contact-details";
import { parseIstanbulDateTime } from "@/lib/jobs/istanbul-time";
import { parseTurkishLira } from "@/lib/jobs/money";
import { taskTypes, urgencies } from "@/lib/jobs/labels";
import { DEFAULT_RESPONSE_WINDOW_MINUTES, responseWindowChoices } from "@/lib/jobs/response-window-choices";

const MAX_FEE_KURUS = 10_000_000 * 100;
/** a tevkil is for a hearing or a task ahead, not years away: a later date is a typo */
const MAX_YEARS_AHEAD = 2;

const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, message).optional());

const istanbulDateTime = (required: string) =>
  z
    .string({ error: required })
    .min(1, required)
    .transform((value, ctx) => {
      const date = parseIstanbulDateTime(value);
      if (!date) {
        ctx.addIssue({ code: "custom", message: "Geçerli bir tarih ve saat girin." });
        return z.NEVER;
      }
      return date;
    });

const CONTACT_CHECKED_FIELDS = [
  ["title", "Başlıkta"],
  ["description", "Açıklamada"],
  ["court", "Mahkeme / daire alanında"],
] as const;

/** The fields of a tevkil post, as the form sends them (strings); used by create and edit. */
export const jobInputSchema = z
  .object({
    taskType: z.enum(taskTypes, { error: "Görev türünü seçin." }),
    lawArea: z.string({ error: "Hukuk alanını girin." }).trim().min(2, "Hukuk alanını girin.").max(80, "Hukuk alanı en fazla 80 karakter olabilir."),
    title: z.string({ error: "Başlık girin." }).trim().min(5, "Başlık en az 5 karakter olmalı.").max(120, "Başlık en fazla 120 karakter olabilir."),
    description: z
      .string({ error: "Açıklama girin." })
      .trim()
      .min(20, "Açıklama en az 20 karakter olmalı; işi meslektaşınızın anlayacağı kadar anlatın.")
      .max(4000, "Açıklama en fazla 4000 karakter olabilir."),
    provinceId: z.coerce.number({ error: "İl seçin." }).int("İl seçin.").min(1, "İl seçin.").max(81, "İl seçin."),
    courthouseId: z.coerce.number({ error: "Adliye seçin." }).int("Adliye seçin.").positive("Adliye seçin."),
    court: optionalText(160, "Mahkeme / daire adı en fazla 160 karakter olabilir."),
    fileNumber: optionalText(60, "Dosya numarası en fazla 60 karakter olabilir."),
    scheduledAt: istanbulDateTime("Görev tarih ve saatini girin."),
    deadlineAt: istanbulDateTime("Son başvuru tarihini girin."),
    fee: z
      .union([z.string(), z.number()], { error: "Ücret girin." })
      .transform((value, ctx) => {
        const kurus = typeof value === "number" ? Math.round(value * 100) : parseTurkishLira(value);
        if (kurus === null || kurus < 100) {
          ctx.addIssue({ code: "custom", message: "Ücreti TL olarak girin (ör. 1.500 veya 1.500,50); en az 1 TL." });
          return z.NEVER;
        }
        if (kurus > MAX_FEE_KURUS) {
          ctx.addIssue({ code: "custom", message: "Ücret 10.000.000 TL'yi geçemez." });
          return z.NEVER;
        }
        return kurus;
      }),
    urgency: z.enum(urgencies, { error: "Aciliyet seçin." }).default("NORMAL"),
    // only urgent jobs have a window; the form sends it whatever the urgency, and it is ignored for NORMAL
    responseWindowMinutes: z.preprocess(
      (v) => (v === undefined || v === "" ? DEFAULT_RESPONSE_WINDOW_MINUTES : Number(v)),
      z.number().refine((m) => (responseWindowChoices as readonly number[]).includes(m), "Başvuru penceresi için listedeki sürelerden birini seçin."),
    ),
    // the form sends a hidden "0" before the checkbox's "1", so an unticked box still says no; absent means the default
    anonymousApplicants: z.preprocess(
      (v) => (v === undefined ? true : Array.isArray(v) ? v.includes("1") : v === true || v === "1"),
      z.boolean(),
    ),
  })
  .superRefine((job, ctx) => {
    // contact details stay inside until an assignment (docs/marketplace.md): refused, never silently cut out
    for (const [field, where] of CONTACT_CHECKED_FIELDS) {
      const found = typeof job[field] === "string" ? findContactDetail(job[field]) : null;
      if (found) ctx.addIssue({ code: "custom", path: [field], message: contactDetailMessage(found, where) });
    }
    // zod runs this even when a field failed above: a missing date is reported there, not compared here
    if (!(job.scheduledAt instanceof Date) || !(job.deadlineAt instanceof Date)) return;
    const now = Date.now();
    if (job.scheduledAt.getTime() <= now) ctx.addIssue({ code: "custom", path: ["scheduledAt"], message: "Görev tarihi ileri bir zaman olmalı." });
    if (job.scheduledAt.getTime() > now + MAX_YEARS_AHEAD * 366 * 86_400_000) {
      ctx.addIssue({ code: "custom", path: ["scheduledAt"], message: `Görev tarihi en fazla ${MAX_YEARS_AHEAD} yıl sonrası olabilir.` });
    }
    if (job.deadlineAt.getTime() <= now) ctx.addIssue({ code: "custom", path: ["deadlineAt"], message: "Son başvuru tarihi ileri bir zaman olmalı." });
    if (job.deadlineAt.getTime() > job.scheduledAt.getTime()) {
      ctx.addIssue({ code: "custom", path: ["deadlineAt"], message: "Son başvuru tarihi görev tarihinden sonra olamaz." });
    }
  });

export type JobInput = z.output<typeof jobInputSchema>;
