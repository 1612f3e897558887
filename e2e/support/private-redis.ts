import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";

/** A redis-server of a test's own on another port, AOF on as in production, that the test can kill -9 and restart. */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  readonly dir = mkdtempSync(path.join(tmpdir(), "tevkil-fault-redis-"));
  readonly url: string;

  constructor(readonly port: number) {
    this.url = `redis://127.0.0.1:${port}/0`;
  }

  async start(): Promise<void> {
    this.child = spawn("redis-server", ["--port", String(this.port), "--bind", "127.0.0.1", "--dir", this.dir, "--appendonly", "yes", "--appendfsync", "everysec", "--save", ""], { stdio: "ignore" });
    const probe = new Redis(this.url, { lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: 1 });
    probe.on("error", () => undefined); // refused until the server listens
    for (let i = 0; i < 100; i++) {
      if ((await probe.ping().catch(() => null)) === "PONG") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    probe.disconnect();
  }

  async kill(): Promise<void> {
    const child = this.child;
    // a killed child has a signalCode, not an exitCode
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill("SIGKILL");
    await exited;
  }

  async remove(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
