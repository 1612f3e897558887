import { createHash } from "node:crypto";
import type { Redis as UpstashRedis } from "@upstash/redis";
import type { RedisClient } from "@/lib/redis";

// @upstash/ratelimit only calls evalsha(hash, keys, args) and, on NOSCRIPT, eval(script, keys, args).
// Its scripts start with `#!lua flags=allow-key-locking`, which stock Redis 7 rejects, so the line is
// removed and the script loaded under the hash of what Redis actually runs.
const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
const withoutShebang = (script: string) => script.replace(/^\s*#!lua[^\n]*\n/, "");

export function upstashRedisOver(redis: RedisClient): UpstashRedis {
  const loadedHashByUpstashHash = new Map<string, string>();
  const facade = {
    async eval(script: string, keys: string[], args: unknown[]) {
      const body = withoutShebang(script);
      loadedHashByUpstashHash.set(sha1(script), sha1(body));
      return redis.eval(body, keys.length, ...keys, ...args.map(String));
    },
    async evalsha(upstashHash: string, keys: string[], args: unknown[]) {
      const loaded = loadedHashByUpstashHash.get(upstashHash);
      if (!loaded) throw new Error("NOSCRIPT script not loaded through this adapter yet");
      return redis.evalsha(loaded, keys.length, ...keys, ...args.map(String));
    },
  };
  return facade as unknown as UpstashRedis;
}
