import type { Redis } from "ioredis";
import { env } from "@/lib/env";
import { createRedisConnection } from "@/lib/redis";

/** BullMQ keys live under the deployment prefix too: `<prefix>:bull:<queue>:…`. */
export const bullPrefix = () => `${env().REDIS_PREFIX}:bull`;

/** For workers: blocking commands must wait for Redis as long as it takes (BullMQ requires null here). */
export function createWorkerConnection(): Redis {
  return createRedisConnection({ maxRetriesPerRequest: null });
}

/** For producers in the web app: fail fast when Redis is down instead of queueing commands in memory. */
export function createProducerConnection(): Redis {
  return createRedisConnection({ enableOfflineQueue: false, maxRetriesPerRequest: 1 });
}
