import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { checkReadiness } from "@/lib/readiness";

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function startThrowawayRedis(): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  const probe = new Redis(port, "127.0.0.1", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on("error", () => undefined);
  try {
    for (const started = Date.now(); Date.now() - started < 5_000; await new Promise((r) => setTimeout(r, 50))) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
      try {
        await probe.connect();
        await probe.ping();
        return { child, port };
      } catch {
        probe.disconnect();
      }
    }
    throw new Error("throwaway redis-server did not start");
  } finally {
    probe.disconnect();
  }
}

const byName = <T extends { name: string }>(dependencies: T[]): Record<string, T> => Object.fromEntries(dependencies.map((d) => [d.name, d]));

let throwaway: ChildProcess | undefined;
let throwawayClient: Redis | undefined;

afterAll(() => {
  throwawayClient?.disconnect();
  if (throwaway && throwaway.exitCode === null && throwaway.signalCode === null) throwaway.kill("SIGKILL");
});

describe("checkReadiness", () => {
  it("is ready when PostgreSQL and Redis both answer", async () => {
    const { ready, dependencies } = await checkReadiness();
    expect(ready).toBe(true);
    expect(byName(dependencies)).toEqual({
      postgresql: { name: "postgresql", ok: true, latencyMs: expect.any(Number) },
      redis: { name: "redis", ok: true, latencyMs: expect.any(Number) },
    });
  });

  it("turns not ready within ~3 s when Redis freezes or dies, while PostgreSQL stays ok", async () => {
    const { child, port } = await startThrowawayRedis();
    throwaway = child;
    // configured like the app's shared client (lib/redis.ts)
    throwawayClient = new Redis(port, "127.0.0.1", { maxRetriesPerRequest: 2 });
    throwawayClient.on("error", () => undefined);
    const redis = throwawayClient;

    expect(await checkReadiness({ redis })).toMatchObject({ ready: true });

    // a Redis that accepts connections but never answers is caught by the check's own timeout
    child.kill("SIGSTOP");
    const frozen = await checkReadiness({ redis });
    child.kill("SIGCONT");
    expect(frozen.ready).toBe(false);
    expect(byName(frozen.dependencies).redis).toMatchObject({ ok: false, error: "no answer within 2000 ms" });
    expect(byName(frozen.dependencies).redis.latencyMs).toBeLessThan(3_000);
    expect(await checkReadiness({ redis })).toMatchObject({ ready: true });

    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;

    const started = performance.now();
    const { ready, dependencies } = await checkReadiness({ redis });
    const elapsed = performance.now() - started;

    expect(ready).toBe(false);
    const status = byName(dependencies);
    expect(status.redis).toMatchObject({ ok: false, error: expect.stringMatching(/\S/) });
    expect(status.postgresql).toMatchObject({ ok: true });
    expect(elapsed).toBeLessThan(3_000);
  });
});
