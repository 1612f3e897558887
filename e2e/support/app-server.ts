import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

/** The app's AUTH_SECRET in e2e runs; the demo seed seals the admin's TOTP key with it (lib/two-factor/secret-box.ts). */
export const E2E_AUTH_SECRET = "e2e-secret-0123456789abcdef0123456789abcdef";

export type AppServerOptions = { port: number; env?: Record<string, string> };

/** The production build (`node dist/server.js`) as a child process the tests can stop and restart. */
export class AppServer {
  private child: ChildProcess | null = null;
  readonly url: string;
  output = "";

  constructor(private readonly options: AppServerOptions) {
    this.url = `http://localhost:${options.port}`;
  }

  /** The listening process (with SERVER_ROLE=all it carries the sockets and has forked the web process). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The app's configuration (e2e database, Redis prefix, secret, this server's settings); a worker beside it uses it too. */
  get environment(): Record<string, string> {
    return {
      NODE_ENV: "production",
      APP_URL: this.url,
      DATABASE_URL: process.env.E2E_DATABASE_URL!,
      REDIS_URL: process.env.E2E_REDIS_URL!,
      REDIS_PREFIX: process.env.E2E_REDIS_PREFIX!,
      AUTH_SECRET: E2E_AUTH_SECRET,
      DB_POOL_MAX: "5",
      ...this.options.env,
    };
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ["--enable-source-maps", "dist/server.js"], {
      env: { ...process.env, ...this.environment, PORT: String(this.options.port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    child.stdout!.on("data", (d) => (this.output += d));
    child.stderr!.on("data", (d) => (this.output += d));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${this.output}`);
      try {
        const response = await fetch(`${this.url}/api/health`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`server did not become healthy within 30 s:\n${this.output}`);
  }

  /** SIGTERM and wait for the process to exit; returns its exit code and how long the drain took. */
  async stop(): Promise<{ code: number | null; ms: number }> {
    const child = this.child;
    if (!child || child.exitCode !== null) return { code: child?.exitCode ?? null, ms: 0 };
    const started = Date.now();
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    this.child = null;
    return { code, ms: Date.now() - started };
  }

  /** Sends a signal without draining (SIGKILL by default: the process dies mid-flight) and waits for the exit. */
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, "exit");
    child.kill(signal);
    await exited;
    this.child = null;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}
