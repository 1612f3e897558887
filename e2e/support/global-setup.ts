import { applyMigrations, dropDatabase, ensureDatabase } from "@/lib/db-migrations";
import { createPrismaClient } from "@/lib/db";
import { seedDemoData } from "@/lib/reference/seed-demo-data";
import { seedReferenceData } from "@/lib/reference/seed-reference-data";
import { deleteRedisPrefix } from "@/test/redis-cleanup";
import { newTestNamespace, testRedisUrl } from "@/test/test-environment";

// The e2e run gets its own database (migrated, reference + demo data) and Redis prefix; workers inherit the env.
export default async function globalSetup() {
  const namespace = newTestNamespace("e2e");
  await ensureDatabase(namespace.databaseUrl);
  await applyMigrations(namespace.databaseUrl);
  const { prisma, pool } = createPrismaClient(namespace.databaseUrl, 2);
  await seedReferenceData(prisma);
  await seedDemoData(prisma);
  await prisma.$disconnect();
  await pool.end();

  process.env.E2E_DATABASE_URL = namespace.databaseUrl;
  process.env.E2E_REDIS_URL = testRedisUrl();
  process.env.E2E_REDIS_PREFIX = namespace.redisPrefix;

  return async () => {
    if (process.env.KEEP_TEST_DB) return;
    await dropDatabase(namespace.databaseUrl);
    await deleteRedisPrefix(testRedisUrl(), namespace.redisPrefix);
  };
}
