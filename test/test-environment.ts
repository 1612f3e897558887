import { randomBytes } from "node:crypto";

/** A database name and Redis prefix of this test run's own, so parallel runs and dev data never collide. */
export function newTestNamespace(kind: "test" | "e2e"): { databaseUrl: string; redisPrefix: string; name: string } {
  const name = `tevkil_${kind}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const base = new URL(process.env.TEST_DATABASE_BASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  base.pathname = `/${name}`;
  return { databaseUrl: base.toString(), redisPrefix: name, name };
}

export const testRedisUrl = () => process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/0";
