// `npm run bench`: the scale benchmark of issue 6. See BENCHMARKS.md for what it does and the numbers.
import { execFileSync, execSync, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { Crowd, killAllGenerators, mergeInto, type MergedWindow } from "./lib/crowd";
import { PgActivitySampler, commandStatsDelta, pgStatStatements, redisCommandStats, summarizeCpuProfiles } from "./lib/profile";
import type { FromHttpLoad, HttpPage, PageResult, ToHttpLoad } from "./lib/protocol";
import { appendMarkdown, type Report } from "./lib/report";
import type { NotificationThroughput } from "./notification-throughput";
import { startNginx, startPgBouncer } from "./lib/proxies";
import { NODE_FLAGS, liveHeap, portFree, queryStats, setLogDir, startApp, startBareRelay, stopAll, stopServices, type AppEnv, type Probe, type Service } from "./lib/services";
import { bareUsers, countMessages, createBenchDatabase, createSessions, insertUsers, storedClientIds } from "./lib/setup";
import { CpuMeter, machineInfo, percentiles, pidsByName, rssKb } from "./lib/stats";

// ---------- options ----------
const SCENARIOS = ["hold", "messages", "steps", "mixed", "polling", "bare", "notifications"] as const;
type Scenario = (typeof SCENARIOS)[number];

function parseArgs(argv: string[]) {
  const opts = {
    users: 10_000,
    duration: 60,
    rate: 0,
    instances: 1,
    pgbouncer: false,
    smoke: false,
    only: new Set<Scenario>(SCENARIOS),
    cpuProf: false,
    record: true,
    stepSeconds: 10,
    dbPoolMax: 0,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case "--users":
        opts.users = Number(value());
        break;
      case "--duration":
        opts.duration = Number(value());
        break;
      case "--rate":
        opts.rate = Number(value());
        break;
      case "--instances":
        opts.instances = Number(value());
        break;
      case "--pgbouncer":
        opts.pgbouncer = true;
        break;
      case "--smoke":
        opts.smoke = true;
        break;
      case "--only": {
        const wanted = value().split(",") as Scenario[];
        for (const w of wanted) if (!SCENARIOS.includes(w)) throw new Error(`--only: unknown scenario ${w} (one of ${SCENARIOS.join(", ")})`);
        opts.only = new Set(wanted);
        break;
      }
      case "--cpu-prof":
        opts.cpuProf = true;
        break;
      case "--no-record":
        opts.record = false;
        break;
      case "--step-seconds":
        opts.stepSeconds = Number(value());
        break;
      case "--db-pool-max":
        opts.dbPoolMax = Number(value());
        break;
      case "--help":
      case "-h":
        console.log(`npm run bench -- [--users N] [--duration s] [--rate msg/s] [--instances K] [--pgbouncer] [--smoke]
                    [--only ${SCENARIOS.join(",")}] [--cpu-prof] [--no-record] [--step-seconds s] [--db-pool-max n]`);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg} (try --help)`);
    }
  }
  if (opts.smoke) {
    opts.users = argv.includes("--users") ? opts.users : 500;
    opts.duration = argv.includes("--duration") ? opts.duration : 10;
    opts.stepSeconds = argv.includes("--step-seconds") ? opts.stepSeconds : 5;
    opts.record = false;
    if (!argv.includes("--only")) opts.only = new Set<Scenario>(["hold", "messages", "mixed", "polling", "bare"]);
  }
  if (!opts.rate) opts.rate = opts.smoke ? 100 : opts.instances > 1 ? 1_000 : 2_000;
  if (opts.users % 2) opts.users++;
  if (!opts.dbPoolMax) opts.dbPoolMax = opts.pgbouncer ? 20 : 10;
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const started = Date.now();
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

// ---------- environment ----------
if (!existsSync("dist/server.js") || !existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first (the bench measures dist/server.js and .next, it builds nothing).");
  process.exit(1);
}

const runTag = randomBytes(4).toString("hex");
const baseDbUrl = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@localhost:5432/tevkil");
baseDbUrl.searchParams.delete("schema");
const dbName = `tevkil_bench_${runTag}`;
const dbUrl = new URL(baseDbUrl);
dbUrl.pathname = `/${dbName}`;
const adminUrl = new URL(baseDbUrl);
adminUrl.pathname = "/postgres";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";
const redisPrefix = `tevkil_bench_${runTag}`;
const authSecret = randomBytes(32).toString("hex");
// the bench process imports the app's session store: it must see the bench's Redis and prefix
Object.assign(process.env, { DATABASE_URL: dbUrl.toString(), REDIS_URL: redisUrl, REDIS_PREFIX: redisPrefix, AUTH_SECRET: authSecret });

const resultsDir = path.join("bench", "results");
mkdirSync(resultsDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const profDir = path.resolve(resultsDir, `prof-${stamp}`);
const workDir = path.join(tmpdir(), `tevkil-bench-${runTag}`);
setLogDir(path.resolve(resultsDir, `logs-${stamp}`));

// ports 3300–3399: nginx base, apps base+1…, bare relays base+10…, pgbouncer base+19
async function pickBasePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const base = 3300 + Math.floor(Math.random() * 4) * 20;
    const ports = [base, ...Array.from({ length: 19 }, (_, i) => base + 1 + i)];
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return base;
  }
  throw new Error("no free block of 20 ports in 3300–3399");
}

// source addresses 127.0.0.x, a different block each run (TIME_WAIT of the last run stays on its addresses)
function sourceAddresses(count: number): string[] {
  const first = 2 + Math.floor(Math.random() * (250 - count));
  return Array.from({ length: count }, (_, i) => `127.0.0.${first + i}`);
}

// ---------- cleanup ----------
const services: Service[] = [];
let cleaning: Promise<void> | null = null;
const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
redis.on("error", () => undefined);

async function deleteRedisKeys(): Promise<number> {
  let cursor = "0";
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${redisPrefix}:*`, "COUNT", 2000);
    cursor = next;
    if (keys.length) deleted += await redis.unlink(...keys);
  } while (cursor !== "0");
  return deleted;
}

async function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    killAllGenerators();
    await stopServices(services).catch(() => stopAll("SIGKILL"));
    const { dropDatabase } = await import("@/lib/db-migrations");
    await dropDatabase(dbUrl.toString()).catch((e) => console.error(`could not drop ${dbName}: ${(e as Error).message}`));
    const deleted = await deleteRedisKeys().catch(() => -1);
    const { closeRedis } = await import("@/lib/redis");
    await closeRedis().catch(() => undefined);
    redis.disconnect();
    rmSync(workDir, { recursive: true, force: true });
    log(`cleaned up: database ${dbName} dropped, ${deleted} Redis keys under ${redisPrefix}: deleted`);
  })();
  return cleaning;
}

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

