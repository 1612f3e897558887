// BENCHMARKS.md's "Profile" section, generated from a run's report: where the CPU went (per role of the app's
// process tree and per service), which statements and Redis commands a message and a page view cost.
import type { PageCost } from "../scenarios/page-cost";
import type { PhaseSummary } from "./measure";
import type { Report } from "./report";
import { num, provenance } from "./report-status";

type Messages = PhaseSummary & {
  queriesPerMessage?: { sql: string; perMessage: number; meanMs: number; maxMs: number }[];
  queriesPerMessageTotal?: number;
  redisCommands?: { command: string; perSecond: number; usecPerCall: number; cpuPct: number; perMessage: number }[];
};

const sqlCell = (sql: string) => `\`${sql.replace(/\|/g, "/").replace(/`/g, "'")}\``;

export function renderProfile(report: Report): string {
  const lines: string[] = [provenance(report), ""];
  const push = (...l: string[]) => lines.push(...l);

  const phases = (["hold", "board", "mixedBelowCeiling", "mixed", "messages"] as const).map((k) => [k, report.phases[k] as PhaseSummary | undefined] as const).filter(([, p]) => p);
  if (phases.length) {
    const split = phases.some(([, p]) => p!.serverCpuByRole);
    push(
      `CPU by role, % of one core (200 % = the whole 2-core machine)${split ? "" : "; each app instance was one process (no children), so the app's CPU is all front"}:`,
      "",
      "| phase | app, front (sockets) | app, children (web) | PostgreSQL | Redis | nginx | PgBouncer | generators |",
      "|---|---|---|---|---|---|---|---|",
    );
    for (const [name, p] of phases) {
      const role = p!.serverCpuByRole;
      push(`| ${name} | ${role ? role.frontPct : p!.serverCpuPct} | ${role ? role.childrenPct : "–"} | ${p!.postgresCpuPct} | ${p!.redisCpuPct} | ${p!.nginxCpuPct} | ${p!.pgbouncerCpuPct} | ${p!.generatorCpuPct} |`);
    }
    push("");
  }

  const pageCost = report.phases.pageCost as PageCost | undefined;
  if (pageCost) {
    push("Per page view (the page-cost loop; statements counted in the app's `pg` client):", "", "| page | server CPU ms: front / children | statements per view | top statements (per view × mean ms) |", "|---|---|---|---|");
    for (const p of pageCost.pages) {
      const top = p.topStatements.slice(0, 3).map((q) => `${q.perView}× ${q.meanMs} ms ${sqlCell(q.sql)}`).join("<br>");
      push(`| \`${p.label}\` | ${p.frontCpuMsPerView ?? "–"} / ${p.processes > 1 ? p.childrenCpuMsPerView : "–"} | ${num(p.statementsPerView)} | ${top || "–"} |`);
    }
    push("");
  }

  const messages = report.phases.messages as Messages | undefined;
  if (messages?.queriesPerMessage?.length) {
    push(`Statements per message (messages phase, ${num(messages.targetRate)} msg/s; ${messages.queriesPerMessageTotal} in all):`, "", "| per message | mean / max ms | statement |", "|---|---|---|");
    for (const q of messages.queriesPerMessage.slice(0, 10)) push(`| ${q.perMessage} | ${q.meanMs} / ${q.maxMs} | ${sqlCell(q.sql)} |`);
    push("");
  }
  if (messages?.redisCommands?.length) {
    push("Redis commands in the messages phase (INFO commandstats, server-wide: other users of this Redis are included):", "", "| command | per message | per second | µs per call | Redis CPU % |", "|---|---|---|---|---|");
    for (const c of messages.redisCommands.slice(0, 10)) push(`| ${c.command} | ${c.perMessage} | ${num(c.perSecond)} | ${c.usecPerCall} | ${c.cpuPct} |`);
    push("");
  }
  const redisRun = report.profile?.redisCommandStats as { command: string; perSecond: number; usecPerCall: number; cpuPct: number }[] | undefined;
  if (redisRun?.length) {
    push(`Redis over all the app's phases, by CPU: ${redisRun.slice(0, 8).map((c) => `${c.command} ${num(c.perSecond)}/s (${c.cpuPct} %)`).join(" · ")}`, "");
  }
  const pgActivity = report.profile?.postgresActivity as { lines: { what: string; avgBackends: number }[] } | undefined;
  if (pgActivity?.lines.length) {
    push(`PostgreSQL backends (pg_stat_activity sampled 5×/s, average count): ${pgActivity.lines.slice(0, 6).map((l) => `${l.what.replace(/\|/g, "/")} ×${l.avgBackends}`).join(" · ")}`, "");
  }
  const cpu = report.profile?.cpu;
  if (cpu?.packages.length) {
    push(`CPU profile of the app (\`--cpu-prof\`, self time): ${cpu.packages.slice(0, 8).map((p) => `${p.what} ${p.selfPct} %`).join(" · ")}`, "");
    push(`By nearest app frame: ${cpu.byCaller.slice(0, 8).map((p) => `${p.what} ${p.selfPct} %`).join(" · ")}`, "");
  } else push("No CPU profile in this run (`--cpu-prof` adds one).", "");
  return lines.join("\n");
}
