// Where the time went: V8 CPU profiles of the app (--cpu-prof), PostgreSQL (pg_stat_statements when it is
// loaded, otherwise pg_stat_activity sampled several times a second) and Redis (INFO commandstats deltas).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Redis } from "ioredis";

type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
};

export type ProfileLine = { what: string; selfPct: number };

function packageOf(url: string): string {
  const i = url.lastIndexOf("node_modules/");
  if (i >= 0) {
    const rest = url.slice(i + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith("node:") || url === "") return url || "(native/gc)";
  if (url.includes("/dist/server.js")) return "app (dist/server.js)";
  if (url.includes("/.next/")) return "next bundles (.next)";
  return path.basename(url);
}

/**
 * Self time by function, by package, and "by caller": each sample is charged to the nearest app function
 * (dist/server.js) on its stack, or, when there is none (async continuations, socket I/O), to the package
 * at the bottom of the stack. Over every .cpuprofile in the folder.
 */
export function summarizeCpuProfiles(dir: string, top = 15): { functions: ProfileLine[]; packages: ProfileLine[]; byCaller: ProfileLine[]; files: string[] } {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  } catch {
    return { functions: [], packages: [], byCaller: [], files: [] };
  }
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  const byCaller = new Map<string, number>();
  let total = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const callerOf = (id: number): string => {
      let bottom = "";
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const frame = nodes.get(cur)!.callFrame;
        if (frame.url.includes("/dist/server.js")) return `app: ${frame.functionName || "(anonymous)"}`;
        if (frame.url) bottom = packageOf(frame.url);
      }
      return bottom ? `no app frame: ${bottom}` : `no app frame: ${nodes.get(id)!.callFrame.functionName || "?"}`;
    };
    const hits = new Map<number, number>();
    for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
    for (const [id, count] of hits) {
      const node = nodes.get(id);
      if (!node) continue;
      const { functionName, url, lineNumber } = node.callFrame;
      const fn = `${functionName || "(anonymous)"} ${url ? `${packageOf(url)}:${lineNumber + 1}` : ""}`.trim();
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + count);
      const pkg = functionName === "(garbage collector)" ? "(garbage collector)" : functionName === "(idle)" ? "(idle)" : packageOf(url);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + count);
      const caller = callerOf(id);
      byCaller.set(caller, (byCaller.get(caller) ?? 0) + count);
      total += count;
    }
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([what, n]) => ({ what, selfPct: Math.round((n / Math.max(1, total)) * 1000) / 10 }));
  return { functions: rank(byFunction), packages: rank(byPackage), byCaller: rank(byCaller), files };
}

/** Samples what the bench database's backends are doing (state, wait event, statement). */
export class PgActivitySampler {
  private timer: NodeJS.Timeout | undefined;
  private readonly counts = new Map<string, number>();
  private samples = 0;
  private client: pg.Client | null = null;

  constructor(private readonly adminUrl: string, private readonly database: string) {}

  async start(intervalMs = 200): Promise<void> {
    this.client = new pg.Client({ connectionString: this.adminUrl });
    await this.client.connect();
    this.timer = setInterval(() => void this.sample(), intervalMs);
  }

  private async sample() {
    if (!this.client) return;
    try {
      const { rows } = await this.client.query<{ state: string; wait: string; query: string }>(
        `SELECT coalesce(state, '?') AS state, coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait,
                regexp_replace(left(query, 70), '\\s+', ' ', 'g') AS query
         FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [this.database],
      );
      this.samples++;
      for (const r of rows) {
        const key = r.state === "active" ? `active ${r.wait} | ${r.query}` : r.state;
        this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      }
    } catch {
      // the database is going away
    }
  }

  async stop(top = 12): Promise<{ samples: number; lines: { what: string; avgBackends: number }[] }> {
    clearInterval(this.timer);
    await this.client?.end().catch(() => undefined);
    this.client = null;
    const lines = [...this.counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([what, n]) => ({ what, avgBackends: Math.round((n / Math.max(1, this.samples)) * 100) / 100 }));
    return { samples: this.samples, lines };
  }
}

/** pg_stat_statements rows of the bench database, when the extension is preloaded on this server. */
export async function pgStatStatements(databaseUrl: string, top = 10): Promise<{ available: boolean; rows: Record<string, unknown>[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const loaded = await client.query(`SELECT 1 FROM pg_settings WHERE name = 'shared_preload_libraries' AND setting LIKE '%pg_stat_statements%'`);
    if (!loaded.rowCount) return { available: false, rows: [] };
    await client.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`);
    const { rows } = await client.query(
      `SELECT calls, round(total_exec_time::numeric, 1) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms,
              regexp_replace(left(query, 100), '\\s+', ' ', 'g') AS query
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       ORDER BY total_exec_time DESC LIMIT $1`,
      [top],
    );
    return { available: true, rows };
  } finally {
    await client.end();
  }
}

/** INFO commandstats as { command: { calls, usec } }. */
export async function redisCommandStats(redis: Redis): Promise<Map<string, { calls: number; usec: number }>> {
  const info = await redis.info("commandstats");
  const stats = new Map<string, { calls: number; usec: number }>();
  for (const line of info.split("\n")) {
    const m = /^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/.exec(line.trim());
    if (m) stats.set(m[1], { calls: Number(m[2]), usec: Number(m[3]) });
  }
  return stats;
}

export function commandStatsDelta(
  before: Map<string, { calls: number; usec: number }>,
  after: Map<string, { calls: number; usec: number }>,
  seconds: number,
  top = 10,
): { command: string; perSecond: number; usecPerCall: number; cpuPct: number }[] {
  const rows = [];
  for (const [command, a] of after) {
    const b = before.get(command) ?? { calls: 0, usec: 0 };
    const calls = a.calls - b.calls;
    if (calls <= 0) continue;
    const usec = a.usec - b.usec;
    rows.push({
      command,
      perSecond: Math.round(calls / seconds),
      usecPerCall: Math.round((usec / calls) * 10) / 10,
      cpuPct: Math.round((usec / 1e6 / seconds) * 1000) / 10,
    });
  }
  return rows.sort((x, y) => y.cpuPct - x.cpuPct).slice(0, top);
}
