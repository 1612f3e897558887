import { afterAll, inject } from "vitest";
import { closeDb } from "@/lib/db";
import { closeRedis } from "@/lib/redis";

// Each test file runs against the run's own database and Redis prefix (see global-setup.ts).
process.env.DATABASE_URL = inject("databaseUrl");
process.env.REDIS_PREFIX = inject("redisPrefix");
process.env.REDIS_URL ??= "redis://127.0.0.1:6379/0";
process.env.DB_POOL_MAX = "4";

afterAll(async () => {
  await Promise.all([closeDb(), closeRedis()]);
});
