import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireAdministrator } from "@/lib/users/require-administrator";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { conflict, notFound } from "@/lib/errors";
import { getQueue, queueNames } from "@/lib/queue/queues";
import { parseInput } from "@/lib/validation";

/** How many failed jobs per queue the admin page lists (newest first); the count shows the total. */
const FAILED_JOBS_SHOWN = 50;

export const queueCountKinds = ["waiting", "active", "delayed", "completed", "failed"] as const;
export type QueueCountKind = (typeof queueCountKinds)[number];

export type FailedJobView = {
  id: string;
  name: string;
  failedReason: string;
  attemptsMade: number;
  /** when the job was created, ms since epoch */
  timestamp: number;
};

export type QueueOverview = {
  name: (typeof queueNames)[number];
  counts: Record<QueueCountKind, number>;
  failed: FailedJobView[];
};


/** Per-queue job counts and the newest failed jobs of every queue, for the admin page. */
export async function getQueueOverview(actor: Actor): Promise<QueueOverview[]> {
  await requireAdministrator(actor);
  return Promise.all(
    queueNames.map(async (name) => {
      const queue = getQueue(name);
      const [counts, failedJobs] = await Promise.all([queue.getJobCounts(...queueCountKinds), queue.getFailed(0, FAILED_JOBS_SHOWN - 1)]);
      return {
        name,
        counts: Object.fromEntries(queueCountKinds.map((kind) => [kind, counts[kind] ?? 0])) as Record<QueueCountKind, number>,
        // a job removed between the two reads comes back as undefined
        failed: failedJobs.filter(Boolean).map((job) => ({
          id: job.id ?? "",
          name: job.name,
          failedReason: job.failedReason ?? "",
          attemptsMade: job.attemptsMade,
          timestamp: job.timestamp,
        })),
      };
    }),
  );
}

const retrySchema = z.object({
  queue: z.enum(queueNames, { error: "Bilinmeyen kuyruk." }),
  jobId: z.string().min(1).max(200),
});

/** Puts a failed job back in the waiting list with a fresh set of attempts. */
export async function retryFailedJob(actor: Actor, input: unknown): Promise<{ retried: true }> {
  await requireAdministrator(actor);
  const { queue, jobId } = parseInput(retrySchema, input);
  const job = await getQueue(queue).getJob(jobId);
  if (!job) throw notFound("İş kuyrukta bulunamadı; süresi dolmuş ya da silinmiş olabilir.");
  if ((await job.getState()) !== "failed") throw conflict("Bu iş başarısız durumda değil; yeniden denenemez.");
  // read before the retry, which clears it
  const failedReason = (job.failedReason ?? "").slice(0, 300);
  await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
  await recordAuditEntry({ actorId: actor.id, action: "QUEUE_JOB_RETRIED", detail: { queue, jobId, jobName: job.name, failedReason } });
  return { retried: true };
}
