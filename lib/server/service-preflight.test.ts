import { execFile } from "node:child_process";
import net from "node:net";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { findUnreachableServices } from "@/lib/server/service-preflight";

const run = promisify(execFile);

/** A port nothing listens on: bound by us, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("the services check before `npm run dev`", () => {
  it("finds nothing wrong when PostgreSQL and Redis answer", async () => {
    expect(await findUnreachableServices({ databaseUrl: process.env.DATABASE_URL!, redisUrl: process.env.REDIS_URL! })).toEqual([]);
  });

  it("names the service that does not answer, its address and how to start it", async () => {
    const port = await closedPort();
    const unreachable = await findUnreachableServices({
      databaseUrl: `postgresql://postgres@127.0.0.1:${port}/tevkil`,
      redisUrl: process.env.REDIS_URL!,
    });
    expect(unreachable).toHaveLength(1);
    expect(unreachable[0]).toMatchObject({ service: "PostgreSQL", address: `127.0.0.1:${port}`, reason: "ECONNREFUSED" });
    expect(unreachable[0].line).toContain("docker compose --profile dev up -d postgres");
  });

  it("prints one line per unreachable service and exits 1, with no stack trace", async () => {
    const [pgPort, redisPort] = [await closedPort(), await closedPort()];
    const failure = await run("npx", ["tsx", "scripts/check-services.ts"], {
      env: { ...process.env, DATABASE_URL: `postgresql://postgres@127.0.0.1:${pgPort}/tevkil`, REDIS_URL: `redis://127.0.0.1:${redisPort}/0` },
    }).then(() => null, (error: { code: number; stderr: string; stdout: string }) => error);
    expect(failure?.code).toBe(1);
    const lines = failure!.stderr.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^PostgreSQL is not reachable at 127\\.0\\.0\\.1:${pgPort} \\(DATABASE_URL, ECONNREFUSED\\)\\. Start it: `)),
      expect.stringMatching(new RegExp(`^Redis is not reachable at 127\\.0\\.0\\.1:${redisPort} \\(REDIS_URL, ECONNREFUSED\\)\\. Start it: `)),
    ]);
    expect(failure!.stderr).not.toContain("    at ");
  });
});
