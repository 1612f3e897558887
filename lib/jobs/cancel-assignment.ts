import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { reasonSchema } from "@/lib/jobs/cancel-job";
import { invalidateJobs } from "@/lib/jobs/job-cache";
import { JOB_NOT_FOUND } from "@/lib/jobs/load-own-job";
import { pauseIfOverThreshold } from "@/lib/fair-dealing/apply-pause";
import { forgetPairAssignment } from "@/lib/messaging/contact-gate";

const cancelAssignmentSchema = z.object({ jobId: z.string().min(1), reason: reasonSchema });

const NOT_ASSIGNED = "Bu ilanda süren bir görevlendirme yok.";

/**
 * Either side calls off an assignment with a reason. The job reopens for applications: the applicants who were
 * turned down by the accept are back in the running, the called-off application is closed, and the cancellation is
 * recorded and counted against whoever cancelled.
 */
export async function cancelAssignment(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { jobId, reason } = parseInput(cancelAssignmentSchema, input);
  const job = await db.job.findUnique({ where: { id: jobId }, select: { id: true, title: true, posterId: true, assigneeId: true, status: true, assignedAt: true } });
  if (!job) throw notFound(JOB_NOT_FOUND);
  if (actor.id !== job.posterId && actor.id !== job.assigneeId) throw forbidden("Bu görevlendirmenin tarafı değilsiniz.");
  if (job.status !== "ASSIGNED" || !job.assigneeId || !job.assignedAt) throw conflict(NOT_ASSIGNED);
  const assigneeId = job.assigneeId;
  const byAssignee = actor.id === assigneeId;
  await db.$transaction(async (tx) => {
    const { count } = await tx.job.updateMany({
      where: { id: job.id, status: "ASSIGNED", assigneeId },
      data: { status: "OPEN", assigneeId: null, assignedAt: null },
    });
    if (count === 0) throw conflict(NOT_ASSIGNED);
    await tx.assignmentCancellation.create({ data: { jobId: job.id, cancelledById: actor.id, assigneeId, reason } });
    await tx.application.updateMany({
      where: { jobId: job.id, applicantId: assigneeId, status: "ACCEPTED" },
      data: { status: byAssignee ? "WITHDRAWN" : "REJECTED", decidedAt: new Date() },
    });
    // the accept rejected the others in the same instant it assigned; those (and only those) are reopened
    await tx.application.updateMany({
      where: { jobId: job.id, status: "REJECTED", decidedAt: job.assignedAt! },
      data: { status: "PENDING", decidedAt: null },
    });
    await tx.user.update({ where: { id: actor.id }, data: { cancelledAssignCount: { increment: 1 } } });
  });
  await Promise.all([invalidateJobs([job.id]), forgetPairAssignment(job.posterId, assigneeId)]);
  await notifyUsers([
    {
      userId: byAssignee ? job.posterId : assigneeId,
      type: "ASSIGNMENT_CANCELLED",
      title: "Görevlendirme iptal edildi",
      body: `"${job.title}" için görevlendirme ${byAssignee ? "görevli avukat" : "ilan sahibi"} tarafından iptal edildi. Gerekçe: ${reason}`,
      link: `/ilanlar/${job.id}`,
    },
  ]);
  // only the assignee's own cancellations count towards a pause (docs/marketplace.md)
  if (byAssignee) await pauseIfOverThreshold(assigneeId);
  return { id: job.id };
}
