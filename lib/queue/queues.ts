import { Queue } from "bullmq";
import type { NotificationChannel } from "@/lib/generated/prisma/enums";
import { bullPrefix, createProducerConnection } from "@/lib/queue/connection";

// Queue names and the payload of each job kind. Payloads carry ids only, never personal data
// (job data sits in Redis in clear text): addresses, numbers and endpoints are looked up by the worker.
export const MAINTENANCE_QUEUE = "maintenance";
export const NOTIFICATIONS_QUEUE = "notifications";
export const EXPORTS_QUEUE = "exports";
export const queueNames = [NOTIFICATIONS_QUEUE, MAINTENANCE_QUEUE, EXPORTS_QUEUE] as const;

export type NotificationJobs = {
  /** decide a notification's channels from the user's preferences and enqueue one delivery per channel */
  dispatch: { notificationId: string };
  /** send one notification on one channel; idempotent through NotificationDelivery */
  deliver: { notificationId: string; channel: NotificationChannel };
  /** send a fresh WhatsApp verification code to the user's number */
  "whatsapp-verification": { userId: string };
  /** tell a recipient about unread messages in a conversation, unless they read them meanwhile */
  "message-notice": { conversationId: string; recipientId: string; messageId: string };
  /** issue a fresh password-reset token for the user and e-mail the link (the token never enters the queue) */
  "password-reset": { userId: string };
  /** issue a fresh e-mail confirmation token for a new account and e-mail the link */
  "email-confirmation": { userId: string };
  /** e-mail the owner of an account about a sign-in from a new device (the event holds device, address and time) */
  "new-device-notice": { securityEventId: string };
  /** issue a fresh e-mail change token and e-mail the link to the user's pending new address (kept on the user) */
  "email-change-confirmation": { userId: string };
  /** tell the old address that a change was asked for (the request's security event holds both addresses) */
  "email-change-notice": { securityEventId: string };
  /** tell an urgent job's poster that its response window has ended (delayed until then) */
  "response-window-ended": { jobId: string };
  /** act on one message received on WhatsApp (a WhatsAppInbound row: its text is read once, then dropped) */
  "whatsapp-inbound": { inboundId: string };
};

export type MaintenanceJobs = {
  "expire-overdue-jobs": Record<string, never>;
  "deadline-reminders": Record<string, never>;
  "delete-expired-security-events": Record<string, never>;
  "delete-old-whatsapp-messages": Record<string, never>;
};

/** KVKK data exports: heavy (every record and file of one lawyer), so on their own queue and worker. */
export type ExportJobs = {
  /** collect the user's data into a ZIP in storage, then notify them */
  "build-data-export": { exportId: string };
  /** delete the ZIP (and its row) once its download link has expired */
  "expire-data-export": { exportId: string };
  /** close an account whose deletion was asked for, once its grace period is over (unless the owner logged in) */
  "close-account": { userId: string };
};

const globalForQueues = globalThis as unknown as { tevkilQueues?: Map<string, Queue> };

export function getQueue(name: string): Queue {
  globalForQueues.tevkilQueues ??= new Map();
  let queue = globalForQueues.tevkilQueues.get(name);
  if (!queue) {
    queue = new Queue(name, { connection: createProducerConnection(), prefix: bullPrefix(name) });
    globalForQueues.tevkilQueues.set(name, queue);
  }
  return queue;
}

/** Adds a notifications job; `jobId` makes a second add of the same logical job a no-op. */
export function addNotificationJob<K extends keyof NotificationJobs>(
  name: K,
  data: NotificationJobs[K],
  options: { jobId: string; delay?: number; attempts?: number; backoffMs?: number },
) {
  return getQueue(NOTIFICATIONS_QUEUE).add(name, data, {
    jobId: options.jobId,
    delay: options.delay,
    attempts: options.attempts ?? 6,
    backoff: { type: "exponential", delay: options.backoffMs ?? 5_000 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    // failed jobs stay for the admin page until retried or a week old
    removeOnFail: { age: 7 * 24 * 3600 },
  });
}

/** Adds an exports job; `jobId` makes a second add of the same logical job a no-op. */
export function addExportJob<K extends keyof ExportJobs>(name: K, data: ExportJobs[K], options: { jobId: string; delay?: number }) {
  return getQueue(EXPORTS_QUEUE).add(name, data, {
    jobId: options.jobId,
    delay: options.delay,
    attempts: 4,
    backoff: { type: "exponential", delay: 10_000 },
    removeOnComplete: { age: 24 * 3600, count: 1_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  });
}

export async function closeQueues(): Promise<void> {
  const queues = [...(globalForQueues.tevkilQueues?.values() ?? [])];
  globalForQueues.tevkilQueues = undefined;
  await Promise.all(queues.map((q) => q.close()));
}
