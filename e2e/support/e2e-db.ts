import { Redis } from "ioredis";
import { createPrismaClient } from "@/lib/db";

export type E2eDb = ReturnType<typeof createPrismaClient>["prisma"];

/** Runs `run` with a one-connection client on the e2e database (test setup and checks), closed afterwards. */
export async function withE2eDb<T>(run: (db: E2eDb) => Promise<T>): Promise<T> {
  const { prisma, pool } = createPrismaClient(process.env.E2E_DATABASE_URL!, 1);
  try {
    return await run(prisma);
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}

/** Runs `run` with a connection to the app's Redis in the e2e run, closed afterwards; `key` puts a name under its prefix. */
export async function withE2eRedis<T>(run: (redis: Redis, key: (name: string) => string) => Promise<T>): Promise<T> {
  const redis = new Redis(process.env.E2E_REDIS_URL!);
  try {
    return await run(redis, (name) => `${process.env.E2E_REDIS_PREFIX}:${name}`);
  } finally {
    redis.disconnect();
  }
}

/**
 * After writing straight to the database: bumps the cache version of these lawyers' pages (what every domain write
 * does through invalidateUsers), so the app renders them anew instead of serving a copy made before the write.
 */
export async function refreshUserPages(userIds: string[]): Promise<void> {
  await withE2eRedis((redis, key) => Promise.all(userIds.map((id) => redis.incr(key(`cache:v:user:${id}`)))));
}
