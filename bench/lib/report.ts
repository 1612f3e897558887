// The run's report: JSON in bench/results/ and a Markdown section appended to BENCHMARKS.md.
import { appendFileSync } from "node:fs";
import type { Percentiles } from "./stats";

export type Target = { name: string; target: string; actual: string; met: boolean | null; note: string };

export type Report = {
  machine: { nproc: number; cpu: string; ramGiB: number };
  date: string;
  commit: string;
  command: string;
  config: Record<string, unknown>;
  setup: Record<string, number>;
  phases: Record<string, Record<string, unknown>>;
  ledger?: {
    acked: number;
    stored: number | null;
    delivered: number;
    lostNotStored: number;
    lostNotDelivered: number;
    lost: number;
    duplicated: number;
    storedButUnacked: number;
    unackedAtEnd: number;
    abandonedUnacked: number;
    lostExamples: string[];
  };
  profile?: Record<string, unknown> & { cpu?: { functions: { what: string; selfPct: number }[]; packages: { what: string; selfPct: number }[]; byCaller: { what: string; selfPct: number }[]; files: string[] } };
  targets: Target[];
  failures: string[];
};

type Phase = {
  sockets?: number;
  targetRate?: number;
  seconds?: number;
  sentPerS?: number;
  ackedPerS?: number;
  persistedPerS?: number | null;
  deliveredPerS?: number;
  deliveredBySync?: number;
  latency?: Percentiles;
  crossInstanceLatency?: Percentiles;
  ackLatency?: Percentiles;
  errors?: Record<string, number>;
  drops?: number;
  churned?: number;
  serverCpuPct?: number;
  serverRssMb?: number[];
  postgresCpuPct?: number;
  redisCpuPct?: number;
  nginxCpuPct?: number;
  pgbouncerCpuPct?: number;
  generatorCpuPct?: number;
};

const n = (v: unknown) => (typeof v === "number" ? v.toLocaleString("en-US") : v === null || v === undefined ? "–" : String(v));
const lat = (p?: Percentiles) => (p && p.count ? `${p.p50} / ${p.p95} / ${p.p99} / ${p.max}` : "–");
const errs = (e?: Record<string, number>) => {
  const entries = Object.entries(e ?? {});
  return entries.length ? entries.map(([k, v]) => `${k} ${v}`).join(", ") : "0";
};

