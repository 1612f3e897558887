import type { Actor } from "@/lib/auth/actor";
import { findMyApplication } from "@/lib/applications/list-my-applications";
import { listApplicants, type Applicant } from "@/lib/applications/list-applicants";
import { isFavorite } from "@/lib/favorites/list-favorites";
import { getAssignment, type Assignment } from "@/lib/jobs/get-assignment";
import type { JobDetail } from "@/lib/jobs/get-job-detail";
import { reviewAuthorsOf } from "@/lib/reviews/list-reviews";

export type JobViewerState = {
  isPoster: boolean;
  isAssignee: boolean;
  /** file number, contacts, report: only for the poster and the assignee */
  assignment: Assignment | null;
  /** only for the poster */
  applicants: Applicant[] | null;
  myApplication: Awaited<ReturnType<typeof findMyApplication>>;
  saved: boolean;
  canReview: boolean;
};

/**
 * Everything on a job page that depends on who is looking. Never cached: each piece is read for this viewer and
 * goes through the same checks as the actions (getAssignment and listApplicants refuse anyone else).
 */
export async function getJobViewerState(actor: Actor, job: JobDetail): Promise<JobViewerState> {
  const isPoster = job.posterId === actor.id;
  const isAssignee = job.assigneeId === actor.id;
  const party = (isPoster || isAssignee) && (job.status === "ASSIGNED" || job.status === "DONE");
  const [assignment, applicants, myApplication, saved, reviewers] = await Promise.all([
    party ? getAssignment(actor, job.id) : null,
    isPoster ? listApplicants(actor, job.id) : null,
    isPoster ? null : findMyApplication(actor, job.id),
    isFavorite(actor, job.id),
    party && job.status === "DONE" ? reviewAuthorsOf(job.id) : ([] as string[]),
  ]);
  return { isPoster, isAssignee, assignment, applicants, myApplication, saved, canReview: party && job.status === "DONE" && !reviewers.includes(actor.id) };
}
