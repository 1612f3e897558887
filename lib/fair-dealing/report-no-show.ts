import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { pauseIfOverThreshold } from "@/lib/fair-dealing/apply-pause";
import { isUniqueViolation } from "@/lib/jobs/errors";
import { invalidateJobs } from "@/lib/jobs/job-cache";
import { JOB_NOT_FOUND } from "@/lib/jobs/load-own-job";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { parseInput } from "@/lib/validation";

const noShowSchema = z.object({ jobId: z.string({ error: "İlan seçilmedi." }).trim().min(1, "İlan seçilmedi.").max(64) });

const ALREADY_REPORTED = "Bu iş için \"gelmedi\" bildirimi zaten yapıldı.";

/**
 * The poster reports "Gelmedi / işi yapmadı" on an ASSIGNED job once its time has passed. It counts against the
 * assignee for 12 months (and may pause their applying); the job stays ASSIGNED, so either side can still open a
 * dispute or call the assignment off.
 */
export async function reportNoShow(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { jobId } = parseInput(noShowSchema, input);
  const job = await db.job.findUnique({ where: { id: jobId }, select: { id: true, title: true, posterId: true, assigneeId: true, status: true, scheduledAt: true } });
  if (!job) throw notFound(JOB_NOT_FOUND);
  if (job.posterId !== actor.id) throw forbidden("\"Gelmedi\" bildirimini yalnızca ilan sahibi yapabilir.");
  if (job.status !== "ASSIGNED" || !job.assigneeId) throw conflict("Bu ilanda süren bir görevlendirme yok.");
  if (job.scheduledAt.getTime() > Date.now()) throw conflict("Görev saati henüz gelmedi; \"gelmedi\" bildirimi görev saatinden sonra yapılabilir.");
  let id: string;
  try {
    ({ id } = await db.noShowReport.create({ data: { jobId: job.id, reporterId: actor.id, assigneeId: job.assigneeId }, select: { id: true } }));
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(ALREADY_REPORTED);
    throw error;
  }
  await invalidateJobs([job.id]);
  await notifyUsers([
    {
      userId: job.assigneeId,
      type: "NO_SHOW_REPORTED",
      title: "Hakkınızda \"gelmedi\" bildirimi",
      body: `"${job.title}" için ilan sahibi gelmediğinizi / işi yapmadığınızı bildirdi. Katılmıyorsanız ilan sayfasından uyuşmazlık açabilirsiniz.`,
      link: `/ilanlar/${job.id}`,
    },
  ]);
  await pauseIfOverThreshold(job.assigneeId);
  return { id };
}
