import { Redis, type RedisOptions } from "ioredis";
import { env } from "@/lib/env";

// without numberOfKeys the caller passes the number of keys first (scripts taking any number of keys)
type ScriptDefinition = { numberOfKeys?: number; lua: string };

// on globalThis like the connection: server.ts and Next's route bundles each load their own copy of this module
const globalForRedis = globalThis as unknown as { tevkilRedis?: Redis; tevkilRedisExtra?: Set<Redis>; tevkilRedisScripts?: Map<string, ScriptDefinition> };
const scriptDefinitions = () => (globalForRedis.tevkilRedisScripts ??= new Map());

/**
 * Adds a Lua script as a command of the shared connection (ioredis sends EVALSHA and falls back to EVAL after a
 * Redis restart). Defined on the connection as soon as it exists: the auto-pipeline (and any pipeline) copies
 * the commands it knows when it is created, so a script defined later is missing from a pipeline already open.
 */
export function defineRedisScript(command: string, definition: ScriptDefinition): void {
  scriptDefinitions().set(command, definition);
  const redis = globalForRedis.tevkilRedis;
  if (redis && !(command in redis)) redis.defineCommand(command, definition);
}

/** Builds a key under this deployment's prefix: `redisKey("sess", id)` → `tevkil:sess:<id>`. */
export function redisKey(...parts: (string | number)[]): string {
  return [env().REDIS_PREFIX, ...parts].join(":");
}

/** A new connection for a purpose that needs its own (pub/sub, BullMQ workers). Closed by `closeRedis`. */
export function createRedisConnection(options: RedisOptions = {}): Redis {
  const connection = new Redis(env().REDIS_URL, { lazyConnect: false, ...options });
  globalForRedis.tevkilRedisExtra ??= new Set();
  globalForRedis.tevkilRedisExtra.add(connection);
  connection.once("end", () => globalForRedis.tevkilRedisExtra?.delete(connection));
  return connection;
}

/** The shared command connection of this process. */
export function getRedis(): Redis {
  if (!globalForRedis.tevkilRedis) {
    // auto-pipelining sends the commands issued in one tick in one write: under load the socket writes, not
    // Redis, were the largest CPU cost of a message send (bench profile: writev ~17 % of the process)
    globalForRedis.tevkilRedis = new Redis(env().REDIS_URL, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
    for (const [command, definition] of scriptDefinitions()) globalForRedis.tevkilRedis.defineCommand(command, definition);
    // errors surface on the commands that fail; without a listener ioredis would also log every reconnect attempt
    globalForRedis.tevkilRedis.on("error", () => undefined);
  }
  return globalForRedis.tevkilRedis;
}

export async function closeRedis(): Promise<void> {
  const all = [globalForRedis.tevkilRedis, ...(globalForRedis.tevkilRedisExtra ?? [])].filter(Boolean) as Redis[];
  globalForRedis.tevkilRedis = undefined;
  globalForRedis.tevkilRedisExtra = undefined;
  await Promise.all(all.map((c) => c.quit().catch(() => c.disconnect())));
}
