import { Emitter } from "@socket.io/redis-emitter";
import { createRedisConnection, isRedisCluster } from "@/lib/redis";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { socketAdapterKey } from "@/lib/realtime/rooms";
import { shardedEmitter, type RoomBroadcast } from "@/lib/realtime/sharded-emitter";

const globalForEmitter = globalThis as unknown as { tevkilEmitter?: RoomBroadcast };

/**
 * Emits to sockets on every instance through Redis; usable from server actions and workers alike. On a Redis
 * Cluster the instances run the sharded adapter, so this SPUBLISHes in its format (lib/realtime/sharded-emitter.ts).
 */
export function getEmitter(): RoomBroadcast {
  if (!globalForEmitter.tevkilEmitter) {
    const connection = createRedisConnection({ enableAutoPipelining: true });
    const key = socketAdapterKey(env().REDIS_PREFIX);
    globalForEmitter.tevkilEmitter = isRedisCluster()
      ? shardedEmitter((channel, message) => connection.spublish(channel, message).catch((err) => logger().error({ err }, "spublish failed")), key)
      : new Emitter(connection, { key });
  }
  return globalForEmitter.tevkilEmitter;
}
