import type { TestProject } from "vitest/node";
import { dropDatabase } from "@/lib/db-migrations";
import { prepareDatabase } from "@/test/prepare-database";
import { deleteRedisPrefix } from "@/test/redis-cleanup";
import { newTestNamespace, testRedisUrl } from "@/test/test-environment";

// One database and Redis prefix per `vitest run`: migrated and loaded with reference data once, dropped at the end.
export default async function setup(project: TestProject) {
  const namespace = newTestNamespace("test");
  await prepareDatabase(namespace.databaseUrl);

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
