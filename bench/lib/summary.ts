// What the run prints at its end (targets, page cost, the mixed phase), and the smoke's verdict: CI fails on
// lost or duplicated messages, dropped sockets and failed connects, never on a slow machine's latencies.
import type { MixedPhase } from "../scenarios/mixed";
import type { PageCost } from "../scenarios/page-cost";
import type { Report } from "./report";

const pad = (s: string | number, width: number) => String(s).padStart(width);

export function printSummary(report: Report): void {
  console.log("\nTargets:");
  for (const t of report.targets) console.log(`  ${t.met === null ? "·" : t.met ? "✓" : "✗"} ${t.name}: ${t.actual} (wanted ${t.target})${t.note ? ` — ${t.note}` : ""}`);

  const pageCost = report.phases.pageCost as PageCost | undefined;
  if (pageCost) {
    console.log(`\nPage cost (warm, logged in, closed loop of ${pageCost.concurrency}, ${pageCost.seconds} s each; a view is the ${pageCost.view}):`);
    console.log(`  ${"page".padEnd(28)} ${pad("views/s", 8)} ${pad("p50", 7)} ${pad("p95", 7)} ${pad("p99", 7)} ms  ${pad("CPU ms/view", 11)}  errors`);
    for (const p of pageCost.pages) {
      const split = p.processes > 1 ? ` (front ${p.frontCpuMsPerView} + children ${p.childrenCpuMsPerView})` : "";
      const errors = Object.entries(p.errors).map(([k, v]) => `${k} ×${v}`).join(", ") || "0";
      console.log(`  ${p.label.padEnd(28)} ${pad(p.viewsPerS, 8)} ${pad(p.latency.p50, 7)} ${pad(p.latency.p95, 7)} ${pad(p.latency.p99, 7)}     ${pad(p.serverCpuMsPerView ?? "–", 11)}${split}  ${errors}`);
    }
    const poll = pageCost.polling;
    if (poll) console.log(`  old design's polling: ${poll.requiredReqPerS} req/s of ${poll.page} needed for ${poll.users} users; one instance sustains ${poll.sustainedViewsPerS} views/s`);
  }

  const mixed = report.phases.mixed as MixedPhase | undefined;
  if (mixed) {
    console.log(`\nMixed phase (${mixed.sockets} sockets, ${mixed.targetRate} msg/s offered → ${mixed.deliveredPerS} delivered, ${mixed.churnPerS} reconnects/s, ${mixed.seconds} s):`);
    for (const p of mixed.pages) {
      const errors = Object.entries(p.errors).map(([k, v]) => `${k} ×${v}`).join(", ") || "0";
      console.log(`  ${`${p.name} ${p.path}`.padEnd(40)} ${pad(p.offeredReqPerS, 4)} → ${pad(p.reqPerS, 6)} req/s, p95 ${p.latency.p95} ms, errors ${errors}`);
    }
    console.log(`  ${"messages".padEnd(40)} p99 ${mixed.latency.p99} ms (p50 ${mixed.latency.p50}, p95 ${mixed.latency.p95})`);
  }
}

export function smokeVerdict(report: Report, appRan: boolean): string[] {
  const problems = [...report.failures];
  const connect = report.phases.connect as { failed: number } | undefined;
  if (connect?.failed) problems.push(`${connect.failed} connects failed`);
  for (const [name, phase] of Object.entries(report.phases)) {
    const drops = (phase as { drops?: number }).drops;
    if (drops) problems.push(`${drops} sockets dropped during ${name}`);
  }
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
