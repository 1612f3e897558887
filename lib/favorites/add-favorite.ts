import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { notFound } from "@/lib/errors";
import { favoriteSchema } from "@/lib/favorites/favorite-schema";
import { invalidateJobForUser } from "@/lib/jobs/job-cache";
import { JOB_NOT_FOUND } from "@/lib/jobs/load-own-job";

/** Saves a job to the actor's list (idempotent). */
export async function addFavorite(actor: Actor, input: unknown): Promise<{ saved: true }> {
  const { jobId } = parseInput(favoriteSchema, input);
  const job = await db.job.findUnique({ where: { id: jobId }, select: { id: true } });
  if (!job) throw notFound(JOB_NOT_FOUND);
  await db.favorite.upsert({ where: { userId_jobId: { userId: actor.id, jobId } }, create: { userId: actor.id, jobId }, update: {} });
  await invalidateJobForUser(jobId, actor.id);
  return { saved: true };
}
