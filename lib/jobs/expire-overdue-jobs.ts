import { db } from "@/lib/db";

/** OPEN jobs whose hearing time or application deadline has passed become EXPIRED. Returns how many. */
export async function expireOverdueJobs(now: Date = new Date()): Promise<number> {
  const { count } = await db.job.updateMany({
    where: { status: "OPEN", OR: [{ scheduledAt: { lte: now } }, { deadlineAt: { lte: now } }] },
    data: { status: "EXPIRED" },
  });
  return count;
}
