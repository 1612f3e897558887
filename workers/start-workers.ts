import { Worker, type Job } from "bullmq";
import { bullPrefix, createWorkerConnection } from "@/lib/queue/connection";
import { getQueue, MAINTENANCE_QUEUE } from "@/lib/queue/queues";
import { handleExpireOverdueJobs } from "@/workers/handlers/expire-overdue-jobs";

const EXPIRY_INTERVAL_MS = 60_000;

const maintenanceHandlers: Record<string, (job: Job) => Promise<unknown>> = {
  "expire-overdue-jobs": handleExpireOverdueJobs,
};

/** Starts every queue consumer of this process and the repeating schedules; returns them for shutdown. */
export async function startWorkers(log: (line: string) => void = console.log): Promise<Worker[]> {
  const maintenance = new Worker(
    MAINTENANCE_QUEUE,
    async (job) => {
      const handler = maintenanceHandlers[job.name];
      if (!handler) throw new Error(`no handler for ${MAINTENANCE_QUEUE}/${job.name}`);
      return handler(job);
    },
    { connection: createWorkerConnection(), prefix: bullPrefix(), concurrency: 1 },
  );
  maintenance.on("failed", (job, error) => log(`${MAINTENANCE_QUEUE}/${job?.name} failed (attempt ${job?.attemptsMade}): ${error.message}`));

  // one schedule however many workers start: upsert is keyed by the scheduler id
  await getQueue(MAINTENANCE_QUEUE).upsertJobScheduler(
    "expire-overdue-jobs",
    { every: EXPIRY_INTERVAL_MS },
    { name: "expire-overdue-jobs", data: {}, opts: { attempts: 3, backoff: { type: "exponential", delay: 5_000 }, removeOnComplete: 100, removeOnFail: 500 } },
  );
  return [maintenance];
}
