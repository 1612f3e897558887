import { Cluster } from "ioredis";
import { getRedis } from "@/lib/redis";

/**
 * Every key matching the pattern: SCAN on the one Redis, or on every master of a Redis Cluster (a SCAN or KEYS sent
 * to a cluster client reaches one node only, and so sees a third of the keys).
 */
export async function scanKeys(match: string): Promise<string[]> {
  const redis = getRedis();
  const nodes = redis instanceof Cluster ? redis.nodes("master") : [redis];
  const found: string[] = [];
  for (const node of nodes) {
    let cursor = "0";
    do {
      const [next, keys] = await node.scan(cursor, "MATCH", match, "COUNT", 1000);
      cursor = next;
      found.push(...keys);
    } while (cursor !== "0");
  }
  return found;
}

/** Deletes the keys one DEL each: on a cluster, keys of different slots cannot share one. */
export async function deleteKeys(keys: string[]): Promise<void> {
  const redis = getRedis();
  await Promise.all(keys.map((key) => redis.del(key)));
}
