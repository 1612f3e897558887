import { db } from "@/lib/db";
import { jobDisputes } from "@/lib/disputes/list-disputes";

export type JobFairDealingState = {
  disputes: { id: string; status: "OPEN" | "DECIDED" }[];
  noShowReported: boolean;
  /** the poster of an ASSIGNED job whose time has passed, with no report yet */
  canReportNoShow: boolean;
};

/** What the job page shows a party about disputes and "Gelmedi / işi yapmadı". */
export async function jobFairDealingState(job: { id: string; status: string; scheduledAt: Date }, viewerRole: "POSTER" | "ASSIGNEE"): Promise<JobFairDealingState> {
  const [disputes, noShow] = await Promise.all([jobDisputes(job.id), db.noShowReport.findUnique({ where: { jobId: job.id }, select: { id: true } })]);
  const canReportNoShow = viewerRole === "POSTER" && job.status === "ASSIGNED" && !noShow && job.scheduledAt.getTime() <= Date.now();
  return { disputes, noShowReported: noShow !== null, canReportNoShow };
}
