import { expireOverdueJobs } from "@/lib/jobs/expire-overdue-jobs";

export async function handleExpireOverdueJobs(): Promise<{ expired: number }> {
  return { expired: await expireOverdueJobs() };
}
