import { env } from "@/lib/env";
import { createRedisConnection, isRedisCluster, slotTag, type RedisClient } from "@/lib/redis";

/**
 * BullMQ keys live under the deployment prefix too: `<prefix>:bull:<queue>:…`. BullMQ's scripts touch many keys
 * of one queue at once, so on a Redis Cluster the queue's name in the prefix is a hash tag
 * (`<prefix>:bull:{<queue>}:<queue>:…`, BullMQ's guide on Redis Cluster): each queue in one slot, the queues on
 * different shards. On one Redis the prefix stays as it was, so jobs already queued are kept on upgrade.
 */
export const bullPrefix = (queue: string) => (isRedisCluster() ? `${env().REDIS_PREFIX}:bull:${slotTag(queue)}` : `${env().REDIS_PREFIX}:bull`);

/** For workers: blocking commands must wait for Redis as long as it takes (BullMQ requires null here). */
export function createWorkerConnection(): RedisClient {
  return createRedisConnection({ maxRetriesPerRequest: null });
}

/** For producers in the web app: fail fast when Redis is down instead of queueing commands in memory. */
export function createProducerConnection(): RedisClient {
  return createRedisConnection({ enableOfflineQueue: false, maxRetriesPerRequest: 1 });
}
