import { getOrLoad, cacheKey } from "@/lib/cache";
import { loadJobInvolvement, type JobInvolvement } from "@/lib/jobs/job-involvement";

const INVOLVEMENT_TTL_SECONDS = 60 * 60;

/**
 * Who is involved in a job, cached under the job's version: every write that adds someone (an application, a
 * save, an acceptance) bumps it. An unknown id is remembered as missing under its version, which creating a job with that id would bump.
 */
export async function cachedJobInvolvement(jobId: string, version: string): Promise<JobInvolvement | null> {
  const involvement = await getOrLoad<JobInvolvement | { missing: true }>(cacheKey("job-involved", jobId, version), INVOLVEMENT_TTL_SECONDS, async () => (await loadJobInvolvement(jobId)) ?? { missing: true });
  return "missing" in involvement ? null : involvement;
}
