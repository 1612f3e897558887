import type { Worker } from "bullmq";
import { afterAll, beforeAll } from "vitest";

/**
 * Runs the real BullMQ workers for the test file that calls this, from its first test to after its last, then
 * closes them, the queues and `alsoClose` (the file's stand-in servers). Call it after the file has set its
 * environment: its own REDIS_PREFIX keeps these workers off other files' jobs.
 */
export function runWorkersForFile(alsoClose: () => unknown = () => undefined): void {
  let workers: Worker[] = [];
  beforeAll(async () => {
    const { startWorkers } = await import("@/workers/start-workers");
    workers = await startWorkers({ log: () => undefined, backoffMs: 200, stalledIntervalMs: 5_000 });
  });
  afterAll(async () => {
    const { closeQueues } = await import("@/lib/queue/queues");
    await Promise.all(workers.map((w) => w.close()));
    await closeQueues();
    await alsoClose();
  });
}
