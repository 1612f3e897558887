import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { JobStatus } from "@/lib/generated/prisma/enums";
import { jobSummarySelect, toSummary, type JobSummary } from "@/lib/jobs/job-summary";

export type MyJob = JobSummary & { status: JobStatus; pendingApplications: number; totalApplications: number; assigneeName: string | null };

const TAKE = 20;

/**
 * The actor's posted jobs in one status, newest first (keyset over the (posterId, status, createdAt) index), with
 * pending and total application counts from one grouped query for the whole page.
 */
export async function listMyJobs(actor: Actor, status: JobStatus, cursor?: string): Promise<{ items: MyJob[]; nextCursor: string | null }> {
  const after = cursor ? await db.job.findFirst({ where: { id: cursor, posterId: actor.id }, select: { id: true, createdAt: true } }) : null;
  const rows = await db.job.findMany({
    where: {
      posterId: actor.id,
      status,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: TAKE + 1,
    select: { ...jobSummarySelect, status: true, assignee: { select: { fullName: true } } },
  });
  const page = rows.slice(0, TAKE);
  const counts = page.length
    ? await db.application.groupBy({ by: ["jobId", "status"], where: { jobId: { in: page.map((j) => j.id) } }, _count: { _all: true } })
    : [];
  const items = page.map(({ status: jobStatus, assignee, ...job }) => {
    const mine = counts.filter((c) => c.jobId === job.id);
    return {
      ...toSummary(job),
      status: jobStatus,
      assigneeName: assignee?.fullName ?? null,
      pendingApplications: mine.filter((c) => c.status === "PENDING").reduce((n, c) => n + c._count._all, 0),
      totalApplications: mine.reduce((n, c) => n + c._count._all, 0),
    };
  });
  return { items, nextCursor: rows.length > TAKE ? items[items.length - 1].id : null };
}

/** How many jobs the actor has in each status (for the dashboard's tabs). */
export async function countMyJobsByStatus(actor: Actor): Promise<Partial<Record<JobStatus, number>>> {
  const rows = await db.job.groupBy({ by: ["status"], where: { posterId: actor.id }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}
