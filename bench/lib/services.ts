// Processes the bench starts and always stops (app instances of the production build, the bare relay; nginx and
// PgBouncer in proxies.ts), and what the bench asks of the app's probe: statement counts, the live heap.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { descendants } from "./process-tree";

export type Probe = { lagP50: number; lagP99: number; lagMax: number; heapMb: number; heapTotalMb: number; youngMb: number; externalMb: number; poolBusy: number | null; poolWaiting: number | null; poolWaitingMax: number };
export type Service = { name: string; child: ChildProcess; pid: number; port: number; output: () => string; probe: () => Probe | null };

const running = new Set<ChildProcess>();
let logDir: string | null = null;

/** Each service's stdout and stderr also go to <dir>/<name>.log (kept with the run's report). */
export function setLogDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  logDir = dir;
}

export type QueryStat = { sql: string; calls: number; totalMs: number; meanMs: number; maxMs: number };

/** Each app's live JavaScript heap after a full GC (bytes), from the probe; null without the probe. */
export async function liveHeap(apps: Service[]): Promise<(number | null)[]> {
  if (!logDir) return apps.map(() => null);
  const dir = logDir;
  const before = new Set(readdirSync(dir));
  for (const app of apps) app.child.kill("SIGWINCH");
  const deadline = Date.now() + 15_000;
  const found = new Map<number, number>();
  while (Date.now() < deadline && found.size < apps.length) {
    for (const f of readdirSync(dir).filter((name) => name.startsWith("heap-") && !before.has(name))) {
      const pid = Number(f.split("-")[1]);
      if (!found.has(pid)) found.set(pid, (JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { heapUsed: number }).heapUsed);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return apps.map((a) => found.get(a.pid) ?? null);
}

/**
 * The processes of an app instance that carry the probe: the instance and the children it forked with the same
 * Node flags (fork passes them on). Only these may get the probe's signals: SIGUSR2 would end any other.
 */
function probedPids(app: Service): number[] {
  const probed = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("server-probe.mjs");
    } catch {
      return false;
    }
  };
  return [app.pid, ...descendants(app.pid).filter(probed)];
}

/**
 * The app's client-side statement counts since the last call (server-probe.mjs dumps them on SIGUSR2),
 * merged over the given app instances and their probed children.
 */
export async function queryStats(apps: Service[]): Promise<QueryStat[]> {
  if (!logDir) return [];
  const dir = logDir;
  const before = new Set(readdirSync(dir));
  // a process may end between being found and being signalled (a web child restarting, an instance that died)
  const pids = apps.flatMap(probedPids).filter((pid) => {
    try {
      process.kill(pid, "SIGUSR2");
      return true;
    } catch {
      return false;
    }
  });
  const deadline = Date.now() + 10_000;
  let fresh: string[] = [];
  while (Date.now() < deadline) {
    fresh = readdirSync(dir).filter((f) => f.startsWith("queries-") && !before.has(f));
    if (fresh.length >= pids.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const merged = new Map<string, QueryStat>();
  for (const f of fresh) {
    for (const row of JSON.parse(readFileSync(path.join(dir, f), "utf8")) as QueryStat[]) {
      const m = merged.get(row.sql) ?? { sql: row.sql, calls: 0, totalMs: 0, meanMs: 0, maxMs: 0 };
      m.calls += row.calls;
      m.totalMs += row.totalMs;
      m.maxMs = Math.max(m.maxMs, row.maxMs);
      m.meanMs = Math.round((m.totalMs / m.calls) * 100) / 100;
      merged.set(row.sql, m);
    }
  }
  return [...merged.values()].sort((a, b) => b.calls - a.calls);
}

export function stopAll(signal: NodeJS.Signals = "SIGTERM"): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

/** Stops the services and waits (bounded) for them to exit. */
export async function stopServices(services: Service[], timeoutMs = 12_000): Promise<void> {
  await Promise.all(
    services.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
          const timer = setTimeout(() => {
            s.child.kill("SIGKILL");
            resolve();
          }, timeoutMs);
          s.child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          s.child.kill("SIGTERM");
        }),
    ),
  );
}

/** Keeps a started process: its output (and log file), its latest probe line, and stops it at cleanup. */
export function track(name: string, child: ChildProcess, port: number): Service {
  running.add(child);
  let output = "";
  let probe: Probe | null = null;
  const keep = (d: Buffer) => {
    const text = d.toString();
    // children forked by the app share its output and print their own probe lines: keep the instance's own
    for (const line of text.split("\n")) {
      if (!line.startsWith("[bench-probe] ")) continue;
      try {
        const p = JSON.parse(line.slice(14)) as Probe & { pid?: number };
        if (p.pid === undefined || p.pid === child.pid) probe = p;
      } catch {
        // a partial line
      }
    }
    output += text;
    if (output.length > 20_000) output = output.slice(-10_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  if (logDir) {
    const file = createWriteStream(path.join(logDir, `${name.replace(/[^a-z0-9]+/gi, "-")}.log`));
    child.stdout?.pipe(file, { end: false });
    child.stderr?.pipe(file, { end: false });
  }
  child.once("exit", () => running.delete(child));
  return { name, child, pid: child.pid!, port, output: () => output, probe: () => probe };
}

export async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "0.0.0.0", () => server.close(() => resolve(true)));
  });
}

export async function waitForHttp(url: string, service: Service, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`${service.name} exited with ${service.child.exitCode}:\n${service.output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service.name} did not answer ${url} within ${timeoutMs / 1000} s:\n${service.output()}`);
}

export type AppEnv = {
  DATABASE_URL: string;
  REDIS_URL: string;
  REDIS_PREFIX: string;
  AUTH_SECRET: string;
  APP_URL: string;
  DB_POOL_MAX: string;
  TRUST_PROXY?: string;
  DB_PREPARED_STATEMENTS?: string;
  DATABASE_REPLICA_URLS?: string;
  METRICS_TOKEN?: string;
};

// V8's flags exactly as `npm start` passes them (read from package.json, so the two cannot drift apart), plus
// --expose-gc for the probe's heap readings
const startScript: string = JSON.parse(readFileSync("package.json", "utf8")).scripts.start;
export const NODE_FLAGS = [...startScript.split(/\s+/).filter((word) => word.startsWith("--") && word !== "--enable-source-maps"), "--expose-gc"];

/** Node flags added to every app and relay process by BENCH_NODE_FLAGS (e.g. "--trace-gc" to see the pauses behind a p99). */
export const extraNodeFlags = (): string[] => (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean);

export async function startApp(index: number, port: number, appEnv: AppEnv, extraFlags: string[]): Promise<Service> {
  const probe = ["--import", "./bench/lib/server-probe.mjs"];
  const child = spawn(process.execPath, [...NODE_FLAGS, ...probe, ...extraFlags, "dist/server.js"], {
    env: { ...process.env, ...appEnv, NODE_ENV: "production", PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", ...(logDir ? { BENCH_PROBE_DIR: logDir } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const service = track(`app#${index}`, child, port);
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, service);
  return service;
}

export async function startBareRelay(index: number, port: number, extraEnv: Record<string, string> = {}): Promise<Service> {
  const child = spawn(process.execPath, [...NODE_FLAGS, ...extraNodeFlags(), "--import", "tsx", "bench/bare-relay-server.ts"], {
    env: { ...process.env, ...extraEnv, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const service = track(`bare#${index}`, child, port);
  await waitForHttp(`http://127.0.0.1:${port}/`, service);
  return service;
}