// ---------- measurement helpers ----------
type CrowdLike = Pick<Crowd, "setRate" | "snapshot" | "drain" | "forget">;

type PhaseAccumulator = { windows: MergedWindow[]; serverCpu: number; pgCpu: number; redisCpu: number; nginxCpu: number; pgbouncerCpu: number; probe: ReturnType<typeof summarizeProbes> };

const appPids = () => services.filter((s) => s.name.startsWith("app#") || s.name.startsWith("bare#")).map((s) => s.pid);
const pgPids = () => pidsByName(/^postgres$/);
const redisPids = () => pidsByName(/^redis-server$/);
const nginxPids = () => pidsByName(/^nginx$/);
const pgbouncerPids = () => pidsByName(/^pgbouncer$/);

/** Runs `seconds` of load, printing a line every 2 s; the first `warmup` seconds are not counted. */
async function measure(crowd: CrowdLike, label: string, seconds: number, warmup: number): Promise<PhaseAccumulator & { merged: MergedWindow; seconds: number }> {
  await crowd.snapshot(); // resets the windows
  const meters = { server: new CpuMeter(appPids), pg: new CpuMeter(pgPids), redis: new CpuMeter(redisPids), nginx: new CpuMeter(nginxPids), pgb: new CpuMeter(pgbouncerPids) };
  const windows: MergedWindow[] = [];
  const probeLog: Probe[] = [];
  const t0 = Date.now();
  let counting = warmup <= 0;
  if (counting) Object.values(meters).forEach((m) => m.begin());
  while (Date.now() - t0 < (seconds + warmup) * 1000) {
    const tickMeter = new CpuMeter(appPids);
    tickMeter.begin();
    await new Promise((r) => setTimeout(r, Math.min(2_000, (seconds + warmup) * 1000 - (Date.now() - t0))));
    const w = await crowd.snapshot();
    const secs = w.ms / 1000;
    const lat = percentiles(w.latencies);
    const rss = services.filter((s) => s.name.startsWith("app#") || s.name.startsWith("bare#")).map((s) => rssKb(s.pid));
    const errors = Object.values(w.errors).reduce((a, b) => a + b, 0);
    const probes = services.filter((x) => x.name.startsWith("app#")).map((x) => x.probe());
    const probeText = probes.length
      ? ` · loop lag p99 ${probes.map((p) => p?.lagP99 ?? "?").join("+")} ms, heap used/total ${probes.map((p) => `${p?.heapMb ?? "?"}/${p?.heapTotalMb ?? "?"} MB (young ${p?.youngMb ?? "?"}, external ${p?.externalMb ?? "?"})`).join(" + ")}, pool busy ${probes.map((p) => p?.poolBusy ?? "?").join("+")} waiting ${probes.map((p) => p?.poolWaiting ?? "?").join("+")}`
      : "";
    if (counting) for (const p of probes) if (p) probeLog.push(p);
    console.log(
      `  [${label} ${Math.round((Date.now() - t0) / 1000)}/${seconds + warmup} s${counting ? "" : " warm-up"}] sockets ${fmt(w.connected)} · sent ${fmt(w.sent / secs)}/s acked ${fmt(w.acked / secs)}/s delivered ${fmt(w.delivered / secs)}/s · e2e p50 ${lat.p50} p99 ${lat.p99} max ${lat.max} ms · errors ${errors} drops ${w.drops} churned ${w.churned} · server cpu ${tickMeter.end()} % rss ${rss.map((k) => Math.round(k / 1024)).join("+")} MB${probeText}`,
    );
    if (counting) windows.push(w);
    if (!counting && Date.now() - t0 >= warmup * 1000) {
      counting = true;
      Object.values(meters).forEach((m) => m.begin());
    }
  }
  const merged = mergeWindows(windows);
  return {
    windows,
    merged,
    seconds: merged.ms / 1000,
    serverCpu: meters.server.end(),
    pgCpu: meters.pg.end(),
    redisCpu: meters.redis.end(),
    nginxCpu: meters.nginx.end(),
    pgbouncerCpu: meters.pgb.end(),
    probe: summarizeProbes(probeLog),
  };
}

function summarizeProbes(probes: Probe[]) {
  if (!probes.length) return null;
  const avg = (f: (p: Probe) => number | null) => Math.round((probes.reduce((s, p) => s + (f(p) ?? 0), 0) / probes.length) * 10) / 10;
  return {
    loopLagP99MsAvg: avg((p) => p.lagP99),
    loopLagMaxMs: Math.max(...probes.map((p) => p.lagMax)),
    heapMbMax: Math.max(...probes.map((p) => p.heapMb)),
    poolBusyAvg: avg((p) => p.poolBusy),
    poolWaitingAvg: avg((p) => p.poolWaiting),
    poolWaitingMax: Math.max(...probes.map((p) => p.poolWaitingMax)),
  };
}

function mergeWindows(windows: MergedWindow[]): MergedWindow {
  const merged: MergedWindow = {
    ms: 0, connected: 0, sent: 0, acked: 0, retries: 0, errors: {}, delivered: 0, deliveredBySync: 0, latencies: [], crossLatencies: [],
    ackLatencies: [], drops: 0, dropReasons: {}, reconnects: 0, reconnectFailures: 0, churned: 0, presenceEvents: 0, otherEvents: {},
    skipped: 0, pending: 0, generatorRssMb: 0, generatorCpuPct: 0,
  };
  for (const w of windows) {
    mergeInto(merged, w);
    merged.ms += w.ms;
  }
  const last = windows.at(-1);
  merged.connected = last?.connected ?? 0;
  merged.pending = last?.pending ?? 0;
  merged.generatorRssMb = last?.generatorRssMb ?? 0;
  merged.generatorCpuPct = windows.length ? Math.round((windows.reduce((s, w) => s + w.generatorCpuPct * w.ms, 0) / Math.max(1, merged.ms)) * 10) / 10 : 0;
  return merged;
}

