import type { ChainableCommander, Redis } from "ioredis";
import { getRedis } from "@/lib/redis";

type Definition = { numberOfKeys: number; lua: string };
type ScriptTarget = Redis | ChainableCommander;

const definitions = new Map<string, Definition>();

/**
 * The shared connection with every script of this module graph defined on it (ioredis' defineCommand sends
 * EVALSHA and falls back to EVAL after a Redis restart). Pipelines copy the scripts when they are created,
 * so create them from this connection.
 */
export function scriptedRedis(): Redis {
  const redis = getRedis();
  for (const [command, definition] of definitions) {
    if (!(command in redis)) redis.defineCommand(command, definition);
  }
  return redis;
}

/** Registers a Lua script; the returned function runs it on the connection or queues it on a pipeline. */
export function redisScript(name: string, numberOfKeys: number, lua: string) {
  const command = `tevkil_${name}`;
  definitions.set(command, { numberOfKeys, lua });
  return (target: ScriptTarget | null, keys: string[], args: (string | number | Buffer)[]): Promise<unknown> => {
    const on = target ?? scriptedRedis();
    const fn = (on as unknown as Record<string, (...a: (string | number | Buffer)[]) => Promise<unknown>>)[command];
    return fn.call(on, ...keys, ...args);
  };
}
