import { getRedis, redisKey } from "@/lib/redis";

// A small read-through cache in Redis. Values are JSON with Dates kept as Dates. Redis being slow or down
// never breaks a page: the loader's answer is returned and the error logged once per failure.

const DATE_TAG = "$date";

function serialize(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : v;
  });
}

function deserialize<T>(text: string): T {
  return JSON.parse(text, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v) && typeof v[DATE_TAG] === "string" && Object.keys(v).length === 1
      ? new Date(v[DATE_TAG])
      : v,
  ) as T;
}

export const cacheKey = (...parts: (string | number)[]) => redisKey("cache", ...parts);

/** The cached value under key, or the loader's answer (stored for ttlSeconds). */
export async function getOrLoad<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
  try {
    const hit = await getRedis().get(key);
    if (hit !== null) return deserialize<T>(hit);
  } catch (error) {
    console.error("cache read failed", key, error);
    return load();
  }
  const value = await load();
  try {
    await getRedis().set(key, serialize(value), "EX", ttlSeconds);
  } catch (error) {
    console.error("cache write failed", key, error);
  }
  return value;
}

/**
 * The current version of a namespace of keys. Lists whose membership any write can change (the job board and
 * its counts) embed it in their keys; bumping it retires every list at once, and the old keys expire by TTL.
 */
export async function cacheVersion(namespace: string): Promise<string> {
  try {
    return (await getRedis().get(cacheKey("v", namespace))) ?? "0";
  } catch {
    return "unavailable";
  }
}

/** Retires every key built with this namespace's version and deletes the given keys. Never throws. */
export async function invalidate({ namespaces = [], keys = [] }: { namespaces?: string[]; keys?: string[] }): Promise<void> {
  if (!namespaces.length && !keys.length) return;
  try {
    // one command per key (auto-pipelined): on a Redis Cluster the versions and keys are spread over the slots
    const redis = getRedis();
    await Promise.all([...namespaces.map((ns) => redis.incr(cacheKey("v", ns))), ...keys.map((key) => redis.del(key))]);
  } catch (error) {
    console.error("cache invalidation failed", error);
  }
}
