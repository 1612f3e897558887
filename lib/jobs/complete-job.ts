import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { invalidateJobs } from "@/lib/jobs/job-cache";
import { parseIstanbulDateTime } from "@/lib/jobs/istanbul-time";
import { JOB_NOT_FOUND } from "@/lib/jobs/load-own-job";

const completeJobSchema = z.object({
  jobId: z.string().min(1),
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
  notes: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(2000, "Notlar en fazla 2000 karakter olabilir.").optional()),
});

/** The assignee reports what happened; the job becomes DONE and counts on their profile. */
export async function completeJob(actor: Actor, input: unknown): Promise<{ id: string }> {
  const data = parseInput(completeJobSchema, input);
  const job = await db.job.findUnique({ where: { id: data.jobId }, select: { id: true, title: true, posterId: true, assigneeId: true, status: true } });
  if (!job) throw notFound(JOB_NOT_FOUND);
  if (job.assigneeId !== actor.id) throw forbidden("Tamamlama raporunu yalnızca görevlendirilen avukat gönderebilir.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.job.updateMany({
      where: { id: job.id, assigneeId: actor.id, status: "ASSIGNED" },
      data: {
        status: "DONE",
        completionReport: data.report,
        completionNotes: data.notes ?? null,
        nextHearingAt: data.nextHearingAt ?? null,
        completedAt: new Date(),
      },
    });
    if (count === 0) throw conflict("Bu iş tamamlanmaya uygun değil: görevlendirme sürmüyor ya da rapor zaten gönderildi.");
    await tx.user.update({ where: { id: actor.id }, data: { completedJobCount: { increment: 1 } } });
  });
  await invalidateJobs([job.id]);
  await notifyUsers([
    {
      userId: job.posterId,
      type: "JOB_COMPLETED",
      title: "İş tamamlandı",
      body: `"${job.title}" için tamamlama raporu gönderildi. Raporu okuyup meslektaşınızı değerlendirebilirsiniz.`,
      link: `/ilanlar/${job.id}`,
    },
  ]);
  return { id: job.id };
}
