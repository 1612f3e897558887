import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { jobSummarySelect, toSummary, type JobSummary } from "@/lib/jobs/job-summary";

const GRACE_MS = 12 * 3_600_000;

/** Work assigned to the actor that is still to be done, soonest first (the (assigneeId, status, scheduledAt) index). */
export async function listUpcomingAssignments(actor: Actor, take = 20): Promise<JobSummary[]> {
  const rows = await db.job.findMany({
    where: { assigneeId: actor.id, status: "ASSIGNED", scheduledAt: { gte: new Date(Date.now() - GRACE_MS) } },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    take,
    select: jobSummarySelect,
  });
  return rows.map(toSummary);
}
