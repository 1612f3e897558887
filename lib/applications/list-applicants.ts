import type { Actor } from "@/lib/auth/actor";
import { initialsOf, posterMayIdentify } from "@/lib/applications/applicant-identity";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import type { ApplicationStatus, LawyerTitle, VerificationStatus } from "@/lib/generated/prisma/enums";
import { JOB_NOT_FOUND } from "@/lib/jobs/load-own-job";

/** What the poster may always see of an applicant: enough to choose, nothing that says who they are. */
type ApplicantStanding = {
  initials: string;
  title: LawyerTitle;
  barName: string;
  verification: VerificationStatus;
  ratingAverage: number | null;
  ratingCount: number;
  completedJobCount: number;
  cancelledAssignCount: number;
};

export type Applicant = {
  applicationId: string;
  status: ApplicationStatus;
  note: string;
  proposedFeeKurus: number | null;
  createdAt: Date;
  /** `anonymous`: the job hides applicants and this one was not accepted; no id, name or photo leaves the server */
  lawyer: (ApplicantStanding & { anonymous: true }) | (ApplicantStanding & { anonymous: false; id: string; fullName: string; avatarPath: string | null });
};

const MAX_APPLICANTS = 200;

/** The applicants of the actor's own job, oldest first, with what the poster needs to choose (and may know). */
export async function listApplicants(actor: Actor, jobId: string): Promise<Applicant[]> {
  const job = await db.job.findUnique({ where: { id: jobId }, select: { posterId: true, anonymousApplicants: true, status: true, assigneeId: true } });
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
  return rows.map(({ id, applicant: { id: lawyerId, fullName, avatarPath, ratingSum, ...rest }, ...application }) => {
    const standing: ApplicantStanding = { ...rest, initials: initialsOf(fullName), ratingAverage: rest.ratingCount ? ratingSum / rest.ratingCount : null };
    return {
      applicationId: id,
      ...application,
      lawyer: posterMayIdentify(job, lawyerId) ? { ...standing, anonymous: false, id: lawyerId, fullName, avatarPath } : { ...standing, anonymous: true },
    };
  });
}