function phaseSummary(name: string, rate: number, p: Awaited<ReturnType<typeof measure>>, persisted?: number) {
  const w = p.merged;
  const s = Math.max(0.001, p.seconds);
  return {
    name,
    targetRate: rate,
    seconds: Math.round(s * 10) / 10,
    sockets: w.connected,
    sentPerS: Math.round(w.sent / s),
    ackedPerS: Math.round(w.acked / s),
    persistedPerS: persisted === undefined ? null : Math.round(persisted / s),
    deliveredPerS: Math.round(w.delivered / s),
    deliveredBySync: w.deliveredBySync,
    latency: percentiles(w.latencies),
    crossInstanceLatency: percentiles(w.crossLatencies),
    ackLatency: percentiles(w.ackLatencies),
    errors: w.errors,
    retries: w.retries,
    skippedBusyUser: w.skipped,
    drops: w.drops,
    dropReasons: w.dropReasons,
    churned: w.churned,
    reconnects: w.reconnects,
    reconnectFailures: w.reconnectFailures,
    presenceEvents: w.presenceEvents,
    otherEvents: w.otherEvents,
    serverCpuPct: p.serverCpu,
    serverRssMb: services.filter((x) => x.name.startsWith("app#") || x.name.startsWith("bare#")).map((x) => Math.round(rssKb(x.pid) / 1024)),
    postgresCpuPct: p.pgCpu,
    redisCpuPct: p.redisCpu,
    nginxCpuPct: p.nginxCpu,
    pgbouncerCpuPct: p.pgbouncerCpu,
    generatorCpuPct: w.generatorCpuPct,
    generatorRssMb: w.generatorRssMb,
    server: p.probe,
  };
}
export type PhaseSummary = ReturnType<typeof phaseSummary>;

/** An app instance that died (e.g. out of memory under overload) ends the app scenarios with the reason. */
function crashedApps(report: Report): boolean {
  const dead = services.filter((s) => s.name.startsWith("app#") && (s.child.exitCode !== null || s.child.signalCode !== null));
  for (const s of dead) {
    const out = s.output();
    const reason = /heap out of memory/.test(out) ? "JavaScript heap out of memory" : `exit ${s.child.exitCode ?? s.child.signalCode}`;
    const message = `${s.name} (pid ${s.pid}) died: ${reason}`;
    if (!report.failures.includes(message)) {
      report.failures.push(message);
      log(`!! ${message}; the remaining app scenarios are skipped (log: bench/results/logs-${stamp}/)`);
    }
  }
  return dead.length > 0;
}

