// Preloaded into the app by the bench (`node --import ./bench/lib/server-probe.mjs dist/server.js`): every
// 2 s prints one line with the event-loop delay, heap and the pg pool's state (the app keeps its pool on
// globalThis.tevkilPgPool). Bench-only instrumentation; the app itself is not changed.
import { monitorEventLoopDelay } from "node:perf_hooks";
import v8 from "node:v8";
import { renameSync, writeFileSync } from "node:fs";

// The bench reads these files as soon as they appear: written under a dot name and renamed, a reader never sees one
// half written (a 50,000-user run failed parsing a query count still being written).
function writeWhole(file, text) {
  const slash = file.lastIndexOf("/");
  const partial = `${file.slice(0, slash + 1)}.${file.slice(slash + 1)}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
let poolSamples = { n: 0, waiting: 0, waitingMax: 0, busy: 0 };
setInterval(() => {
  const pool = globalThis.tevkilPgPool;
  if (!pool) return;
  poolSamples.n++;
  poolSamples.waiting += pool.waitingCount;
  poolSamples.waitingMax = Math.max(poolSamples.waitingMax, pool.waitingCount);
  poolSamples.busy += pool.totalCount - pool.idleCount;
}, 50).unref();
setInterval(() => {
  const ms = (ns) => Math.round(ns / 1e5) / 10;
  const line = {
    // the app's children, forked with the same flags, print their own lines to the same output
    pid: process.pid,
    lagP50: ms(delay.percentile(50)),
    lagP99: ms(delay.percentile(99)),
    lagMax: ms(delay.max),
    heapMb: Math.round(process.memoryUsage().heapUsed / 1048576),
    // where the RSS goes: the young generation grows up to --max-semi-space-size, heapTotal includes V8's headroom
    heapTotalMb: Math.round(process.memoryUsage().heapTotal / 1048576),
    youngMb: Math.round((v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space")?.space_size ?? 0) / 1048576),
    externalMb: Math.round(process.memoryUsage().external / 1048576),
    poolBusy: poolSamples.n ? Math.round((poolSamples.busy / poolSamples.n) * 10) / 10 : null,
    poolWaiting: poolSamples.n ? Math.round((poolSamples.waiting / poolSamples.n) * 10) / 10 : null,
    poolWaitingMax: poolSamples.waitingMax,
  };
  delay.reset();
  poolSamples = { n: 0, waiting: 0, waitingMax: 0, busy: 0 };
  process.stdout.write(`[bench-probe] ${JSON.stringify(line)}\n`);
}, 2_000).unref();

// Client-side statement statistics (pg_stat_statements is not loaded on these machines): every query the
// app sends through `pg` (Prisma's adapter and raw queries alike), counted with its round-trip time.
// SIGUSR2 writes what was counted since the last signal to $BENCH_PROBE_DIR/queries-<pid>-<n>.json and resets.
const probeDir = process.env.BENCH_PROBE_DIR;
if (probeDir) {
  const { default: pg } = await import("pg");
  let stats = new Map();
  // cut before collapsing whitespace: the message batch's INSERT is kilobytes long, and a replace over all of it
  // for every statement was 12 % of what the front allocated per message (its own heap profile)
  const normalize = (q) => String(typeof q === "string" ? q : q?.text ?? "?").slice(0, 200).replace(/\s+/g, " ").trim().slice(0, 90);
  const record = (sql, started) => {
    const ms = performance.now() - started;
    const s = stats.get(sql) ?? { calls: 0, totalMs: 0, maxMs: 0 };
    s.calls++;
    s.totalMs += ms;
    if (ms > s.maxMs) s.maxMs = ms;
    stats.set(sql, s);
  };
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values, callback) {
    const sql = normalize(config);
    const started = performance.now();
    const cb = typeof values === "function" ? values : typeof callback === "function" ? callback : typeof config?.callback === "function" ? config.callback : null;
    if (cb) {
      const wrapped = function (...args) {
        record(sql, started);
        return cb.apply(this, args);
      };
      if (typeof values === "function") return original.call(this, config, wrapped);
      if (typeof callback === "function") return original.call(this, config, values, wrapped);
      config.callback = wrapped;
      return original.call(this, config, values);
    }
    const result = original.call(this, config, values);
    if (result && typeof result.then === "function") result.then(() => record(sql, started), () => record(sql, started));
    return result;
  };
  let dumps = 0;
  process.on("SIGUSR2", () => {
    const rows = [...stats].map(([sql, s]) => ({ sql, calls: s.calls, totalMs: Math.round(s.totalMs), meanMs: Math.round((s.totalMs / s.calls) * 100) / 100, maxMs: Math.round(s.maxMs) }));
    rows.sort((a, b) => b.totalMs - a.totalMs);
    writeWhole(`${probeDir}/queries-${process.pid}-${dumps++}.json`, JSON.stringify(rows));
    stats = new Map();
  });
}

// SIGWINCH (with --expose-gc): a full GC, then the live heap to $BENCH_PROBE_DIR/heap-<pid>-<n>.json. Taken before
// the connects and after the hold, it gives the JavaScript memory each socket really keeps, apart from garbage
// and V8's headroom. BENCH_HEAP_SNAPSHOT=1 also writes a heap snapshot each time, snapshot-<pid>-<n>.heapsnapshot
// (the process stops for the seconds that takes, after the live heap is reported): the two differ by what the
// held sockets keep, object by object.
if (probeDir && globalThis.gc) {
  const { writeHeapSnapshot } = await import("node:v8");
  let heapDumps = 0;
  process.on("SIGWINCH", () => {
    globalThis.gc();
    const n = heapDumps++;
    writeWhole(`${probeDir}/heap-${process.pid}-${n}.json`, JSON.stringify({ heapUsed: process.memoryUsage().heapUsed }));
    if (process.env.BENCH_HEAP_SNAPSHOT) setImmediate(() => writeHeapSnapshot(`${probeDir}/snapshot-${process.pid}-${n}.heapsnapshot`));
  });
}

// BENCH_ALLOC_PROFILE=1: V8's sampling heap profiler over everything allocated, collected or not (what the
// young generation churns through, which --heap-prof's live-only profile does not show), one file per SIGUSR2
// interval (the bench signals at each phase's start and end): $BENCH_PROBE_DIR/alloc-<pid>-<n>.heapprofile.
// BENCH_ALLOC_PROFILE=promoted leaves out what a scavenge collected: what lived long enough to be promoted into the
// old generation, the allocations that make its mark-compacts (and their pauses) come more often.
if (probeDir && process.env.BENCH_ALLOC_PROFILE) {
  const { Session } = await import("node:inspector");
  const session = new Session();
  session.connect();
  const start = () => session.post("HeapProfiler.startSampling", { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: process.env.BENCH_ALLOC_PROFILE !== "promoted" });
  session.post("HeapProfiler.enable", start);
  let allocDumps = 0;
  process.on("SIGUSR2", () => {
    session.post("HeapProfiler.stopSampling", (error, result) => {
      if (!error) writeWhole(`${probeDir}/alloc-${process.pid}-${allocDumps++}.heapprofile`, JSON.stringify(result.profile));
      start();
    });
  });
}
