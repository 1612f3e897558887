import type { Redis } from "ioredis";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getRedis } from "@/lib/redis";

export type DependencyStatus = { name: "postgresql" | "redis"; ok: boolean; error?: string; latencyMs: number };

const CHECK_TIMEOUT_MS = 2_000;

async function check(name: DependencyStatus["name"], probe: () => Promise<unknown>): Promise<DependencyStatus> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { name, ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { name, ok: false, error: (error as Error).message, latencyMs: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

/** Whether PostgreSQL and Redis answer right now: the process-wide clients unless others are given. */
export async function checkReadiness(
  clients: { prisma?: Pick<PrismaClient, "$queryRaw">; redis?: Pick<Redis, "ping"> } = {},
): Promise<{ ready: boolean; dependencies: DependencyStatus[] }> {
  const dependencies = await Promise.all([
    check("postgresql", () => (clients.prisma ?? db).$queryRaw`SELECT 1`),
    check("redis", () => (clients.redis ?? getRedis()).ping()),
  ]);
  return { ready: dependencies.every((d) => d.ok), dependencies };
}
