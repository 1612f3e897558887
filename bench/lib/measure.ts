// A measured phase: the crowd's 2-second windows merged into one, the CPU of every service over the phase
// (the app over its whole process tree), the app's probe readings, and the summary that goes into the report.
import type { BenchContext } from "./context";
import { serverServices } from "./context";
import { mergeInto, type Crowd, type MergedWindow } from "./crowd";
import { fmt, log, sleep } from "./log";
import { TreeCpuMeter, treeRssKb, type TreeCpu } from "./process-tree";
import type { Probe } from "./services";
import { CpuMeter, percentiles, pidsByName } from "./stats";

export type CrowdLike = Pick<Crowd, "setRate" | "snapshot" | "drain" | "forget">;

type PhaseAccumulator = { windows: MergedWindow[]; merged: MergedWindow; seconds: number; server: TreeCpu; pgCpu: number; redisCpu: number; nginxCpu: number; pgbouncerCpu: number; probe: ReturnType<typeof summarizeProbes> };

const pgPids = () => pidsByName(/^postgres$/);
const redisPids = () => pidsByName(/^redis-server$/);
const nginxPids = () => pidsByName(/^nginx$/);
const pgbouncerPids = () => pidsByName(/^pgbouncer$/);

/** The measured servers' root pids (each app instance's tree is summed below its root). */
const serverRoots = (ctx: BenchContext) => () => serverServices(ctx).map((s) => s.pid);

/** "12.5 %" for one process, "12.5 % (front 4.1, children 8.4)" once an instance has children. */
const cpuText = (c: TreeCpu, roots: number) => `${c.pct} %${c.processes > roots ? ` (front ${c.frontPct}, children ${c.childrenPct})` : ""}`;

/** Runs `seconds` of load, printing a line every 2 s; the first `warmup` seconds are not counted. */
export async function measure(ctx: BenchContext, crowd: CrowdLike, label: string, seconds: number, warmup: number): Promise<PhaseAccumulator> {
  await crowd.snapshot(); // resets the windows
  const server = new TreeCpuMeter(serverRoots(ctx));
  const meters = { pg: new CpuMeter(pgPids), redis: new CpuMeter(redisPids), nginx: new CpuMeter(nginxPids), pgb: new CpuMeter(pgbouncerPids) };
  const begin = () => [server, ...Object.values(meters)].forEach((m) => m.begin());
  const windows: MergedWindow[] = [];
  const probeLog: Probe[] = [];
  const t0 = Date.now();
  let counting = warmup <= 0;
  if (counting) begin();
  while (Date.now() - t0 < (seconds + warmup) * 1000) {
    const tickMeter = new TreeCpuMeter(serverRoots(ctx));
    tickMeter.begin();
    await sleep(Math.min(2_000, (seconds + warmup) * 1000 - (Date.now() - t0)));
    const w = await crowd.snapshot();
    const secs = w.ms / 1000;
    const lat = percentiles(w.latencies);
    const servers = serverServices(ctx);
    const rss = servers.map((s) => treeRssKb(s.pid));
    const childRss = rss.some((r) => r.children) ? ` (children ${rss.map((r) => Math.round(r.childrenKb / 1024)).join("+")} MB)` : "";
    const errors = Object.values(w.errors).reduce((a, b) => a + b, 0);
    const probes = servers.filter((x) => x.name.startsWith("app#")).map((x) => x.probe());
    const probeText = probes.length
      ? ` · loop lag p99 ${probes.map((p) => p?.lagP99 ?? "?").join("+")} ms, heap used/total ${probes.map((p) => `${p?.heapMb ?? "?"}/${p?.heapTotalMb ?? "?"} MB (young ${p?.youngMb ?? "?"}, external ${p?.externalMb ?? "?"})`).join(" + ")}, pool busy ${probes.map((p) => p?.poolBusy ?? "?").join("+")} waiting ${probes.map((p) => p?.poolWaiting ?? "?").join("+")}`
      : "";
    if (counting) for (const p of probes) if (p) probeLog.push(p);
    console.log(
      `  [${label} ${Math.round((Date.now() - t0) / 1000)}/${seconds + warmup} s${counting ? "" : " warm-up"}] sockets ${fmt(w.connected)} · sent ${fmt(w.sent / secs)}/s acked ${fmt(w.acked / secs)}/s delivered ${fmt(w.delivered / secs)}/s · e2e p50 ${lat.p50} p99 ${lat.p99} max ${lat.max} ms · errors ${errors} drops ${w.drops} churned ${w.churned} · server cpu ${cpuText(tickMeter.end(), servers.length)} rss ${rss.map((r) => Math.round(r.frontKb / 1024)).join("+")} MB${childRss}${probeText}`,
    );
    if (counting) windows.push(w);
    if (!counting && Date.now() - t0 >= warmup * 1000) {
      counting = true;
      begin();
    }
  }
  const merged = mergeWindows(windows);
  return {
    windows,
    merged,
    seconds: merged.ms / 1000,
    server: server.end(),
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

export function mergeWindows(windows: MergedWindow[]): MergedWindow {
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

export function phaseSummary(ctx: BenchContext, name: string, rate: number, p: PhaseAccumulator, persisted?: number) {
  const w = p.merged;
  const s = Math.max(0.001, p.seconds);
  const rss = serverServices(ctx).map((x) => treeRssKb(x.pid));
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
    /** the app instances' whole process trees */
    serverCpuPct: p.server.pct,
    /** front (the started processes, which hold the sockets) and children, when there are children */
    serverCpuByRole: p.server.processes > rss.length ? { frontPct: p.server.frontPct, childrenPct: p.server.childrenPct } : null,
    /** the started processes (the socket role) */
    serverRssMb: rss.map((r) => Math.round(r.frontKb / 1024)),
    /** their children, when there are any */
    serverChildrenRssMb: rss.some((r) => r.children) ? rss.map((r) => Math.round(r.childrenKb / 1024)) : null,
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

/** Between phases: wait (bounded) for unacked sends, then give up on the rest so no backlog carries over. */
export async function settle(crowd: CrowdLike, seconds = 10): Promise<{ unackedAfterWait: number; abandoned: number }> {
  const unackedAfterWait = await crowd.drain(seconds * 1000);
  const abandoned = await crowd.forget();
  await sleep(1_000);
  await crowd.snapshot();
  if (abandoned) log(`  ${abandoned} sends still unacked after ${seconds} s: given up (never acked, so not counted as lost)`);
  return { unackedAfterWait, abandoned };
}

export function logPhase(p: PhaseSummary): void {
  const byRole = p.serverCpuByRole ? ` (front ${p.serverCpuByRole.frontPct} %, children ${p.serverCpuByRole.childrenPct} %)` : "";
  log(
    `${p.name}: sent ${p.sentPerS}/s, acked ${p.ackedPerS}/s, persisted ${p.persistedPerS ?? "-"}/s, delivered ${p.deliveredPerS}/s (+${p.deliveredBySync} by sync) · e2e p50 ${p.latency.p50} p95 ${p.latency.p95} p99 ${p.latency.p99} max ${p.latency.max} ms · ack p99 ${p.ackLatency.p99} ms · errors ${JSON.stringify(p.errors)} · drops ${p.drops} · CPU server ${p.serverCpuPct} %${byRole} pg ${p.postgresCpuPct} % redis ${p.redisCpuPct} %`,
  );
}
