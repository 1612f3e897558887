// Connect: every user's socket, through the crowd of generator processes, with the connect rate, the server
// CPU and statements per connect. The RSS and live heap before it are the hold's baseline.
import { COOKIE_NAME, type AppStack } from "../lib/app-stack";
import type { BenchContext } from "../lib/context";
import { Crowd } from "../lib/crowd";
import { fmt, log } from "../lib/log";
import { TreeCpuMeter } from "../lib/process-tree";
import type { BenchUser } from "../lib/protocol";
import type { Report } from "../lib/report";
import { liveHeap, queryStats } from "../lib/services";
import { rssKb } from "../lib/stats";

export type Connected = {
  crowd: Crowd;
  connected: number;
  /** each instance's front process before the first socket: what the sockets add is measured from here */
  baselineRss: number[];
  baselineHeap: (number | null)[];
  /** RSS when half the sockets were up (the marginal cost per socket is the slope over the second half) */
  half: { connected: number; rss: number[] } | null;
};

export async function connectCrowd(ctx: BenchContext, stack: AppStack, users: BenchUser[], generators: number, addresses: string[], report: Report): Promise<Connected> {
  const { opts } = ctx;
  const { apps } = stack;
  const baselineRss = apps.map((a) => rssKb(a.pid));
  const baselineHeap = await liveHeap(apps);
  const crowd = await Crowd.start({
    url: stack.publicUrl.replace("http:", "ws:"),
    cookieName: COOKIE_NAME,
    bare: false,
    users,
    processes: generators,
    localAddresses: addresses,
    maxInFlight: 200,
    runTag: `r${ctx.runTag}`,
  });
  log(`${generators} generator processes (pids ${crowd.pids.join(", ")}), source addresses ${addresses[0]}–${addresses.at(-1)}`);
  let lastPrint = 0;
  let half: Connected["half"] = null;
  crowd.onConnectProgress = (p) => {
    if (!half && p.connected >= opts.users / 2) half = { connected: p.connected, rss: apps.map((a) => rssKb(a.pid)) };
    if (Date.now() - lastPrint < 2_000) return;
    lastPrint = Date.now();
    console.log(`  [connect] ${fmt(p.connected)}/${fmt(opts.users)} connected, ${p.failed} failed, ${fmt(p.connected / Math.max(0.001, p.ms / 1000))}/s`);
  };
  const serverCpu = new TreeCpuMeter(() => apps.map((a) => a.pid));
  await queryStats(apps); // resets the counts
  serverCpu.begin();
  const connect = await crowd.connect();
  const cpu = serverCpu.end();
  const connectQueries = await queryStats(apps);
  report.phases.connect = {
    sockets: opts.users,
    connected: connect.connected,
    failed: connect.failed,
    seconds: Math.round(connect.seconds * 10) / 10,
    perSecond: Math.round(connect.connected / connect.seconds),
    errors: connect.errors,
    instances: connect.instances,
    serverCpuPct: cpu.pct,
    serverCpuMsPerConnect: Math.round((cpu.ms * 100) / Math.max(1, connect.connected)) / 100,
    queriesPerConnect: connectQueries.slice(0, 10).map((q) => ({ ...q, perConnect: Math.round((q.calls / Math.max(1, connect.connected)) * 100) / 100 })),
  };
  log(`connected ${fmt(connect.connected)}/${fmt(opts.users)} in ${fmt(connect.seconds, 1)} s (${fmt(connect.connected / connect.seconds)}/s), ${connect.failed} failed ${JSON.stringify(connect.errors)}; per upstream ${JSON.stringify(connect.instances)}`);
  if (connect.failed) report.failures.push(`${connect.failed} sockets failed to connect: ${JSON.stringify(connect.errors)}`);
  return { crowd, connected: connect.connected, baselineRss, baselineHeap, half };
}
