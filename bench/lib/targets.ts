// The targets, judged from one run's report (its config says at which size and rate it ran).
import type { NotificationThroughput } from "../notification-throughput";
import type { MixedPhase } from "../scenarios/mixed";
import { fmt } from "./log";
import type { PhaseSummary } from "./measure";
import type { Report } from "./report";

type Config = { users: number; instances: number; rate: number; duration: number };

export function evaluateTargets(report: Report): void {
  const cfg = report.config as Config;
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
  const hold = report.phases.hold as (PhaseSummary & { held: number; rssPerConnectionKb: number[]; marginalRssPerConnectionKb: number[]; liveHeapPerConnectionKb: (number | null)[] }) | undefined;
  const connect = report.phases.connect as { connected: number; failed: number } | undefined;
  const messages = report.phases.messages as PhaseSummary | undefined;
  const mixed = report.phases.mixed as MixedPhase | undefined;
  const appSteps = report.phases.appSteps as { maxRateAtP99Under100: number } | undefined;
  const bare = report.phases.bare as { maxRateAtP99Under100: number } | undefined;
  const single = cfg.instances === 1;
  if (hold && connect) {
    add(`${fmt(cfg.users)} sockets held ${cfg.duration} s, zero drops`, single ? "10,000 / 0 drops" : "30,000 / 0 drops", `${fmt(hold.held)} / ${hold.drops} drops`, hold.held === cfg.users && hold.drops === 0 && connect.failed === 0);
    const worst = Math.max(...hold.rssPerConnectionKb);
    const marginal = Math.max(...hold.marginalRssPerConnectionKb);
    const live = hold.liveHeapPerConnectionKb.filter((k): k is number => k !== null);
    const liveText = live.length ? ` (live JavaScript heap ${Math.max(...live)} KB of it)` : "";
    add("server RSS per connection", "≤ 30 KB", `${worst} KB over the pre-connect baseline${liveText}, ${marginal} KB marginal`, worst <= 30);
  }
  if (messages) {
    const rate = Math.min(messages.persistedPerS ?? 0, messages.deliveredPerS);
    if (single) add(`messages persisted + delivered at ${cfg.rate}/s`, "≥ 2,000 msg/s, p99 ≤ 100 ms", `${fmt(rate)} msg/s, p99 ${messages.latency.p99} ms`, rate >= Math.min(2_000, cfg.rate) * 0.98 && messages.latency.p99 <= 100);
    else add(`cross-instance delivery at ${cfg.rate}/s`, "p99 ≤ 150 ms at 1,000 msg/s", `${fmt(rate)} msg/s, cross-instance p99 ${messages.crossInstanceLatency.p99} ms (all ${messages.latency.p99} ms)`, rate >= cfg.rate * 0.98 && messages.crossInstanceLatency.p99 <= 150);
  }
  if (appSteps && bare && bare.maxRateAtP99Under100 > 0) {
    const ratio = appSteps.maxRateAtP99Under100 / bare.maxRateAtP99Under100;
    add("share of the bare relay's max at p99 ≤ 100 ms", "≥ 50 %", `${Math.round(ratio * 100)} % (${fmt(appSteps.maxRateAtP99Under100)} vs ${fmt(bare.maxRateAtP99Under100)} msg/s)`, ratio >= 0.5);
  }
  if (mixed) {
    const board = mixed.pages[0];
    add(`job board p95 at ${board.reqPerS} req/s with ${fmt(mixed.sockets)} sockets and ${mixed.deliveredPerS} msg/s`, "p95 ≤ 50 ms at 200 req/s", `p95 ${board.latency.p95} ms`, board.latency.p95 <= 50 && Object.keys(board.errors).length === 0);
  }
  const below = report.phases.mixedBelowCeiling as MixedPhase | undefined;
  if (below) {
    const board = below.pages[0];
    add(`(for reference) job board p95 at ${board.reqPerS} req/s with ${below.deliveredPerS} msg/s, below the app's ceiling`, "p95 ≤ 50 ms", `p95 ${board.latency.p95} ms`, null);
  }
  if (report.ledger) add("lost / duplicated messages", "0 / 0", `${report.ledger.lost} / ${report.ledger.duplicated}`, report.ledger.lost === 0 && report.ledger.duplicated === 0);
}
