import { db } from "@/lib/db";
import { invalidateJobs } from "@/lib/jobs/job-cache";

/** OPEN jobs whose hearing time or application deadline has passed become EXPIRED. Returns how many. */
export async function expireOverdueJobs(now: Date = new Date()): Promise<number> {
  const expired = await db.job.updateManyAndReturn({
    where: { status: "OPEN", OR: [{ scheduledAt: { lte: now } }, { deadlineAt: { lte: now } }] },
    data: { status: "EXPIRED" },
    select: { id: true },
  });
  // expired jobs leave the board and their pages change: retire those cache entries
  if (expired.length) await invalidateJobs(expired.map((j) => j.id));
  return expired.length;
}
