import "@/lib/load-dotenv";
import { closeDb } from "@/lib/db";
import { logger } from "@/lib/observability/logger";
import { ConfigError, env } from "@/lib/env";
import { closeQueues } from "@/lib/queue/queues";
import { closeMailer } from "@/lib/notifications/channels/email";
import { closeRedis } from "@/lib/redis";
import { startWorkers } from "@/workers/start-workers";

try {
  env();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const workers = await startWorkers({
  stalledIntervalMs: process.env.WORKER_STALLED_INTERVAL_MS ? Number(process.env.WORKER_STALLED_INTERVAL_MS) : undefined,
  backoffMs: process.env.NOTIFICATION_BACKOFF_MS ? Number(process.env.NOTIFICATION_BACKOFF_MS) : undefined,
  notificationConcurrency: process.env.NOTIFICATION_CONCURRENCY ? Number(process.env.NOTIFICATION_CONCURRENCY) : undefined,
});
logger().info({ workers: workers.map((w) => w.name) }, "Tevkil workers running");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger().info({ signal }, "finishing running jobs");
  // close the workers first (they wait for jobs in progress), then the connections they used
  await Promise.all(workers.map((w) => w.close()));
  await closeQueues();
  closeMailer();
  await Promise.allSettled([closeDb(), closeRedis()]);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
