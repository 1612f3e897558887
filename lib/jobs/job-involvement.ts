import { db } from "@/lib/db";

export type JobInvolvement = { posterId: string; assigneeId: string | null; userIds: string[] };

/**
 * The lawyers whose view of a job differs from everyone else's: the poster, every applicant (whatever the
 * application's status), the assignee and those who saved it. Null when the job does not exist.
 */
export async function loadJobInvolvement(jobId: string): Promise<JobInvolvement | null> {
  const [job, applications, favorites] = await Promise.all([
    db.job.findUnique({ where: { id: jobId }, select: { posterId: true, assigneeId: true } }),
    db.application.findMany({ where: { jobId }, select: { applicantId: true } }),
    db.favorite.findMany({ where: { jobId }, select: { userId: true } }),
  ]);
  if (!job) return null;
  const userIds = new Set([job.posterId, ...applications.map((a) => a.applicantId), ...favorites.map((f) => f.userId)]);
  if (job.assigneeId) userIds.add(job.assigneeId);
  return { posterId: job.posterId, assigneeId: job.assigneeId, userIds: [...userIds] };
}
