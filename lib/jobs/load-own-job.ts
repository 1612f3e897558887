import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { conflict, forbidden, notFound } from "@/lib/errors";
import type { JobStatus } from "@/lib/generated/prisma/enums";

export const JOB_NOT_FOUND = "İlan bulunamadı.";

/** The job if the actor posted it and it is in one of the given states; otherwise a clear refusal. */
export async function loadOwnJob(actor: Actor, jobId: unknown, states: JobStatus[], stateMessage: string) {
  if (typeof jobId !== "string" || !jobId) throw notFound(JOB_NOT_FOUND);
  const job = await db.job.findUnique({ where: { id: jobId }, select: { id: true, posterId: true, status: true, title: true, anonymousApplicants: true } });
  if (!job) throw notFound(JOB_NOT_FOUND);
  if (job.posterId !== actor.id) throw forbidden("Bu ilan size ait değil; yalnızca ilan sahibi bu işlemi yapabilir.");
  if (!states.includes(job.status)) throw conflict(stateMessage);
  return job;
}
