import { E2E_AUTH_SECRET } from "@/e2e/support/app-server";
import { dropDatabase } from "@/lib/db-migrations";
import { prepareDatabase } from "@/test/prepare-database";
import { deleteRedisPrefix } from "@/test/redis-cleanup";
import { newTestNamespace, testRedisUrl } from "@/test/test-environment";

// The e2e run gets its own database (migrated, reference + demo data) and Redis prefix; workers inherit the env.
export default async function globalSetup() {
  const namespace = newTestNamespace("e2e");
  // the demo admin's TOTP key is sealed with the key the app under test will open it with
  process.env.AUTH_SECRET = E2E_AUTH_SECRET;
  await prepareDatabase(namespace.databaseUrl, { demo: true });

  process.env.E2E_DATABASE_URL = namespace.databaseUrl;
  process.env.E2E_REDIS_URL = testRedisUrl();
  process.env.E2E_REDIS_PREFIX = namespace.redisPrefix;

  return async () => {
    if (process.env.KEEP_TEST_DB) return;
    await dropDatabase(namespace.databaseUrl);
    await deleteRedisPrefix(testRedisUrl(), namespace.redisPrefix);
  };
}
