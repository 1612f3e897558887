import { Worker, type Job } from "bullmq";
import { logger } from "@/lib/observability/logger";
import { bullPrefix, createWorkerConnection } from "@/lib/queue/connection";
import { EXPORTS_QUEUE, getQueue, MAINTENANCE_QUEUE, NOTIFICATIONS_QUEUE } from "@/lib/queue/queues";
import { handleExportJob } from "@/workers/handlers/data-exports";
import { handleDeadlineReminders } from "@/workers/handlers/deadline-reminders";
import { handleDeleteExpiredSecurityEvents } from "@/workers/handlers/delete-expired-security-events";
import { handleExpireOverdueJobs } from "@/workers/handlers/expire-overdue-jobs";
import { handleExpireUnsentAttachments } from "@/workers/handlers/expire-unsent-attachments";
import { handleDeleteOldWhatsAppMessages } from "@/workers/handlers/delete-old-whatsapp-messages";
import { notificationHandler } from "@/workers/handlers/notifications";

const EXPIRY_INTERVAL_MS = 60_000;
const REMINDER_INTERVAL_MS = 5 * 60_000;
const ATTACHMENT_SWEEP_INTERVAL_MS = 15 * 60_000;
// rows pass the 12 months a few at a time; a daily sweep keeps each delete small
const SECURITY_LOG_SWEEP_INTERVAL_MS = 24 * 60 * 60_000;

const maintenanceHandlers: Record<string, (job: Job) => Promise<unknown>> = {
  "expire-overdue-jobs": handleExpireOverdueJobs,
  "deadline-reminders": handleDeadlineReminders,
  "expire-unsent-attachments": handleExpireUnsentAttachments,
  "delete-expired-security-events": handleDeleteExpiredSecurityEvents,
  "delete-old-whatsapp-messages": handleDeleteOldWhatsAppMessages,
};

export type WorkerOptions = {
  log?: (line: string) => void;
  /** first retry delay of channel deliveries (doubles each attempt) */
  backoffMs?: number;
  /** how soon a job whose worker died is handed to another worker */
  stalledIntervalMs?: number;
  notificationConcurrency?: number;
};

/** Starts every queue consumer of this process and the repeating schedules; returns them for shutdown. */
export async function startWorkers(options: WorkerOptions = {}): Promise<Worker[]> {
  const log = options.log ?? ((line: string) => logger().warn(line));
  const stalled = options.stalledIntervalMs ?? 30_000;
  const common = { stalledInterval: stalled, lockDuration: stalled };

  const notifications = new Worker(NOTIFICATIONS_QUEUE, notificationHandler({ backoffMs: options.backoffMs }), {
    ...common,
    prefix: bullPrefix(NOTIFICATIONS_QUEUE),
    connection: createWorkerConnection(),
    concurrency: options.notificationConcurrency ?? 10,
  });
  const maintenance = new Worker(
    MAINTENANCE_QUEUE,
    async (job) => {
      const handler = maintenanceHandlers[job.name];
      if (!handler) throw new Error(`no handler for ${MAINTENANCE_QUEUE}/${job.name}`);
      return handler(job);
    },
    { ...common, prefix: bullPrefix(MAINTENANCE_QUEUE), connection: createWorkerConnection(), concurrency: 1 },
  );
  // one export at a time per worker process: each reads a lawyer's whole history and holds its ZIP in memory
  const exports = new Worker(EXPORTS_QUEUE, handleExportJob, { ...common, prefix: bullPrefix(EXPORTS_QUEUE), connection: createWorkerConnection(), concurrency: 1 });
  for (const worker of [notifications, maintenance, exports]) {
    worker.on("failed", (job, error) => log(`${worker.name}/${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`));
    worker.on("error", (error) => log(`${worker.name} worker error: ${error.message}`));
  }

  // one schedule however many workers start: upsert is keyed by the scheduler id
  const maintenanceQueue = getQueue(MAINTENANCE_QUEUE);
  const template = { attempts: 3, backoff: { type: "exponential", delay: 5_000 }, removeOnComplete: 100, removeOnFail: 500 };
  await maintenanceQueue.upsertJobScheduler("expire-overdue-jobs", { every: EXPIRY_INTERVAL_MS }, { name: "expire-overdue-jobs", data: {}, opts: template });
  await maintenanceQueue.upsertJobScheduler("deadline-reminders", { every: REMINDER_INTERVAL_MS }, { name: "deadline-reminders", data: {}, opts: template });
  await maintenanceQueue.upsertJobScheduler("expire-unsent-attachments", { every: ATTACHMENT_SWEEP_INTERVAL_MS }, { name: "expire-unsent-attachments", data: {}, opts: template });
  await maintenanceQueue.upsertJobScheduler("delete-expired-security-events", { every: SECURITY_LOG_SWEEP_INTERVAL_MS }, { name: "delete-expired-security-events", data: {}, opts: template });
  // the WhatsApp log's rows pass their 30 days a few at a time, like the security log's
  await maintenanceQueue.upsertJobScheduler("delete-old-whatsapp-messages", { every: SECURITY_LOG_SWEEP_INTERVAL_MS }, { name: "delete-old-whatsapp-messages", data: {}, opts: template });
  return [notifications, maintenance, exports];
}
