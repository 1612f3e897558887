import { invalidate } from "@/lib/cache";
import { loadJobInvolvement } from "@/lib/jobs/job-involvement";
import { broadcastToUsers } from "@/lib/messaging/delivery";
import { userNamespace } from "@/lib/users/user-cache";

/** Cache namespaces of the marketplace: the board (every list and count) and each job's detail. */
export const BOARD_NAMESPACE = "board";
export const jobNamespace = (jobId: string) => `job:${jobId}`;

/**
 * After a write that changes what the board or a job's page shows. The panels and profiles of everyone involved
 * in those jobs (poster, applicants, assignee, savers) change with them, and their open pages of the job are told
 * (`job:changed`): an application, an acceptance, a completion or a review shows without a reload.
 */
export async function invalidateJobs(jobIds: string[]): Promise<void> {
  const involved = await Promise.all(jobIds.map((id) => loadJobInvolvement(id).catch(() => null)));
  const userIds = new Set(involved.flatMap((i) => i?.userIds ?? []));
  await invalidate({ namespaces: [BOARD_NAMESPACE, ...jobIds.map(jobNamespace), ...[...userIds].map(userNamespace)] });
  jobIds.forEach((jobId, i) => broadcastToUsers(involved[i]?.userIds ?? [], "job:changed", { jobId }));
}

/** After a write that changes one lawyer's view of a job but not the board (saving it). */
export function invalidateJobForUser(jobId: string, userId: string): Promise<void> {
  return invalidate({ namespaces: [jobNamespace(jobId), userNamespace(userId)] });
}
