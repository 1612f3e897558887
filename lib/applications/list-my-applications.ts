import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ApplicationStatus, JobStatus } from "@/lib/generated/prisma/enums";
import { jobSummarySelect, toSummary, type JobSummary } from "@/lib/jobs/job-summary";

export type MyApplication = {
  id: string;
  status: ApplicationStatus;
  proposedFeeKurus: number | null;
  createdAt: Date;
  job: JobSummary & { status: JobStatus };
};

const TAKE = 20;

/** The actor's applications in one status, newest first (keyset over the (applicantId, status, createdAt) index). */
export async function listMyApplications(actor: Actor, status: ApplicationStatus, cursor?: string) {
  const after = cursor ? await db.application.findFirst({ where: { id: cursor, applicantId: actor.id }, select: { id: true, createdAt: true } }) : null;
  const rows = await db.application.findMany({
    where: {
      applicantId: actor.id,
      status,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: TAKE + 1,
    select: { id: true, status: true, proposedFeeKurus: true, createdAt: true, job: { select: { ...jobSummarySelect, status: true } } },
  });
  const items: MyApplication[] = rows.slice(0, TAKE).map(({ job: { status: jobStatus, ...job }, ...a }) => ({ ...a, job: { ...toSummary(job), status: jobStatus } }));
  return { items, nextCursor: rows.length > TAKE ? items[items.length - 1].id : null };
}

/** How many applications the actor has in each status. */
export async function countMyApplicationsByStatus(actor: Actor): Promise<Partial<Record<ApplicationStatus, number>>> {
  const rows = await db.application.groupBy({ by: ["status"], where: { applicantId: actor.id }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}

/** The actor's own application to a job, if any (for the job page). */
export async function findMyApplication(actor: Actor, jobId: string) {
  return db.application.findUnique({
    where: { jobId_applicantId: { jobId, applicantId: actor.id } },
    select: { id: true, status: true, note: true, proposedFeeKurus: true, createdAt: true },
  });
}