async function httpLoad(message: ToHttpLoad): Promise<PageResult[]> {
  const child = fork("bench/http-load.ts", [], { execArgv: ["--import", "tsx"], serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
  try {
    return await new Promise<PageResult[]>((resolve, reject) => {
      child.once("message", (m: FromHttpLoad) => resolve(m.pages));
      child.once("exit", (code) => reject(new Error(`http load exited with ${code}`)));
      child.send(message);
    });
  } finally {
    child.disconnect();
    child.kill();
  }
}

const pageSummary = (r: PageResult) => ({
  name: r.name,
  path: r.path,
  requests: r.sent,
  ok: r.ok,
  reqPerS: Math.round((r.ok / Math.max(0.001, r.seconds)) * 10) / 10,
  latency: percentiles(r.latencies),
  errors: r.errors,
});

async function pagePath(base: string, cookie: string, candidates: string[]): Promise<string> {
  for (const candidate of candidates) {
    try {
      const response = await fetch(`${base}${candidate}`, { headers: { cookie }, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status === 200) return candidate;
    } catch {
      // try the next
    }
  }
  return candidates.at(-1)!;
}

// ---------- the run ----------
let t = Date.now();

async function main() {
  const machine = { ...machineInfo(), nproc: availableParallelism() };
  const commit = (() => {
    try {
      return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim() + (execSync("git status --porcelain --untracked-files=no", { encoding: "utf8" }).trim() ? "+dirty" : "");
    } catch {
      return "unknown";
    }
  })();
  const command = `npm run bench --${process.argv.slice(2).length ? " " + process.argv.slice(2).join(" ") : ""}`.replace(/ --$/, "");
  const others = execSync("ps -eo args", { encoding: "utf8" }).split("\n").filter((l) => /playwright|vitest|next build/.test(l) && !l.includes("grep")).length;
  if (others) log(`note: ${others} test/build processes of others are running; the machine is shared, numbers will be noisier`);
  log(`${command}: ${fmt(opts.users)} users, ${opts.instances} instance(s)${opts.pgbouncer ? " through PgBouncer" : ""}, ${opts.rate} msg/s, ${opts.duration} s; scenarios ${[...opts.only].join(", ")}`);

  const basePort = await pickBasePort();
  const generators = Math.max(2, Math.ceil(opts.users / 5_000 / 2) * 2);
  const addresses = sourceAddresses(Math.max(generators * 2, Math.ceil(opts.users / 4_000) * 2));
  const report: Report = {
    machine,
    date: new Date().toISOString(),
    commit,
    command,
    config: { ...opts, only: [...opts.only], generators, basePort, sourceAddresses: `${addresses[0]}–${addresses.at(-1)}`, nodeFlags: NODE_FLAGS, othersRunning: others },
    setup: {},
    phases: {},
    targets: [],
    failures: [],
  };

  // --- data ---
  await redis.connect();
  t = Date.now();
  await createBenchDatabase(dbUrl.toString(), log);
  await insertUsers(dbUrl.toString(), opts.users);
  report.setup.usersMs = Date.now() - t;
  log(`${fmt(opts.users)} users and ${fmt(opts.users / 2)} conversations inserted in ${fmt((Date.now() - t) / 1000, 1)} s (database ${dbName})`);
  t = Date.now();
  const users = await createSessions(opts.users);
  report.setup.sessionsMs = Date.now() - t;
  log(`${fmt(users.length)} sessions written to Redis in ${fmt((Date.now() - t) / 1000, 1)} s (prefix ${redisPrefix}:)`);

  const appScenarios = (["hold", "messages", "steps", "mixed", "polling"] as Scenario[]).filter((s) => opts.only.has(s));
  if (appScenarios.length) await runApp(users, basePort, generators, addresses, report);
  if (opts.only.has("bare")) await runBare(basePort, generators, addresses, report);
  if (opts.only.has("notifications")) report.phases.notifications = runNotificationThroughput(log);

  evaluateTargets(report);
  const file = path.join(resultsDir, `${stamp}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  log(`report: ${file}`);
  if (opts.record) {
    appendMarkdown("BENCHMARKS.md", report);
    log("table appended to BENCHMARKS.md");
  }
  printSummary(report);
  return report;
}

async function runApp(users: Awaited<ReturnType<typeof createSessions>>, basePort: number, generators: number, addresses: string[], report: Report) {
  // --- services ---
  let databaseUrl = dbUrl.toString();
  if (opts.pgbouncer) {
    const pgbPort = basePort + 19;
    services.push(await startPgBouncer(path.join(workDir, "pgbouncer"), pgbPort, baseDbUrl, opts.dbPoolMax * opts.instances, log));
    const viaBouncer = new URL(dbUrl);
    viaBouncer.hostname = "127.0.0.1";
    viaBouncer.port = String(pgbPort);
    databaseUrl = viaBouncer.toString();
    log(`PgBouncer (transaction mode, pool ${opts.dbPoolMax * opts.instances}) on port ${pgbPort}`);
  }
  const appPorts = Array.from({ length: opts.instances }, (_, i) => basePort + 1 + i);
  const publicPort = opts.instances > 1 ? basePort : appPorts[0];
  const appUrl = `http://localhost:${publicPort}`;
  const appEnv: AppEnv = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    AUTH_SECRET: authSecret,
    APP_URL: appUrl,
    DB_POOL_MAX: String(opts.dbPoolMax),
    ...(opts.instances > 1 ? { TRUST_PROXY: "1" } : {}),
    // Debian's PgBouncer (1.18) cannot keep named prepared statements in transaction mode
    ...(opts.pgbouncer ? { DB_PREPARED_STATEMENTS: "false" } : {}),
  };
  const extraFlags = opts.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [];
  t = Date.now();
  const apps = await Promise.all(appPorts.map((port, i) => startApp(i, port, appEnv, extraFlags)));
  services.push(...apps);
  log(`${apps.length} app instance(s) up in ${fmt((Date.now() - t) / 1000, 1)} s: ports ${appPorts.join(", ")}, pids ${apps.map((a) => a.pid).join(", ")}`);
  if (opts.instances > 1) {
    services.push(await startNginx(path.join(workDir, "nginx"), basePort, appPorts, opts.users, log));
    log(`nginx on port ${basePort} in front of ${appPorts.length} instances (least_conn, websocket-only clients)`);
  }

  const cookieName = "authjs.session-token=";
  const cookies = users.slice(0, 200).map((u) => `${cookieName}${u.token}`);
  const jobBoard = await pagePath(appUrl.replace("localhost", "127.0.0.1"), cookies[0], ["/ilanlar", "/panel"]);
  const conversationList = await pagePath(appUrl.replace("localhost", "127.0.0.1"), cookies[0], ["/mesajlar", "/panel"]);
  report.config.pages = { jobBoard, conversationList };
  log(`pages: job board ${jobBoard}, conversation list ${conversationList}`);

  // --- connect ---
  const baselineRss = apps.map((a) => rssKb(a.pid));
  const baselineHeap = await liveHeap(apps);
  const crowd = await Crowd.start({
    url: `ws://127.0.0.1:${publicPort}`,
    cookieName,
    bare: false,
    users,
    processes: generators,
    localAddresses: addresses,
    maxInFlight: 200,
    runTag: `r${runTag}`,
  });
  log(`${generators} generator processes (pids ${crowd.pids.join(", ")}), source addresses ${addresses[0]}–${addresses.at(-1)}`);
  let lastPrint = 0;
  let half: { connected: number; rss: number[] } | null = null;
  crowd.onConnectProgress = (p) => {
    if (!half && p.connected >= opts.users / 2) half = { connected: p.connected, rss: apps.map((a) => rssKb(a.pid)) };
    if (Date.now() - lastPrint < 2_000) return;
    lastPrint = Date.now();
    console.log(`  [connect] ${fmt(p.connected)}/${fmt(opts.users)} connected, ${p.failed} failed, ${fmt(p.connected / Math.max(0.001, p.ms / 1000))}/s`);
  };
  const serverCpu = new CpuMeter(appPids);
  await queryStats(apps); // resets the counts
  serverCpu.begin();
  const connect = await crowd.connect();
  const connectCpu = serverCpu.end();
  const connectQueries = await queryStats(apps);
  report.phases.connect = {
    sockets: opts.users,
    connected: connect.connected,
    failed: connect.failed,
    seconds: Math.round(connect.seconds * 10) / 10,
    perSecond: Math.round(connect.connected / connect.seconds),
    errors: connect.errors,
    instances: connect.instances,
    serverCpuPct: connectCpu,
    serverCpuMsPerConnect: Math.round(((connectCpu / 100) * connect.seconds * 1000 * 100) / Math.max(1, connect.connected)) / 100,
    queriesPerConnect: connectQueries.slice(0, 10).map((q) => ({ ...q, perConnect: Math.round((q.calls / Math.max(1, connect.connected)) * 100) / 100 })),
  };
  log(`connected ${fmt(connect.connected)}/${fmt(opts.users)} in ${fmt(connect.seconds, 1)} s (${fmt(connect.connected / connect.seconds)}/s), ${connect.failed} failed ${JSON.stringify(connect.errors)}; per upstream ${JSON.stringify(connect.instances)}`);
  if (connect.failed) report.failures.push(`${connect.failed} sockets failed to connect: ${JSON.stringify(connect.errors)}`);

  const redisStatsBefore = await redisCommandStats(redis);
  const sampler = new PgActivitySampler(adminUrl.toString(), dbName);
  await sampler.start();
  const profileStarted = Date.now();

  // --- hold ---
  if (opts.only.has("hold") && !crashedApps(report)) {
    log(`hold: ${fmt(connect.connected)} sockets for ${opts.duration} s, no traffic`);
    const hold = await measure(crowd, "hold", opts.duration, 0);
    const rss = apps.map((a) => rssKb(a.pid));
    const perConnKb = rss.map((r, i) => Math.round(((r - baselineRss[i]) / Math.max(1, connect.connected / apps.length)) * 10) / 10);
    // the slope over the second half of the connects leaves out one-off growth (code loaded and compiled on
    // first use, the pg pool, the young generation filling up)
    const halfAt = half as { connected: number; rss: number[] } | null;
    const marginalKb = halfAt
      ? rss.map((r, i) => Math.round(((r - halfAt.rss[i]) / Math.max(1, (connect.connected - halfAt.connected) / apps.length)) * 10) / 10)
      : perConnKb;
    const heldHeap = await liveHeap(apps);
    const liveHeapKb = heldHeap.map((h, i) => {
      const base = baselineHeap[i];
      return h === null || base === null ? null : Math.round(((h - base) / 1024 / Math.max(1, connect.connected / apps.length)) * 10) / 10;
    });
    report.phases.hold = {
      ...phaseSummary("hold", 0, hold),
      held: hold.merged.connected,
      serverRssBaselineMb: baselineRss.map((k) => Math.round(k / 1024)),
      rssPerConnectionKb: perConnKb,
      marginalRssPerConnectionKb: marginalKb,
      liveHeapPerConnectionKb: liveHeapKb,
      httpRequestsAtIdle: 0,
    };
    log(`hold: ${fmt(hold.merged.connected)} held, ${hold.merged.drops} dropped, RSS ${rss.map((k) => Math.round(k / 1024)).join("+")} MB (${perConnKb.join(", ")} KB per connection over the baseline, ${marginalKb.join(", ")} KB marginal; live heap after a full GC ${liveHeapKb.join(", ")} KB per connection), server CPU ${hold.serverCpu} %`);
  }

  // --- rate steps: our ceiling at p99 ≤ 100 ms ---
  if (opts.only.has("steps") && !crashedApps(report)) {
    report.phases.appSteps = await stepRates(crowd, "app", 250);
  }

  // --- the old design's polling load vs what one instance sustains ---
  if (opts.only.has("polling") && !crashedApps(report)) {
    const seconds = opts.smoke ? 2 : 5;
    const target = `http://127.0.0.1:${appPorts[0]}`; // one instance, directly
    // each page as fast as 32 keep-alive connections go, with the server's CPU per request: what a page view costs
    const closedLoop = async (name: string, pagePath: string) => {
      const meter = new CpuMeter(() => [apps[0].pid]);
      meter.begin();
      const [result] = await httpLoad({ type: "closed-loop", base: target, page: { name, path: pagePath, rate: 0 }, cookies, concurrency: 32, durationS: seconds, localAddress: addresses[0] });
      const cpuPct = meter.end();
      const summary = pageSummary(result);
      return { ...summary, serverCpuPct: cpuPct, serverCpuMsPerRequest: Math.round((cpuPct * 10 * 100) / Math.max(1, summary.reqPerS)) / 100 };
    };
    const sustained = await closedLoop("conversation list", conversationList);
    const board = await closedLoop("job board", jobBoard);
    report.phases.polling = {
      users: opts.users,
      intervalS: 5,
      requiredReqPerS: opts.users / 5,
      sustainedReqPerS: sustained.reqPerS,
      sustainedLatency: sustained.latency,
      serverCpuMsPerRequest: sustained.serverCpuMsPerRequest,
      errors: sustained.errors,
      page: conversationList,
      jobBoard: { page: jobBoard, reqPerS: board.reqPerS, latency: board.latency, serverCpuMsPerRequest: board.serverCpuMsPerRequest, errors: board.errors },
      concurrency: 32,
      seconds,
      ourIdleReqPerS: 0,
      // the measured sockets held with zero HTTP requests: the client has no polling timer at all
    };
    log(`polling: the old design needs ${fmt(opts.users / 5)} req/s of ${conversationList}; one instance sustains ${fmt(sustained.reqPerS)} req/s (p99 ${sustained.latency.p99} ms, ${sustained.serverCpuMsPerRequest} ms server CPU per request); ours at idle: 0 req/s`);
    log(`page cost: ${jobBoard} sustains ${fmt(board.reqPerS)} req/s (p99 ${board.latency.p99} ms) at ${board.serverCpuMsPerRequest} ms server CPU per request`);
  }

  // --- mixed: messages + page views + churn ---
  // At the target's 500 msg/s; when the steps found the app's ceiling below that, first at 80 % of the
  // ceiling too, so the page latencies are also known with the app not in overload.
  const mixed = async (key: string, msgRate: number) => {
    const pageRate = opts.smoke ? 20 : 200;
    const listRate = opts.smoke ? 5 : 20;
    const churn = Math.max(1, Math.round(opts.users / 200));
    const seconds = opts.smoke ? Math.min(opts.duration, 10) : Math.min(opts.duration, 30);
    // warm the pages (first render compiles nothing in production, but loads the route's chunks)
    await httpLoad({ type: "open", base: appUrl.replace("localhost", "127.0.0.1"), pages: [{ name: "warm-board", path: jobBoard, rate: 10 }, { name: "warm-list", path: conversationList, rate: 10 }], cookies, durationS: 1, localAddress: addresses[0] });
    log(`${key}: ${msgRate} msg/s + ${pageRate} req/s ${jobBoard} + ${listRate} req/s ${conversationList} + ${churn} reconnects/s for ${seconds} s`);
    crowd.setRate(msgRate);
    crowd.setChurn(churn);
    const pages: HttpPage[] = [
      { name: "job board", path: jobBoard, rate: pageRate },
      { name: "conversation list", path: conversationList, rate: listRate },
    ];
    const [phase, pageResults] = await Promise.all([
      measure(crowd, key, seconds, 0),
      httpLoad({ type: "open", base: appUrl.replace("localhost", "127.0.0.1"), pages, cookies, durationS: seconds, localAddress: addresses[1 % addresses.length] }),
    ]);
    crowd.setRate(0);
    crowd.setChurn(0);
    report.phases[key] = { ...phaseSummary(key, msgRate, phase), pages: pageResults.map(pageSummary) };
    logPhase(report.phases[key] as PhaseSummary);
    for (const p of pageResults.map(pageSummary)) log(`  ${p.name} ${p.path}: ${p.reqPerS} req/s, p50 ${p.latency.p50} p95 ${p.latency.p95} p99 ${p.latency.p99} ms, errors ${JSON.stringify(p.errors)}`);
    Object.assign(report.phases[key], await settle(crowd));
  };
  if (opts.only.has("mixed") && !crashedApps(report)) {
    const target = opts.smoke ? 50 : 500;
    const ceiling = (report.phases.appSteps as { maxRateAtP99Under100?: number } | undefined)?.maxRateAtP99Under100 ?? 0;
    if (ceiling > 0 && ceiling < target) await mixed("mixedBelowCeiling", Math.max(25, Math.round((ceiling * 0.8) / 25) * 25));
    if (!crashedApps(report)) await mixed("mixed", target);
  }

  // --- messages at the set rate ---
  if (opts.only.has("messages") && !crashedApps(report)) {
    log(`messages: ${opts.rate} msg/s for ${opts.duration} s${opts.smoke ? ", with presence churn" : ""}`);
    const before = await countMessages(dbUrl.toString());
    await queryStats(apps); // resets the counts
    const redisBefore = await redisCommandStats(redis);
    crowd.setRate(opts.rate);
    if (opts.smoke) crowd.setChurn(Math.max(1, opts.users / 100));
    const warm = Math.min(5, Math.ceil(opts.duration / 5));
    const phase = await measure(crowd, "messages", opts.duration, warm);
    crowd.setRate(0);
    crowd.setChurn(0);
    const queries = await queryStats(apps);
    const redisPhase = commandStatsDelta(redisBefore, await redisCommandStats(redis), phase.seconds + warm, 12);
    const persisted = (await countMessages(dbUrl.toString())) - before;
    // persisted counts the warm-up too: scale it to the measured share of the time
    const share = phase.seconds / (phase.seconds + warm);
    report.phases.messages = phaseSummary("messages", opts.rate, phase, persisted * share);
    logPhase(report.phases.messages as PhaseSummary);
    // what one message costs the database and Redis (counted over the phase including its warm-up)
    const perMessage = (n: number) => Math.round((n / Math.max(1, persisted)) * 100) / 100;
    report.phases.messages.queriesPerMessage = queries.slice(0, 15).map((q) => ({ ...q, perMessage: perMessage(q.calls) }));
    report.phases.messages.queriesPerMessageTotal = perMessage(queries.reduce((s, q) => s + q.calls, 0));
    report.phases.messages.redisCommands = redisPhase.map((c) => ({ ...c, perMessage: Math.round(((c.perSecond * (phase.seconds + warm)) / Math.max(1, persisted)) * 100) / 100 }));
    log(`per message: ${report.phases.messages.queriesPerMessageTotal} PostgreSQL statements, ${perMessage(redisPhase.reduce((s, c) => s + c.perSecond * (phase.seconds + warm), 0))} Redis commands (server-wide count)`);
    for (const q of queries.slice(0, 12)) log(`  ${perMessage(q.calls)}× mean ${q.meanMs} ms max ${q.maxMs} ms  ${q.sql}`);
    Object.assign(report.phases.messages, await settle(crowd));
  }

  crashedApps(report);
  // --- ledger: nothing lost, nothing twice ---
  const drainedPending = await crowd.drain(20_000);
  await new Promise((r) => setTimeout(r, 3_000)); // deliveries and syncs in flight
  const ledger = await crowd.ledger();
  const stored = await storedClientIds(dbUrl.toString());
  report.ledger = reconcile(ledger, stored, drainedPending);
  log(`ledger: ${fmt(report.ledger.acked)} acked, ${fmt(report.ledger.stored ?? 0)} stored, ${fmt(report.ledger.delivered)} delivered · lost ${report.ledger.lost} · duplicated ${report.ledger.duplicated} · unacked at end ${report.ledger.unackedAtEnd}`);

  // --- profiles ---
  const profileSeconds = (Date.now() - profileStarted) / 1000;
  report.profile = {
    postgresActivity: await sampler.stop(),
    pgStatStatements: await pgStatStatements(dbUrl.toString()).catch((e) => ({ available: false, rows: [], error: String(e) })),
    redisCommandStats: commandStatsDelta(redisStatsBefore, await redisCommandStats(redis), profileSeconds),
    redisNote: "INFO commandstats is server-wide: other users of this Redis are included",
  };

  await crowd.close();
  await stopServices(services.splice(0));
  if (opts.cpuProf) {
    report.profile.cpu = summarizeCpuProfiles(profDir);
    log(`CPU profile: ${report.profile.cpu.files.length} file(s) in ${profDir}`);
  }
}

async function runBare(basePort: number, generators: number, addresses: string[], report: Report) {
  const count = opts.instances;
  const bareEnv: Record<string, string> = count > 1 ? { BARE_REDIS_URL: redisUrl, BARE_REDIS_PREFIX: `${redisPrefix}:bare` } : {};
  const relays = await Promise.all(Array.from({ length: count }, (_, i) => startBareRelay(i, basePort + 10 + i, bareEnv)));
  services.push(...relays);
  log(`bare relay: ${count} process(es) on ${relays.map((r) => r.port).join(", ")}${count > 1 ? " (Redis adapter)" : ""}`);
  // one crowd per relay process when there are several (each relay gets its share directly)
  const users = bareUsers(opts.users);
  const crowds: Crowd[] = [];
  for (let i = 0; i < count; i++) {
    crowds.push(
      await Crowd.start({
        url: `ws://127.0.0.1:${relays[i].port}`,
        bare: true,
        // pair p: first member on relay p % count, second on the next relay, so every pair crosses processes
        users: users.filter((_, k) => (Math.floor(k / 2) + (k % 2)) % count === i),
        processes: Math.max(2, Math.round(generators / count / 2) * 2),
        localAddresses: addresses.filter((_, k) => k % count === i),
        maxInFlight: Math.floor(200 / count),
        runTag: `b${runTag}`,
      }),
    );
  }
  const crowd = crowds.length === 1 ? crowds[0] : new MultiCrowd(crowds);
  const connect = await crowd.connect();
  log(`bare: connected ${fmt(connect.connected)} in ${fmt(connect.seconds, 1)} s (${fmt(connect.connected / connect.seconds)}/s), ${connect.failed} failed`);
  const steps = await stepRates(crowd, "bare", opts.smoke ? 100 : 1_000);
  const drained = await crowd.drain(10_000);
  await new Promise((r) => setTimeout(r, 1_000));
  const ledger = await crowd.ledger();
  report.phases.bare = {
    connected: connect.connected,
    connectPerSecond: Math.round(connect.connected / connect.seconds),
    processes: count,
    ...steps,
    ledger: reconcile(ledger, null, drained),
  };
  await crowd.close();
  await stopServices(services.splice(services.indexOf(relays[0]), relays.length));
}

/** Several crowds driven as one (bare relays with the Redis adapter). */
class MultiCrowd {
  constructor(private readonly crowds: Crowd[]) {}
  async connect() {
    const results = await Promise.all(this.crowds.map((c) => c.connect()));
    return {
      connected: results.reduce((s, r) => s + r.connected, 0),
      failed: results.reduce((s, r) => s + r.failed, 0),
      seconds: Math.max(...results.map((r) => r.seconds)),
      errors: {},
      instances: {},
    };
  }
  setRate(total: number) {
    for (const c of this.crowds) c.setRate(total / this.crowds.length);
  }
  setChurn(total: number) {
    for (const c of this.crowds) c.setChurn(total / this.crowds.length);
  }
  async snapshot(): Promise<MergedWindow> {
    const all = await Promise.all(this.crowds.map((c) => c.snapshot()));
    const merged = mergeWindows(all);
    merged.ms = Math.max(...all.map((w) => w.ms));
    merged.connected = all.reduce((s, w) => s + w.connected, 0);
    return merged;
  }
  async drain(timeoutMs: number) {
    return (await Promise.all(this.crowds.map((c) => c.drain(timeoutMs)))).reduce((a, b) => a + b, 0);
  }
  async forget() {
    return (await Promise.all(this.crowds.map((c) => c.forget()))).reduce((a, b) => a + b, 0);
  }
  async ledger() {
    const all = await Promise.all(this.crowds.map((c) => c.ledger()));
    const acked = new Map<string, number>();
    const delivered = new Map<string, number>();
    const unacked: string[] = [];
    let abandoned = 0;
    for (const l of all) {
      abandoned += l.abandoned;
      for (const [k, v] of l.acked) acked.set(k, v);
      for (const [k, v] of l.delivered) delivered.set(k, (delivered.get(k) ?? 0) + v);
      unacked.push(...l.unacked);
    }
    return { acked, delivered, unacked, abandoned };
  }
  async close() {
    await Promise.all(this.crowds.map((c) => c.close()));
  }
}


const LADDER = [250, 500, 750, 1_000, 1_500, 2_000, 3_000, 4_000, 5_000, 6_000, 8_000, 10_000, 12_000, 16_000];

/**
 * Offers rising rates (the ladder from `first`) until p99 > 100 ms or under 95 % of the rate is delivered,
 * then tries once between the last pass and the first miss. The max is the best delivered rate that passed.
 */
async function stepRates(crowd: CrowdLike, label: string, first: number) {
  type Step = { rate: number; deliveredPerS: number; latency: ReturnType<typeof percentiles>; crossInstanceLatency: ReturnType<typeof percentiles>; ackLatency: ReturnType<typeof percentiles>; serverCpuPct: number; postgresCpuPct: number; redisCpuPct: number; server: ReturnType<typeof summarizeProbes>; errors: Record<string, number>; pass: boolean; unackedAfterWait?: number; abandoned?: number };
  const steps: Step[] = [];
  const run = async (rate: number) => {
    crowd.setRate(rate);
    const phase = await measure(crowd, `${label} ${rate}/s`, opts.stepSeconds, 3);
    crowd.setRate(0);
    const s = phaseSummary(label, rate, phase);
    const pass = s.latency.p99 <= 100 && s.deliveredPerS >= rate * 0.95;
    steps.push({ rate, deliveredPerS: s.deliveredPerS, latency: s.latency, crossInstanceLatency: s.crossInstanceLatency, ackLatency: s.ackLatency, serverCpuPct: s.serverCpuPct, postgresCpuPct: s.postgresCpuPct, redisCpuPct: s.redisCpuPct, server: s.server, errors: s.errors, pass });
    log(`${label} step ${rate} msg/s: delivered ${s.deliveredPerS}/s, p50 ${s.latency.p50} p99 ${s.latency.p99} ms, server CPU ${s.serverCpuPct} % → ${pass ? "pass" : "over the line"}`);
    // the backlog clears (or is given up) before the next step
    const settled = await settle(crowd, 5);
    steps[steps.length - 1] = { ...steps[steps.length - 1], ...settled };
    return pass;
  };
  const ladder = opts.smoke ? [first] : LADDER.filter((r) => r >= first);
  let lastPass = 0;
  let firstMiss = 0;
  for (const rate of ladder) {
    if (await run(rate)) lastPass = rate;
    else {
      firstMiss = rate;
      break;
    }
  }
  if (!opts.smoke && firstMiss && lastPass === 0) {
    // not even the first rung: walk down until a rate passes
    for (let rate = Math.round(firstMiss * 0.6 / 25) * 25; rate >= 25; rate = Math.round(rate * 0.6 / 25) * 25) {
      if (await run(rate)) break;
    }
  } else if (!opts.smoke && firstMiss && firstMiss - lastPass > 100) await run(Math.round((lastPass + firstMiss) / 2 / 50) * 50);
  const best = Math.max(0, ...steps.filter((s) => s.pass).map((s) => s.deliveredPerS));
  return { steps, maxRateAtP99Under100: best };
}

/** Between phases: wait (bounded) for unacked sends, then give up on the rest so no backlog carries over. */
async function settle(crowd: CrowdLike, seconds = 10): Promise<{ unackedAfterWait: number; abandoned: number }> {
  const unackedAfterWait = await crowd.drain(seconds * 1000);
  const abandoned = await crowd.forget();
  await new Promise((r) => setTimeout(r, 1_000));
  await crowd.snapshot();
  if (abandoned) log(`  ${abandoned} sends still unacked after ${seconds} s: given up (never acked, so not counted as lost)`);
  return { unackedAfterWait, abandoned };
}

function logPhase(p: PhaseSummary) {
  log(
    `${p.name}: sent ${p.sentPerS}/s, acked ${p.ackedPerS}/s, persisted ${p.persistedPerS ?? "-"}/s, delivered ${p.deliveredPerS}/s (+${p.deliveredBySync} by sync) · e2e p50 ${p.latency.p50} p95 ${p.latency.p95} p99 ${p.latency.p99} max ${p.latency.max} ms · ack p99 ${p.ackLatency.p99} ms · errors ${JSON.stringify(p.errors)} · drops ${p.drops} · CPU server ${p.serverCpuPct} % pg ${p.postgresCpuPct} % redis ${p.redisCpuPct} %`,
  );
}

function reconcile(ledger: { acked: Map<string, number>; delivered: Map<string, number>; unacked: string[]; abandoned: number }, stored: Map<string, number> | null, pendingAfterDrain: number) {
  let lostPersist = 0;
  let lostDelivery = 0;
  const lostExamples: string[] = [];
  for (const clientId of ledger.acked.keys()) {
    if (stored && !stored.has(clientId)) {
      lostPersist++;
      if (lostExamples.length < 5) lostExamples.push(`${clientId} (not stored)`);
    }
    if (!ledger.delivered.has(clientId)) {
      lostDelivery++;
      if (lostExamples.length < 5) lostExamples.push(`${clientId} (not delivered)`);
    }
  }
  let duplicated = 0;
  for (const n of ledger.delivered.values()) if (n > 1) duplicated += n - 1;
  let storedTwice = 0;
  let storedUnacked = 0;
  if (stored) {
    for (const [clientId, n] of stored) {
      if (n > 1) storedTwice += n - 1;
      if (!ledger.acked.has(clientId)) storedUnacked++;
    }
  }
  return {
    acked: ledger.acked.size,
    stored: stored ? stored.size : null,
    delivered: ledger.delivered.size,
    lostNotStored: lostPersist,
    lostNotDelivered: lostDelivery,
    lost: lostPersist + lostDelivery,
    duplicated: duplicated + storedTwice,
    storedButUnacked: storedUnacked,
    unackedAtEnd: pendingAfterDrain,
    abandonedUnacked: ledger.abandoned,
    lostExamples,
  };
}

/** The notification worker's throughput (its own database, worker process and local SMTP server). */
function runNotificationThroughput(log: (line: string) => void): NotificationThroughput {
  log("notifications: 2,000 in-app + e-mail notifications through one worker process");
  const output = execFileSync(process.execPath, ["--import", "tsx", "bench/notification-throughput-cli.ts", "2000", "20"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const result = JSON.parse(output.trim().split("\n").at(-1)!) as NotificationThroughput;
  log(`notifications: ${fmt(result.notificationsPerSecond)}/s (${fmt(result.jobsPerSecond)} jobs/s), ${result.mailsReceived} e-mails, ${result.duplicates} duplicates`);
  return result;
}

function evaluateTargets(report: Report) {
  const targets = report.targets;
  const add = (name: string, target: string, actual: string, met: boolean | null, note = "") => targets.push({ name, target, actual, met, note });
  const notifications = report.phases.notifications as NotificationThroughput | undefined;
  if (notifications) {
    add(
      "notification worker (in-app + e-mail to local SMTP)",
      "measured; no duplicates",
      `${fmt(notifications.notificationsPerSecond)} notifications/s = ${fmt(notifications.jobsPerSecond)} jobs/s, ${notifications.duplicates} duplicates`,
      notifications.duplicates === 0 && notifications.mailsReceived === notifications.notifications,
    );
  }
  const hold = report.phases.hold as (PhaseSummary & { held: number; rssPerConnectionKb: number[] }) | undefined;
  const connect = report.phases.connect as { connected: number; failed: number } | undefined;
  const messages = report.phases.messages as PhaseSummary | undefined;
  const mixed = report.phases.mixed as (PhaseSummary & { pages: ReturnType<typeof pageSummary>[] }) | undefined;
  const appSteps = report.phases.appSteps as { maxRateAtP99Under100: number } | undefined;
  const bare = report.phases.bare as { maxRateAtP99Under100: number } | undefined;
  const single = opts.instances === 1;
  if (hold && connect) {
    add(`${fmt(opts.users)} sockets held ${opts.duration} s, zero drops`, single ? "10,000 / 0 drops" : "30,000 / 0 drops", `${fmt(hold.held)} / ${hold.drops} drops`, hold.held === opts.users && hold.drops === 0 && connect.failed === 0);
    const worst = Math.max(...hold.rssPerConnectionKb);
    const marginal = Math.max(...((hold as unknown as { marginalRssPerConnectionKb: number[] }).marginalRssPerConnectionKb ?? [worst]));
    const live = ((hold as unknown as { liveHeapPerConnectionKb?: (number | null)[] }).liveHeapPerConnectionKb ?? []).filter((k): k is number => k !== null);
    const liveText = live.length ? ` (live JavaScript heap ${Math.max(...live)} KB of it)` : "";
    add("server RSS per connection", "≤ 30 KB", `${worst} KB over the pre-connect baseline${liveText}, ${marginal} KB marginal`, worst <= 30);
  }
  if (messages) {
    const rate = Math.min(messages.persistedPerS ?? 0, messages.deliveredPerS);
    if (single) add(`messages persisted + delivered at ${opts.rate}/s`, "≥ 2,000 msg/s, p99 ≤ 100 ms", `${fmt(rate)} msg/s, p99 ${messages.latency.p99} ms`, rate >= Math.min(2_000, opts.rate) * 0.98 && messages.latency.p99 <= 100);
    else add(`cross-instance delivery at ${opts.rate}/s`, "p99 ≤ 150 ms at 1,000 msg/s", `${fmt(rate)} msg/s, cross-instance p99 ${messages.crossInstanceLatency.p99} ms (all ${messages.latency.p99} ms)`, rate >= opts.rate * 0.98 && messages.crossInstanceLatency.p99 <= 150);
  }
  if (appSteps && bare && bare.maxRateAtP99Under100 > 0) {
    const ratio = appSteps.maxRateAtP99Under100 / bare.maxRateAtP99Under100;
    add("share of the bare relay's max at p99 ≤ 100 ms", "≥ 50 %", `${Math.round(ratio * 100)} % (${fmt(appSteps.maxRateAtP99Under100)} vs ${fmt(bare.maxRateAtP99Under100)} msg/s)`, ratio >= 0.5);
  }
  if (mixed) {
    const board = mixed.pages[0];
    add(`job board p95 at ${board.reqPerS} req/s with ${fmt(mixed.sockets)} sockets and ${mixed.deliveredPerS} msg/s`, "p95 ≤ 50 ms at 200 req/s", `p95 ${board.latency.p95} ms`, board.latency.p95 <= 50 && Object.keys(board.errors).length === 0);
  }
  const below = report.phases.mixedBelowCeiling as (PhaseSummary & { pages: ReturnType<typeof pageSummary>[] }) | undefined;
  if (below) {
    const board = below.pages[0];
    add(`(for reference) job board p95 at ${board.reqPerS} req/s with ${below.deliveredPerS} msg/s, below the app's ceiling`, "p95 ≤ 50 ms", `p95 ${board.latency.p95} ms`, null);
  }
  if (report.ledger) add("lost / duplicated messages", "0 / 0", `${report.ledger.lost} / ${report.ledger.duplicated}`, report.ledger.lost === 0 && report.ledger.duplicated === 0);
}

function printSummary(report: Report) {
  console.log("\nTargets:");
  for (const t of report.targets) console.log(`  ${t.met === null ? "·" : t.met ? "✓" : "✗"} ${t.name}: ${t.actual} (target ${t.target})`);
}

function smokeVerdict(report: Report): string[] {
  const problems = [...report.failures];
  const connect = report.phases.connect as { failed: number } | undefined;
  if (connect?.failed) problems.push(`${connect.failed} connects failed`);
  for (const [name, phase] of Object.entries(report.phases)) {
    const drops = (phase as { drops?: number }).drops;
    if (drops) problems.push(`${drops} sockets dropped during ${name}`);
  }
  const appRan = ["hold", "messages", "steps", "mixed", "polling"].some((s) => opts.only.has(s as Scenario));
  if (!report.ledger) {
    if (appRan) problems.push("no ledger");
  } else {
    if (report.ledger.lost) problems.push(`${report.ledger.lost} messages lost (${report.ledger.lostExamples.join(", ")})`);
    if (report.ledger.duplicated) problems.push(`${report.ledger.duplicated} messages duplicated`);
    if (report.ledger.unackedAtEnd) problems.push(`${report.ledger.unackedAtEnd} sends never acked`);
    if (report.ledger.acked === 0) problems.push("no message was acked");
  }
  const bareLedger = (report.phases.bare as { ledger?: { lost: number; duplicated: number } } | undefined)?.ledger;
  if (bareLedger && (bareLedger.lost || bareLedger.duplicated)) problems.push(`bare relay lost ${bareLedger.lost}, duplicated ${bareLedger.duplicated}`);
  return problems;
}

let exitCode = 0;
try {
  const report = await main();
  if (opts.smoke) {
    const problems = smokeVerdict(report);
    if (problems.length) {
      console.error(`bench smoke FAILED:\n  ${problems.join("\n  ")}`);
      exitCode = 1;
    } else console.log("bench smoke passed: no connect failures, no drops, nothing lost or duplicated");
  }
} catch (error) {
  console.error("bench failed:", error);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
