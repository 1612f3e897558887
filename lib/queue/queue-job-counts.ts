import { getQueue, queueNames } from "@/lib/queue/queues";

const kinds = ["waiting", "active", "delayed", "failed"] as const;

/** Jobs per state in every queue, for the metrics endpoint (the admin page reads more: queue-overview.ts). */
export function queueJobCounts(): Promise<{ queue: string; counts: Record<string, number> }[]> {
  return Promise.all(queueNames.map(async (queue) => ({ queue, counts: await getQueue(queue).getJobCounts(...kinds) })));
}
