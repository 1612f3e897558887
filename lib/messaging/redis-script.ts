import type { ChainableCommander, Redis } from "ioredis";
import { defineRedisScript, getRedis } from "@/lib/redis";

type ScriptTarget = Redis | ChainableCommander;

/**
 * Registers a Lua script taking a fixed number of keys, or any number when `numberOfKeys` is null; the returned
 * function runs it on the shared connection (auto-pipelined) or queues it on a pipeline made from that connection.
 */
export function redisScript(name: string, numberOfKeys: number | null, lua: string) {
  const command = `tevkil_${name}`;
  defineRedisScript(command, numberOfKeys === null ? { lua } : { numberOfKeys, lua });
  return (target: ScriptTarget | null, keys: string[], args: (string | number | Buffer)[]): Promise<unknown> => {
    const on = target ?? getRedis();
    const fn = (on as unknown as Record<string, (...a: (string | number | Buffer)[]) => Promise<unknown>>)[command];
    return numberOfKeys === null ? fn.call(on, keys.length, ...keys, ...args) : fn.call(on, ...keys, ...args);
  };
}
