// Whatever way a run ends (done, Ctrl-C, a crash), it stops what it started and leaves no database, Redis keys
// or temporary folder behind on the shared servers.
import { rmSync } from "node:fs";
import type { BenchContext } from "./context";
import { killAllGenerators } from "./crowd";
import { log } from "./log";
import { stopAll, stopServices } from "./services";

async function deleteRedisKeys(ctx: BenchContext): Promise<number> {
  let cursor = "0";
  let deleted = 0;
  do {
    const [next, keys] = await ctx.redis.scan(cursor, "MATCH", `${ctx.redisPrefix}:*`, "COUNT", 2000);
    cursor = next;
    if (keys.length) deleted += await ctx.redis.unlink(...keys);
  } while (cursor !== "0");
  return deleted;
}

/** Installs the signal and crash handlers; the returned function runs the cleanup once, however often it is called. */
export function installCleanup(ctx: BenchContext): () => Promise<void> {
  let cleaning: Promise<void> | null = null;
  const cleanup = () => {
    cleaning ??= (async () => {
      killAllGenerators();
      await stopServices(ctx.services).catch(() => stopAll("SIGKILL"));
      const { dropDatabase } = await import("@/lib/db-migrations");
      await dropDatabase(ctx.dbUrl).catch((e) => console.error(`could not drop ${ctx.dbName}: ${(e as Error).message}`));
      for (const server of ctx.servers.splice(0)) await server.remove().catch(() => undefined);
      const deleted = await deleteRedisKeys(ctx).catch(() => -1);
      const { closeRedis } = await import("@/lib/redis");
      await closeRedis().catch(() => undefined);
      ctx.redis.disconnect();
      rmSync(ctx.workDir, { recursive: true, force: true });
      log(`cleaned up: database ${ctx.dbName} dropped, ${deleted} Redis keys under ${ctx.redisPrefix}: deleted`);
    })();
    return cleaning;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      console.log(`\n${signal}: stopping the bench and cleaning up`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  // whatever goes wrong after an interrupt, the cleanup still runs to the end
  process.on("uncaughtException", (error) => {
    console.error("bench: unexpected error", error);
    void cleanup().finally(() => process.exit(1));
  });
  return cleanup;
}
