// What the run prints at its end, and the smoke's verdict: CI fails on lost or duplicated messages, dropped
// sockets and failed connects, never on a slow machine's latencies.
import type { Report } from "./report";

export function printSummary(report: Report): void {
  console.log("\nTargets:");
  for (const t of report.targets) console.log(`  ${t.met === null ? "·" : t.met ? "✓" : "✗"} ${t.name}: ${t.actual} (target ${t.target})`);
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
