import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import type { ApplicationStatus, LawyerTitle, VerificationStatus } from "@/lib/generated/prisma/enums";
import { JOB_NOT_FOUND } from "@/lib/jobs/load-own-job";

export type Applicant = {
  applicationId: string;
  status: ApplicationStatus;
  note: string;
  proposedFeeKurus: number | null;
  createdAt: Date;
  lawyer: {
    id: string;
    fullName: string;
    title: LawyerTitle;
    barName: string;
    verification: VerificationStatus;
    avatarPath: string | null;
    ratingAverage: number | null;
    ratingCount: number;
    completedJobCount: number;
    cancelledAssignCount: number;
  };
};

const MAX_APPLICANTS = 200;

/** The applicants of the actor's own job, oldest first, with what the poster needs to choose. */
export async function listApplicants(actor: Actor, jobId: string): Promise<Applicant[]> {
  const job = await db.job.findUnique({ where: { id: jobId }, select: { posterId: true } });
  if (!job) throw notFound(JOB_NOT_FOUND);
  if (job.posterId !== actor.id) throw forbidden("Başvuruları yalnızca ilan sahibi görebilir.");
  const rows = await db.application.findMany({
    where: { jobId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_APPLICANTS,
    select: {
      id: true, status: true, note: true, proposedFeeKurus: true, createdAt: true,
      applicant: {
        select: {
          id: true, fullName: true, title: true, barName: true, verification: true, avatarPath: true,
          ratingSum: true, ratingCount: true, completedJobCount: true, cancelledAssignCount: true,
        },
      },
    },
  });
  return rows.map(({ id, applicant: { ratingSum, ...lawyer }, ...rest }) => ({
    applicationId: id,
    ...rest,
    lawyer: { ...lawyer, ratingAverage: lawyer.ratingCount ? ratingSum / lawyer.ratingCount : null },
  }));
}