export function renderMarkdown(report: Report): string {
  const lines: string[] = [];
  const cfg = report.config as { pages?: { jobBoard: string; conversationList: string }; othersRunning?: number };
  lines.push(`### ${report.date.slice(0, 16).replace("T", " ")} UTC · \`${report.command}\``);
  lines.push("");
  lines.push(
    `Machine: ${report.machine.nproc} cores (${report.machine.cpu}), ${report.machine.ramGiB} GiB RAM, shared by app, PostgreSQL, Redis and generator` +
      `${cfg.othersRunning ? ` (and ${cfg.othersRunning} processes of other test runs)` : ""} · commit \`${report.commit}\``,
  );
  lines.push("");

  const connect = report.phases.connect as Record<string, unknown> | undefined;
  const hold = report.phases.hold as (Phase & { held: number; rssPerConnectionKb: number[]; marginalRssPerConnectionKb?: number[]; serverRssBaselineMb: number[] }) | undefined;
  if (connect || hold) {
    lines.push("| sockets | connected | held | dropped | connect rate | server CPU per connect | server RSS (baseline → held) | RSS per connection (over baseline / marginal) | idle CPU server / PG / Redis |");
    lines.push("|---|---|---|---|---|---|---|---|---|");
    lines.push(
      `| ${n(connect?.sockets)} | ${n(connect?.connected)} | ${n(hold?.held)} | ${n(hold?.drops)} | ${n(connect?.perSecond)}/s | ${n(connect?.serverCpuMsPerConnect)} ms | ` +
        `${hold ? `${hold.serverRssBaselineMb.join("+")} → ${hold.serverRssMb?.join("+")} MB` : "–"} | ${hold ? `${hold.rssPerConnectionKb.join(", ")} / ${(hold.marginalRssPerConnectionKb ?? []).join(", ")} KB` : "–"} | ` +
        `${hold ? `${hold.serverCpuPct} / ${hold.postgresCpuPct} / ${hold.redisCpuPct} %` : "–"} |`,
    );
    lines.push("");
  }

  const messagePhases = (["messagesBelowCeiling", "mixedBelowCeiling", "mixed", "messages"] as const).map((k) => [k, report.phases[k] as Phase | undefined] as const).filter(([, p]) => p);
  if (messagePhases.length) {
    lines.push("| phase | rate | sent / acked / persisted / delivered msg/s | e2e p50 / p95 / p99 / max ms | cross-instance p99 | ack p50 / p95 / p99 / max ms | errors | drops / churned | CPU % server / PG / Redis / nginx / generators | server RSS MB |");
    lines.push("|---|---|---|---|---|---|---|---|---|---|");
    for (const [name, p] of messagePhases) {
      lines.push(
        `| ${name} | ${n(p!.targetRate)}/s | ${n(p!.sentPerS)} / ${n(p!.ackedPerS)} / ${n(p!.persistedPerS)} / ${n(p!.deliveredPerS)}${p!.deliveredBySync ? ` (+${p!.deliveredBySync} by sync)` : ""} | ${lat(p!.latency)} | ${p!.crossInstanceLatency?.count ? `${p!.crossInstanceLatency.p99} ms` : "–"} | ${lat(p!.ackLatency)} | ${errs(p!.errors)} | ${n(p!.drops)} / ${n(p!.churned)} | ` +
          `${p!.serverCpuPct} / ${p!.postgresCpuPct} / ${p!.redisCpuPct} / ${p!.nginxCpuPct} / ${p!.generatorCpuPct} | ${p!.serverRssMb?.join("+")} |`,
      );
    }
    lines.push("");
  }

  type Pages = { targetRate?: number; deliveredPerS?: number; pages?: { name: string; path: string; reqPerS: number; latency: Percentiles; errors: Record<string, number> }[] };
  const mixedPhases = (["mixedBelowCeiling", "mixed"] as const).map((k) => [k, report.phases[k] as Pages | undefined] as const).filter(([, p]) => p?.pages?.length);
  if (mixedPhases.length) {
    lines.push("| page (during mixed phase) | msg/s offered → delivered | req/s | p50 / p95 / p99 / max ms | errors |");
    lines.push("|---|---|---|---|---|");
    for (const [key, m] of mixedPhases) for (const p of m!.pages!) lines.push(`| ${p.name} \`${p.path}\` (${key}) | ${n(m!.targetRate)} → ${n(m!.deliveredPerS)} | ${p.reqPerS} | ${lat(p.latency)} | ${errs(p.errors)} |`);
    lines.push("");
  }

  const appSteps = report.phases.appSteps as { steps: StepRow[]; maxRateAtP99Under100: number } | undefined;
  const bare = report.phases.bare as { steps: StepRow[]; maxRateAtP99Under100: number; connected: number; processes: number } | undefined;
  if (appSteps || bare) {
    lines.push("| rate steps | msg/s offered → delivered (e2e p99 ms, server CPU %) | max at p99 ≤ 100 ms |");
    lines.push("|---|---|---|");
    if (appSteps) lines.push(`| Tevkil | ${stepCells(appSteps.steps)} | **${n(appSteps.maxRateAtP99Under100)}** |`);
    if (bare) lines.push(`| bare Socket.IO relay (${n(bare.connected)} sockets, ${bare.processes} process${bare.processes > 1 ? "es" : ""}) | ${stepCells(bare.steps)} | **${n(bare.maxRateAtP99Under100)}** |`);
    if (appSteps && bare?.maxRateAtP99Under100) lines.push(`| ratio | | **${Math.round((appSteps.maxRateAtP99Under100 / bare.maxRateAtP99Under100) * 100)} %** |`);
    lines.push("");
  }

  type PageCost = { page: string; reqPerS: number; latency: Percentiles; serverCpuMsPerRequest?: number };
  const polling = report.phases.polling as
    | { users: number; requiredReqPerS: number; sustainedReqPerS: number; sustainedLatency: Percentiles; page: string; serverCpuMsPerRequest?: number; jobBoard?: PageCost }
    | undefined;
  if (polling) {
    lines.push("| old design: poll the conversation list every 5 s | required | one instance sustains (keep-alive, 32 connections) | ours at idle |");
    lines.push("|---|---|---|---|");
    lines.push(`| ${n(polling.users)} users, \`${polling.page}\` | ${n(polling.requiredReqPerS)} req/s | ${n(polling.sustainedReqPerS)} req/s (p99 ${polling.sustainedLatency.p99} ms) | 0 req/s |`);
    lines.push("");
    const costs: PageCost[] = [{ page: polling.page, reqPerS: polling.sustainedReqPerS, latency: polling.sustainedLatency, serverCpuMsPerRequest: polling.serverCpuMsPerRequest }];
    if (polling.jobBoard) costs.push(polling.jobBoard);
    if (costs.every((c) => c.serverCpuMsPerRequest !== undefined)) {
      lines.push("| page, logged in, as fast as 32 keep-alive connections go (sockets held, no messages) | req/s | p50 / p99 ms | server CPU per request |");
      lines.push("|---|---|---|---|");
      for (const c of costs) lines.push(`| \`${c.page}\` | ${n(c.reqPerS)} | ${c.latency.p50} / ${c.latency.p99} | ${c.serverCpuMsPerRequest} ms |`);
      lines.push("");
    }
  }

  if (report.ledger) {
    const l = report.ledger;
    lines.push(`Ledger: ${n(l.acked)} acked, ${n(l.stored)} stored, ${n(l.delivered)} delivered to the recipient; **lost ${l.lost}, duplicated ${l.duplicated}**; unacked at the end ${l.unackedAtEnd}; sends given up unacked between phases ${n(l.abandonedUnacked)} (never acked, so not lost; ${n(l.storedButUnacked)} of all stored rows were never acked to their sender).`);
    lines.push("");
  }

  if (report.targets.length) {
    lines.push("| target | wanted | measured | |");
    lines.push("|---|---|---|---|");
    for (const t of report.targets) lines.push(`| ${t.name} | ${t.target} | ${t.actual} | ${t.met === null ? "" : t.met ? "met" : "**missed**"} |`);
    lines.push("");
  }

  const cpu = report.profile?.cpu;
  if (cpu?.packages.length) {
    lines.push(`CPU profile of the app (self time): ${cpu.packages.slice(0, 8).map((p) => `${p.what} ${p.selfPct} %`).join(" · ")}`);
    lines.push("");
  }
  const pgActivity = report.profile?.postgresActivity as { lines: { what: string; avgBackends: number }[] } | undefined;
  if (pgActivity?.lines.length) {
    lines.push(`PostgreSQL backends (pg_stat_activity, average count): ${pgActivity.lines.slice(0, 5).map((l) => `${l.what.replace(/\|/g, "/")} ×${l.avgBackends}`).join(" · ")}`);
    lines.push("");
  }
  return lines.join("\n");
}

type StepRow = { rate: number; deliveredPerS: number; latency: Percentiles; serverCpuPct: number; pass: boolean };
const stepCells = (steps: StepRow[]) => steps.map((s) => `${n(s.rate)} → ${n(s.deliveredPerS)} (${s.latency.p99}, ${s.serverCpuPct} %)${s.pass ? "" : " ✗"}`).join(" · ");

export function appendMarkdown(file: string, report: Report): void {
  appendFileSync(file, `\n${renderMarkdown(report)}\n`);
}
