// Issue 10's targets, and the earlier ones that still matter, judged from one run's report: what is wanted,
// what was measured, met or missed and by how much. A run smaller than a target's size (the smoke, a quick
// --users run) shows its numbers but is not judged against it.
import type { NotificationThroughput } from "../notification-throughput";
import { BOARD_PATH } from "../scenarios/board";
import { LIST_PATH, type MixedPhase } from "../scenarios/mixed";
import type { PageCost } from "../scenarios/page-cost";
import { CONVERSATION_LIST_PAGE, VIEWER_PAGE, type PageSummary } from "./http";
import type { PhaseSummary } from "./measure";
import type { Report } from "./report";

const n = (v: number, digits = 1) => v.toLocaleString("en-US", { maximumFractionDigits: digits });

/** The pages issue 10 gives a page-cost target, one row each (labels as the page-cost loop names them). */
const PAGE_COST_TARGET_PAGES = ["/ilanlar", "/ilanlar/<id>", "/avukat/<id>", "/mesajlar", "/panel"];
const PAGE_COST_MAX_MS = 2;

/** What one target missed by: "by 4.8 ms", "board p95 by 9,730.6 ms", "12 of 4,400 requests not served". */
class Misses {
  readonly list: string[] = [];
  over(what: string, measured: number, limit: number, unit: string) {
    if (measured > limit) this.list.push(`${what ? `${what} ` : ""}by ${n(measured - limit)} ${unit}`);
  }
  add(text: string) {
    this.list.push(text);
  }
  get note() {
    if (!this.list.length) return "";
    return this.list[0].startsWith("by ") ? `missed ${this.list.join("; ")}` : `missed: ${this.list.join("; ")}`;
  }
}

type Config = { users: number; instances: number; rate: number; duration: number };
type Hold = PhaseSummary & { held: number; rssPerConnectionKb: number[]; marginalRssPerConnectionKb: number[]; liveHeapPerConnectionKb: (number | null)[] };
type Board = PhaseSummary & { offeredReqPerS: number; page: PageSummary };

const errorText = (e: Record<string, number>) => Object.entries(e).map(([k, v]) => `${k} ×${n(v, 0)}`).join(", ");

