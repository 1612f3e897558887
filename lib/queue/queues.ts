import { Queue } from "bullmq";
import { bullPrefix, createProducerConnection } from "@/lib/queue/connection";

// Queue names and the payload of each job kind. Payloads carry ids only, never personal data.
export const MAINTENANCE_QUEUE = "maintenance";

export type MaintenanceJobs = {
  "expire-overdue-jobs": Record<string, never>;
};

const globalForQueues = globalThis as unknown as { tevkilQueues?: Map<string, Queue> };

export function getQueue(name: string): Queue {
  globalForQueues.tevkilQueues ??= new Map();
  let queue = globalForQueues.tevkilQueues.get(name);
  if (!queue) {
    queue = new Queue(name, { connection: createProducerConnection(), prefix: bullPrefix() });
    globalForQueues.tevkilQueues.set(name, queue);
  }
  return queue;
}

export async function closeQueues(): Promise<void> {
  const queues = [...(globalForQueues.tevkilQueues?.values() ?? [])];
  globalForQueues.tevkilQueues = undefined;
  await Promise.all(queues.map((q) => q.close()));
}
