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

/**
 * After writing straight to the database: bumps the cache version of these lawyers' pages (what every domain write
 * does through invalidateUsers), so the app renders them anew instead of serving a copy made before the write.
 */
export async function refreshUserPages(userIds: string[]): Promise<void> {
  const redis = new Redis(process.env.E2E_REDIS_URL!);
  try {
    await Promise.all(userIds.map((id) => redis.incr(`${process.env.E2E_REDIS_PREFIX}:cache:v:user:${id}`)));
  } finally {
    redis.disconnect();
  }
}
