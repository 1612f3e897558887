import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { CompletionOutcome, type TaskType } from "@/lib/generated/prisma/enums";
import { parseInput, validationError } from "@/lib/validation";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { invalidateJobs } from "@/lib/jobs/job-cache";
import { parseIstanbulDateTime } from "@/lib/jobs/istanbul-time";
import { JOB_NOT_FOUND } from "@/lib/jobs/load-own-job";
import { completionSummaryLines, NEEDS_NEXT_HEARING, NEEDS_REASON, outcomesByTaskType } from "@/lib/jobs/completion-outcomes";
import { discardReportFiles, readReportFiles, storeReportFiles } from "@/lib/jobs/report-files";

const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, message).optional());

const completeJobSchema = z.object({
  jobId: z.string().min(1),
  outcome: z.enum(CompletionOutcome, { error: "Ne olduğunu seçin." }),
  report: z
    .string({ error: "Ne yapıldığını yazın." })
    .trim()
    .min(10, "Rapor en az 10 karakter olmalı; ne yapıldığını kısaca yazın.")
    .max(5000, "Rapor en fazla 5000 karakter olabilir."),
  nextHearingAt: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z
      .string()
      .transform((v, ctx) => {
        const date = parseIstanbulDateTime(v);
        if (!date) {
          ctx.addIssue({ code: "custom", message: "Geçerli bir tarih ve saat girin." });
          return z.NEVER;
        }
        return date;
      })
      .optional(),
  ),
  interimDecision: optionalText(1000, "Ara karar en fazla 1000 karakter olabilir."),
  outcomeReason: optionalText(1000, "Gerekçe en fazla 1000 karakter olabilir."),
  notes: optionalText(2000, "Notlar en fazla 2000 karakter olabilir."),
});

type CompletionInput = z.infer<typeof completeJobSchema>;

/** What fits the job's task type: the outcome is one of its own, a hearing that goes on has its date, and so on. */
function checkFitsTaskType(taskType: TaskType, data: CompletionInput): void {
  const errors: Record<string, string[]> = {};
  if (!outcomesByTaskType[taskType].includes(data.outcome)) errors.outcome = ["Bu sonuç bu görev türü için seçilemez."];
  if (taskType === "DURUSMA") {
    if (NEEDS_NEXT_HEARING.includes(data.outcome) && !data.nextHearingAt) errors.nextHearingAt = ["Sonraki duruşmanın tarih ve saatini girin."];
    else if (data.nextHearingAt && data.nextHearingAt.getTime() <= Date.now()) errors.nextHearingAt = ["Sonraki duruşma ileri bir tarihte olmalı."];
    if (data.outcome === "ARA_KARAR" && !data.interimDecision) errors.interimDecision = ["Ara kararı birkaç satırla yazın."];
  } else if (data.nextHearingAt || data.interimDecision) {
    errors._form = ["Sonraki duruşma ve ara karar yalnızca duruşma görevleri için yazılır."];
  }
  if (NEEDS_REASON.includes(data.outcome) && !data.outcomeReason) errors.outcomeReason = ["Neden yapılamadığını kısaca yazın."];
  if (Object.keys(errors).length) throw validationError(errors);
}

/**
 * The assignee reports what happened (an outcome that fits the task type, the next hearing, the ara karar or the
 * reason, the tutanak as photos or PDFs); the job becomes DONE and counts on their profile, and the poster is told
 * the report in the notification itself.
 */
export async function completeJob(actor: Actor, input: Record<string, unknown>): Promise<{ id: string }> {
  const { tutanak, ...fields } = input;
  const data = parseInput(completeJobSchema, fields);
  const job = await db.job.findUnique({ where: { id: data.jobId }, select: { id: true, title: true, taskType: true, posterId: true, assigneeId: true, status: true } });
  if (!job) throw notFound(JOB_NOT_FOUND);
  if (job.assigneeId !== actor.id) throw forbidden("Tamamlama raporunu yalnızca görevlendirilen avukat gönderebilir.");
  checkFitsTaskType(job.taskType, data);
  const files = await storeReportFiles(job.id, await readReportFiles(tutanak));
  const nextHearingAt = job.taskType === "DURUSMA" && data.outcome !== "KARAR_VERILDI" ? (data.nextHearingAt ?? null) : null;
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.job.updateMany({
        where: { id: job.id, assigneeId: actor.id, status: "ASSIGNED" },
        data: {
          status: "DONE",
          completionOutcome: data.outcome,
          completionReport: data.report,
          completionNotes: data.notes ?? null,
          nextHearingAt,
          interimDecision: data.interimDecision ?? null,
          outcomeReason: data.outcomeReason ?? null,
          completedAt: new Date(),
        },
      });
      if (count === 0) throw conflict("Bu iş tamamlanmaya uygun değil: görevlendirme sürmüyor ya da rapor zaten gönderildi.");
      if (files.length) await tx.jobReportFile.createMany({ data: files.map((f) => ({ ...f, jobId: job.id, uploaderId: actor.id })) });
      await tx.user.update({ where: { id: actor.id }, data: { completedJobCount: { increment: 1 } } });
    });
  } catch (error) {
    await discardReportFiles(files);
    throw error;
  }
  await invalidateJobs([job.id]);
  const summary = completionSummaryLines({ outcome: data.outcome, nextHearingAt, interimDecision: data.interimDecision ?? null, outcomeReason: data.outcomeReason ?? null });
  const report = data.report.length > 400 ? `${data.report.slice(0, 400)}…` : data.report;
  await notifyUsers([
    {
      userId: job.posterId,
      type: "JOB_COMPLETED",
      title: "İş tamamlandı",
      body: [`"${job.title}" için tamamlama raporu gönderildi.`, ...summary, `Rapor: ${report}`, files.length ? `${files.length} tutanak dosyası ilan sayfasında.` : null]
        .filter(Boolean)
        .join("\n"),
      link: `/ilanlar/${job.id}`,
    },
  ]);
  return { id: job.id };
}