export function evaluateTargets(report: Report): void {
  const cfg = report.config as Config;
  const single = cfg.instances === 1;
  const scale = single ? 10_000 : 30_000;
  const atScale = cfg.users >= scale;
  const small = `not judged: ${n(cfg.users, 0)} sockets, the target is for ${n(scale, 0)}`;
  const add = (name: string, wanted: string, measured: string, misses: Misses, judged = true, why = small) =>
    report.targets.push({ name, target: wanted, actual: measured, met: judged ? misses.list.length === 0 : null, note: judged ? misses.note : why });
  const ledger = report.ledger;

  const mixed = report.phases.mixed as MixedPhase | undefined;
  if (mixed && single) {
    const m = new Misses();
    const page = (name: string) => mixed.pages.find((p) => p.path === name || p.name === name);
    const [board, list, viewer, listData] = [page(BOARD_PATH)!, page(LIST_PATH)!, page(VIEWER_PAGE), page(CONVERSATION_LIST_PAGE)];
    // the list reaches the lawyer after the page and then its data: judged on the sum of both p95s (an upper bound)
    const listP95 = list.latency.p95 + (listData?.latency.p95 ?? 0);
    const requests = mixed.pages.reduce((s, p) => s + p.requests, 0);
    const unserved = mixed.pages.reduce((s, p) => s + p.requests - p.ok, 0);
    if (unserved) m.add(`${n(unserved, 0)} of ${n(requests, 0)} requests not served (${mixed.pages.filter((p) => Object.keys(p.errors).length).map((p) => `${p.path}: ${errorText(p.errors)}`).join("; ")})`);
    m.over("board p95", board.latency.p95, 100, "ms");
    m.over(listData ? "/mesajlar p95 (page + data)" : "/mesajlar p95", Math.round(listP95 * 10) / 10, 150, "ms");
    m.over("messages p99", mixed.latency.p99, 150, "ms");
    if (ledger?.lost || ledger?.duplicated) m.add(`${ledger.lost} lost, ${ledger.duplicated} duplicated`);
    add(
      "mixed: 10,000 sockets, 500 msg/s + 200 req/s board + 20 req/s /mesajlar + 50 reconnects/s",
      "every request served; board p95 ≤ 100 ms; /mesajlar p95 ≤ 150 ms; messages p99 ≤ 150 ms; 0 lost / 0 duplicated",
      `${n(mixed.sockets, 0)} sockets, ${n(mixed.deliveredPerS, 0)} of ${n(mixed.targetRate, 0)} msg/s delivered, ${mixed.churnPerS} reconnects/s · ` +
        `board ${n(board.reqPerS)} req/s, p95 ${n(board.latency.p95)} ms · /mesajlar ${n(list.reqPerS)} req/s, p95 ${n(list.latency.p95)} ms` +
        `${listData ? ` + its data ${listData.path} p95 ${n(listData.latency.p95)} ms = ${n(Math.round(listP95 * 10) / 10)} ms` : ""}` +
        `${viewer ? ` · ${viewer.path} ${n(viewer.reqPerS)} req/s, p95 ${n(viewer.latency.p95)} ms` : ""} · messages p99 ${n(mixed.latency.p99)} ms · ` +
        `${n(requests - unserved, 0)} of ${n(requests, 0)} requests served · ${ledger ? `${ledger.lost} lost / ${ledger.duplicated} duplicated (the run's ledger)` : "no ledger"}`,
      m,
      atScale && mixed.targetRate >= 500,
    );
  }

  const pageCost = report.phases.pageCost as PageCost | undefined;
  for (const label of pageCost ? PAGE_COST_TARGET_PAGES : []) {
    const row = pageCost!.pages.find((p) => p.label === label);
    if (!row) continue;
    const m = new Misses();
    const failed = row.requests - row.ok;
    if (row.serverCpuMsPerView === null) m.add("no view answered 200");
    else m.over("", row.serverCpuMsPerView, PAGE_COST_MAX_MS, "ms");
    if (failed) m.add(`${n(failed, 0)} of ${n(row.requests, 0)} views failed (${errorText(row.errors)})`);
    const split = row.processes > 1 ? ` (front ${row.frontCpuMsPerView} + children ${row.childrenCpuMsPerView})` : "";
    add(
      `page cost, warm, logged in, closed loop: ${label}`,
      `≤ ${PAGE_COST_MAX_MS} ms server CPU per view`,
      `${row.serverCpuMsPerView ?? "–"} ms per view${split} · ${n(row.viewsPerS)} views/s, p95 ${n(row.latency.p95)} ms · view = ${row.view ?? pageCost!.view}`,
      m,
    );
  }

  const board = report.phases.board as Board | undefined;
  if (board && single) {
    const m = new Misses();
    const unserved = board.page.requests - board.page.ok;
    if (unserved) m.add(`${n(Math.max(0, 500 - board.page.reqPerS))} req/s short: ${n(unserved, 0)} of ${n(board.page.requests, 0)} requests not served (${errorText(board.page.errors)})`);
    m.over("p95", board.page.latency.p95, 50, "ms");
    add(
      "board alone, 10,000 idle sockets",
      "≥ 500 req/s at p95 ≤ 50 ms",
      `${n(board.page.reqPerS)} req/s served of ${n(board.offeredReqPerS, 0)} offered (open loop), p50 ${n(board.page.latency.p50)} / p95 ${n(board.page.latency.p95)} ms, ${n(board.sockets, 0)} sockets held, server CPU ${board.serverCpuPct} %`,
      m,
      atScale && board.offeredReqPerS >= 500,
    );
  }

  const misses = report.phases.boardMisses as (Board & { replicaReads: Record<string, number> }) | undefined;
  if (misses) {
    const m = new Misses();
    const unserved = misses.page.requests - misses.page.ok;
    if (unserved) m.add(`${n(unserved, 0)} of ${n(misses.page.requests, 0)} requests not served (${errorText(misses.page.errors)})`);
    const reads = Object.entries(misses.replicaReads);
    const fromReplica = reads.filter(([key]) => key.startsWith("replica/")).reduce((s, [, v]) => s + v, 0);
    const all = reads.reduce((s, [, v]) => s + v, 0);
    if (!fromReplica) m.add("no read came from the replica");
    add(
      "board with replica reads (every view a page-cache miss)",
      "every request served; the lag-tolerant reads come from the replica",
      `${n(misses.page.reqPerS)} req/s served of ${n(misses.offeredReqPerS, 0)} offered, p50 ${n(misses.page.latency.p50)} / p95 ${n(misses.page.latency.p95)} ms · ${n(fromReplica, 0)} of ${n(all, 0)} lag-tolerant reads from the replica (${reads.map(([k, v]) => `${k} ${n(v, 0)}`).join(", ")})`,
      m,
    );
  }

  const messages = report.phases.messages as PhaseSummary | undefined;
  if (messages) {
    const m = new Misses();
    const rate = Math.min(messages.persistedPerS ?? 0, messages.deliveredPerS);
    const lat = messages.latency;
    if (single) {
      if (rate < 2_000 * 0.98) m.add(`${n(2_000 - rate, 0)} msg/s short`);
      m.over("p99", lat.p99, 100, "ms");
      add("messages alone, 10,000 sockets", "2,000 msg/s at p99 ≤ 100 ms", `${n(rate, 0)} msg/s persisted + delivered of ${n(cfg.rate, 0)} offered, p50 ${n(lat.p50)} / p95 ${n(lat.p95)} / p99 ${n(lat.p99)} ms`, m, atScale && cfg.rate >= 2_000);
    } else {
      const cross = messages.crossInstanceLatency;
      if (rate < 1_000 * 0.98) m.add(`${n(1_000 - rate, 0)} msg/s short`);
      m.over("cross-instance p99", cross.p99, 150, "ms");
      add(`cross-instance delivery, ${cfg.instances} instances`, "p99 ≤ 150 ms at 1,000 msg/s", `${n(rate, 0)} msg/s, cross-instance p99 ${n(cross.p99)} ms (all ${n(lat.p99)} ms)`, m, atScale && cfg.rate >= 1_000);
    }
  }

  const hold = report.phases.hold as Hold | undefined;
  const connect = report.phases.connect as { connected: number; failed: number } | undefined;
  if (hold && connect) {
    const m = new Misses();
    if (hold.held < cfg.users) m.add(`${n(cfg.users - hold.held, 0)} not held`);
    if (hold.drops) m.add(`${n(hold.drops, 0)} drops`);
    if (connect.failed) m.add(`${n(connect.failed, 0)} connects failed`);
    // one instance: 10,000 held 60 s (the first scale target); three or more: 50,000 held (issue 15's shape, 30 s runs)
    const [holdScale, holdSeconds] = single ? [10_000, 60] : [50_000, 30];
    const holdJudged = cfg.users >= holdScale && cfg.duration >= holdSeconds;
    const holdWhy = cfg.users < holdScale ? `not judged: ${n(cfg.users, 0)} sockets, the target is for ${n(holdScale, 0)}` : `not judged: held ${cfg.duration} s, the target is ${holdSeconds} s`;
    add("sockets held", `${n(holdScale, 0)} held ${holdSeconds} s, 0 drops`, `${n(hold.held, 0)} of ${n(cfg.users, 0)} held ${cfg.duration} s, ${hold.drops} drops, ${connect.failed} connects failed`, m, holdJudged, holdWhy);
    const worst = Math.max(...hold.rssPerConnectionKb);
    const live = hold.liveHeapPerConnectionKb.filter((k): k is number => k !== null);
    const r = new Misses();
    r.over("", worst, 30, "KB");
    const children = hold.serverChildrenRssMb ? `; the children's ${hold.serverChildrenRssMb.join("+")} MB are not per socket` : "";
    add(
      "server RSS per socket",
      "≤ 30 KB",
      `${worst} KB over the pre-connect baseline (front process${live.length ? `; live JavaScript heap ${Math.max(...live)} KB of it` : ""}), ${Math.max(...hold.marginalRssPerConnectionKb)} KB marginal${children}`,
      r,
      atScale,
    );
  }

  if (ledger) {
    const m = new Misses();
    if (ledger.lost) m.add(`${ledger.lost} lost`);
    if (ledger.duplicated) m.add(`${ledger.duplicated} duplicated`);
    add("lost / duplicated messages", "0 / 0", `${ledger.lost} / ${ledger.duplicated} of ${n(ledger.acked, 0)} acked (every phase, reconnects included)`, m);
  }

  const notifications = report.phases.notifications as NotificationThroughput | undefined;
  if (notifications) {
    const m = new Misses();
    if (notifications.duplicates) m.add(`${notifications.duplicates} duplicates`);
    if (notifications.mailsReceived !== notifications.notifications) m.add(`${notifications.notifications - notifications.mailsReceived} e-mails missing`);
    add(
      "notification worker (in-app + e-mail to local SMTP)",
      "measured; no duplicates",
      `${n(notifications.notificationsPerSecond, 0)} notifications/s = ${n(notifications.jobsPerSecond, 0)} jobs/s, ${notifications.duplicates} duplicates`,
      m,
    );
  }
}
