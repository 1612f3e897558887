import type { TestProject } from "vitest/node";
import { createPrismaClient } from "@/lib/db";
import { applyMigrations, dropDatabase, ensureDatabase } from "@/lib/db-migrations";
import { seedReferenceData } from "@/lib/reference/seed-reference-data";
import { deleteRedisPrefix } from "@/test/redis-cleanup";
import { newTestNamespace, testRedisUrl } from "@/test/test-environment";

// One database and Redis prefix per `vitest run`: migrated and loaded with reference data once, dropped at the end.
export default async function setup(project: TestProject) {
  const namespace = newTestNamespace("test");
  await ensureDatabase(namespace.databaseUrl);
  await applyMigrations(namespace.databaseUrl);
  const { prisma, pool } = createPrismaClient(namespace.databaseUrl, 2);
  await seedReferenceData(prisma);
  await prisma.$disconnect();
  await pool.end();

  process.env.DATABASE_URL = namespace.databaseUrl;
  process.env.REDIS_URL = testRedisUrl();
  process.env.REDIS_PREFIX = namespace.redisPrefix;
  project.provide("databaseUrl", namespace.databaseUrl);
  project.provide("redisPrefix", namespace.redisPrefix);

  return async () => {
    if (process.env.KEEP_TEST_DB) return;
    await dropDatabase(namespace.databaseUrl);
    await deleteRedisPrefix(testRedisUrl(), namespace.redisPrefix);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    redisPrefix: string;
  }
}
