import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { db } from "@/lib/db";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { administratorIds } from "@/lib/disputes/dispute-parties";
import { disputeText } from "@/lib/disputes/dispute-text";
import { invalidateJobs } from "@/lib/jobs/job-cache";
import { JOB_NOT_FOUND } from "@/lib/jobs/load-own-job";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { parseInput } from "@/lib/validation";

const openDisputeSchema = z.object({ jobId: z.string({ error: "İlan seçilmedi." }).trim().min(1, "İlan seçilmedi.").max(64), reason: disputeText("Uyuşmazlık gerekçesini") });

/**
 * Either party of an ASSIGNED or DONE job opens a dispute with a reason (one open dispute per job). Until the
 * decision the job's reviews are held: taken off profiles and the job page, and out of the ratings.
 */
export async function openDispute(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { jobId, reason } = parseInput(openDisputeSchema, input);
  const job = await db.job.findUnique({ where: { id: jobId }, select: { id: true, title: true, posterId: true, assigneeId: true, status: true } });
  if (!job) throw notFound(JOB_NOT_FOUND);
  if ((job.status !== "ASSIGNED" && job.status !== "DONE") || !job.assigneeId) throw conflict("Uyuşmazlık yalnızca görevlendirilmiş veya tamamlanmış işler için açılabilir.");
  if (actor.id !== job.posterId && actor.id !== job.assigneeId) throw forbidden("Uyuşmazlığı yalnızca işin tarafları açabilir.");
  const { posterId, assigneeId } = { posterId: job.posterId, assigneeId: job.assigneeId };
  const otherId = actor.id === posterId ? assigneeId : posterId;
  const id = await db.$transaction(async (tx) => {
    // one at a time per job: two parties opening at once, or a review landing meanwhile, wait here
    await tx.$queryRaw`SELECT id FROM "Job" WHERE id = ${job.id} FOR UPDATE`;
    if ((await tx.dispute.count({ where: { jobId: job.id, status: "OPEN" } })) > 0) throw conflict("Bu iş için açık bir uyuşmazlık zaten var.");
    const dispute = await tx.dispute.create({ data: { jobId: job.id, openedById: actor.id, posterId, assigneeId, reason }, select: { id: true } });
    const held = await tx.review.updateManyAndReturn({ where: { jobId: job.id, state: "VISIBLE" }, data: { state: "HELD" }, select: { subjectId: true, overall: true } });
    for (const review of held) {
      await tx.user.update({ where: { id: review.subjectId }, data: { ratingSum: { decrement: review.overall }, ratingCount: { decrement: 1 } } });
    }
    await recordAuditEntry({ actorId: actor.id, action: "DISPUTE_OPENED", targetUserId: otherId, detail: { disputeId: dispute.id, jobId: job.id, reason } }, tx);
    return dispute.id;
  });
  await invalidateJobs([job.id]);
  const link = `/uyusmazlik/${id}`;
  const admins = await administratorIds();
  await notifyUsers([
    { userId: otherId, type: "DISPUTE_OPENED", title: "Uyuşmazlık açıldı", body: `"${job.title}" işi için karşı taraf uyuşmazlık açtı. Gerekçe: ${reason}`, link },
    ...admins.map((userId) => ({ userId, type: "DISPUTE_OPENED" as const, title: "Uyuşmazlık Masası: yeni başvuru", body: `"${job.title}" işi için uyuşmazlık açıldı.`, link })),
  ]);
  return { id };
}
