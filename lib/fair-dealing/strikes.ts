import { db } from "@/lib/db";

/** Cancellations and no-shows count for this long (issue 14: "over the last 12 months"). */
export const STRIKE_WINDOW_MS = 365 * 24 * 60 * 60 * 1000;

export type Strikes = { cancellations: number; noShows: number; total: number };

/**
 * What fair dealing counts against a lawyer over the last 12 months: assignments they called off themselves as
 * the assignee (a poster cancelling is not the assignee's fault) and "Gelmedi / işi yapmadı" reports about them.
 */
export async function recentStrikes(userId: string, now = new Date()): Promise<Strikes> {
  const since = new Date(now.getTime() - STRIKE_WINDOW_MS);
  const [cancellations, noShows] = await Promise.all([
    db.assignmentCancellation.count({ where: { cancelledById: userId, assigneeId: userId, createdAt: { gte: since } } }),
    db.noShowReport.count({ where: { assigneeId: userId, createdAt: { gte: since } } }),
  ]);
  return { cancellations, noShows, total: cancellations + noShows };
}

/** "Son 12 ayda: 2 iptal, 1 gelmeme" */
export function strikesLabel(strikes: Strikes): string {
  return `Son 12 ayda: ${strikes.cancellations} iptal, ${strikes.noShows} gelmeme`;
}
