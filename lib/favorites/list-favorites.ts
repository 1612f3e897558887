import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { JobStatus } from "@/lib/generated/prisma/enums";
import { jobSummarySelect, toSummary, type JobSummary } from "@/lib/jobs/job-summary";

/** Whether the actor saved this job. */
export async function isFavorite(actor: Actor, jobId: string): Promise<boolean> {
  return (await db.favorite.count({ where: { userId: actor.id, jobId } })) > 0;
}

export type FavoriteItem = JobSummary & { status: JobStatus; savedAt: Date };

/** The actor's saved jobs, most recently saved first, keyset on (createdAt, jobId). */
export async function listFavorites(actor: Actor, { cursor, take = 20 }: { cursor?: string; take?: number } = {}) {
  const after = cursor ? await db.favorite.findUnique({ where: { userId_jobId: { userId: actor.id, jobId: cursor } }, select: { createdAt: true, jobId: true } }) : null;
  const rows = await db.favorite.findMany({
    where: {
      userId: actor.id,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, jobId: { lt: after.jobId } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { jobId: "desc" }],
    take: take + 1,
    select: { createdAt: true, job: { select: { ...jobSummarySelect, status: true } } },
  });
  const items: FavoriteItem[] = rows.slice(0, take).map(({ createdAt, job: { status, ...job } }) => ({ ...toSummary(job), status, savedAt: createdAt }));
  return { items, nextCursor: rows.length > take ? items[items.length - 1].id : null };
}
