import { invalidate } from "@/lib/cache";

/** Cache namespaces of the marketplace: the board (every list and count) and each job's detail. */
export const BOARD_NAMESPACE = "board";
export const jobNamespace = (jobId: string) => `job:${jobId}`;

/** After a write that changes what the board or a job's page shows. */
export function invalidateJobs(jobIds: string[]): Promise<void> {
  return invalidate({ namespaces: [BOARD_NAMESPACE, ...jobIds.map(jobNamespace)] });
}
