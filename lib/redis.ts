import { Cluster, Redis, type RedisOptions } from "ioredis";
import { env } from "@/lib/env";
import { metrics } from "@/lib/observability/metrics";

// without numberOfKeys the caller passes the number of keys first (scripts taking any number of keys)
type ScriptDefinition = { numberOfKeys?: number; lua: string };

/** One Redis or a Redis Cluster (REDIS_CLUSTER_NODES): both speak the same commands through ioredis. */
export type RedisClient = Redis | Cluster;

// on globalThis like the connection: server.ts and Next's route bundles each load their own copy of this module
const globalForRedis = globalThis as unknown as { tevkilRedis?: RedisClient; tevkilRedisExtra?: Set<RedisClient>; tevkilRedisScripts?: Map<string, ScriptDefinition> };
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

const countReconnect = () => metrics().redisReconnects.inc();

/** Builds a key under this deployment's prefix: `redisKey("sess", id)` → `tevkil:sess:<id>`. */
export function redisKey(...parts: (string | number)[]): string {
  return [env().REDIS_PREFIX, ...parts].join(":");
}

/** Whether this deployment runs on a Redis Cluster (REDIS_CLUSTER_NODES is set). */
export const isRedisCluster = (): boolean => env().REDIS_CLUSTER_NODES.length > 0;

/**
 * A hash tag on a Redis Cluster, the text itself on one Redis (so keys there keep the names they always had).
 * Keys that one command, MULTI or script must touch together carry the same tag, which puts them in one slot;
 * the tag is as narrow as the use allows (a user, a conversation), so the slots and the load spread over the shards.
 */
export function slotTag(part: string | number): string {
  return isRedisCluster() ? `{${part}}` : String(part);
}

function clusterOf(options: RedisOptions & { shardedSubscribers?: boolean }): Cluster {
  const { enableAutoPipelining, enableOfflineQueue, lazyConnect, shardedSubscribers, ...redisOptions } = options;
  const nodes = env().REDIS_CLUSTER_NODES.map((node) => {
    const [host, port] = node.split(":");
    return { host, port: Number(port) };
  });
  return new Cluster(nodes, {
    redisOptions,
    enableAutoPipelining,
    enableOfflineQueue,
    lazyConnect,
    shardedSubscribers,
    // reads and writes on masters: a replica may lag behind a session or a rate limit just written
    scaleReads: "master",
  });
}

/**
 * A new connection for a purpose that needs its own (pub/sub, BullMQ workers). Closed by `closeRedis`.
 * `shardedSubscribers` (cluster only) keeps one subscriber per master, which SSUBSCRIBE needs.
 */
export function createRedisConnection(options: RedisOptions & { shardedSubscribers?: boolean } = {}): RedisClient {
  const { shardedSubscribers, ...single } = options;
  const connection: RedisClient = isRedisCluster()
    ? clusterOf({ lazyConnect: false, ...single, shardedSubscribers })
    : new Redis(env().REDIS_URL, { lazyConnect: false, ...single });
  globalForRedis.tevkilRedisExtra ??= new Set();
  globalForRedis.tevkilRedisExtra.add(connection);
  connection.once("end", () => globalForRedis.tevkilRedisExtra?.delete(connection));
  connection.on("reconnecting", countReconnect);
  return connection;
}

/** The shared command connection of this process. */
export function getRedis(): RedisClient {
  if (!globalForRedis.tevkilRedis) {
    // auto-pipelining sends the commands issued in one tick in one write: under load the socket writes, not
    // Redis, were the largest CPU cost of a message send (bench profile: writev ~17 % of the process). On a
    // cluster it groups them per master, so commands on keys of different slots still go out together.
    const options = { maxRetriesPerRequest: 2, enableAutoPipelining: true };
    globalForRedis.tevkilRedis = isRedisCluster() ? clusterOf(options) : new Redis(env().REDIS_URL, options);
    for (const [command, definition] of scriptDefinitions()) globalForRedis.tevkilRedis.defineCommand(command, definition);
    // errors surface on the commands that fail; without a listener ioredis would also log every reconnect attempt
    globalForRedis.tevkilRedis.on("error", () => undefined);
    globalForRedis.tevkilRedis.on("reconnecting", countReconnect);
  }
  return globalForRedis.tevkilRedis;
}

/**
 * GET of several keys at once: one MGET on one Redis; on a cluster, where MGET needs one slot, a GET each (the
 * auto-pipeline sends them together, per master).
 */
export async function getMany(keys: string[]): Promise<(string | null)[]> {
  if (keys.length === 0) return [];
  const redis = getRedis();
  return isRedisCluster() ? Promise.all(keys.map((key) => redis.get(key))) : redis.mget(...keys);
}

export async function closeRedis(): Promise<void> {
  const all = [globalForRedis.tevkilRedis, ...(globalForRedis.tevkilRedisExtra ?? [])].filter(Boolean) as RedisClient[];
  globalForRedis.tevkilRedis = undefined;
  globalForRedis.tevkilRedisExtra = undefined;
  await Promise.all(all.map((c) => c.quit().catch(() => c.disconnect())));
}
