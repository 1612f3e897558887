import { Emitter } from "@socket.io/redis-emitter";
import { createRedisConnection } from "@/lib/redis";
import { env } from "@/lib/env";
import { socketAdapterKey } from "@/lib/realtime/rooms";

const globalForEmitter = globalThis as unknown as { tevkilEmitter?: Emitter };

/** Emits to sockets on every instance through Redis; usable from server actions and workers alike. */
export function getEmitter(): Emitter {
  globalForEmitter.tevkilEmitter ??= new Emitter(createRedisConnection({ enableAutoPipelining: true }), { key: socketAdapterKey(env().REDIS_PREFIX) });
  return globalForEmitter.tevkilEmitter;
}
