// Board alone: the job board at a fixed rate (open loop, latency from the scheduled time) with every socket
// connected and no messages: what the app serves of pages when the sockets are only held.
import type { AppStack } from "../lib/app-stack";
import type { BenchContext } from "../lib/context";
import type { Crowd } from "../lib/crowd";
import { httpLoad, pageSummary } from "../lib/http";
import { fmt, log, sleep } from "../lib/log";
import { measure, phaseSummary } from "../lib/measure";
import type { Report } from "../lib/report";

export const BOARD_PATH = "/ilanlar";

export async function runBoardAlone(ctx: BenchContext, stack: AppStack, crowd: Crowd, cookies: string[], localAddress: string, report: Report): Promise<void> {
  const rate = ctx.opts.smoke ? 50 : 500;
  const seconds = ctx.opts.smoke ? 5 : 15;
  log(`board: ${rate} req/s of ${BOARD_PATH} for ${seconds} s, the sockets held, no messages`);
  const [phase, [page]] = await Promise.all([
    measure(ctx, crowd, "board", seconds, 0),
    httpLoad({ type: "open", base: stack.publicUrl, pages: [{ name: "job board", path: BOARD_PATH, rate }], cookies, durationS: seconds, localAddress }),
  ]);
  const summary = pageSummary(page);
  report.phases.board = { ...phaseSummary(ctx, "board", 0, phase), offeredReqPerS: rate, page: summary };
  log(`board: ${summary.reqPerS} req/s served of ${rate} offered (${fmt(summary.ok)} of ${fmt(summary.requests)}) with ${fmt(phase.merged.connected)} sockets, p50 ${summary.latency.p50} p95 ${summary.latency.p95} p99 ${summary.latency.p99} ms, errors ${JSON.stringify(summary.errors)}, server CPU ${phase.server.pct} %`);
  // requests the client gave up on may still be rendering: let them finish before the next phase
  await sleep(3_000);
}

// board views that each miss the page cache: a province, a search word and an order not asked for before
const SEARCH_WORDS = ["kira", "haciz", "duruşma", "tespit", "ticaret", "işçi", "boşanma", "icra", "tebligat", "dilekçe"];
const ORDERS = ["soonest", "newest", "fee"];
export const boardMissPaths = (): string[] =>
  ORDERS.flatMap((order) => SEARCH_WORDS.flatMap((word) => Array.from({ length: 81 }, (_, i) => `${BOARD_PATH}?il=${i + 1}&q=${encodeURIComponent(word)}&sirala=${order}`)));

/** tevkil_db_replica_reads_total of every instance, summed by who served the read: "replica/caught-up" → count. */
async function replicaReads(stack: AppStack, token: string): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (const app of stack.apps) {
    const text = await fetch(`http://127.0.0.1:${app.port}/api/metrics`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.text());
    for (const match of text.matchAll(/^tevkil_db_replica_reads_total\{([^}]*)\} (\d+)/gm)) {
      const labels = Object.fromEntries([...match[1].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      const key = `${labels.served}/${labels.reason}`;
      totals[key] = (totals[key] ?? 0) + Number(match[2]);
    }
  }
  return totals;
}

/**
 * --replica: the board at a fixed rate with every view a page-cache miss, so every view reads the jobs from the
 * database: from the replica when it has replayed what the primary had committed, else from the primary.
 */
export async function runBoardMisses(ctx: BenchContext, stack: AppStack, crowd: Crowd, cookies: string[], localAddress: string, report: Report): Promise<void> {
  const rate = ctx.opts.smoke ? 20 : 50;
  const seconds = ctx.opts.smoke ? 5 : 15;
  const paths = boardMissPaths();
  log(`board (cache misses, replica reads): ${rate} req/s of ${BOARD_PATH} with ${paths.length} different filters for ${seconds} s`);
  const before = await replicaReads(stack, ctx.authSecret);
  const [phase, [page]] = await Promise.all([
    measure(ctx, crowd, "boardMisses", seconds, 0),
    httpLoad({ type: "open", base: stack.publicUrl, pages: [{ name: "job board, every view a cache miss", path: BOARD_PATH, rate, paths }], cookies, durationS: seconds, localAddress }),
  ]);
  await sleep(3_000);
  const after = await replicaReads(stack, ctx.authSecret);
  const reads = Object.fromEntries(Object.entries(after).map(([key, n]) => [key, n - (before[key] ?? 0)]).filter(([, n]) => Number(n) > 0));
  const summary = pageSummary(page);
  report.phases.boardMisses = { ...phaseSummary(ctx, "boardMisses", 0, phase), offeredReqPerS: rate, page: summary, replicaReads: reads };
  log(`board (cache misses): ${summary.reqPerS} req/s served of ${rate} offered, p50 ${summary.latency.p50} p95 ${summary.latency.p95} p99 ${summary.latency.p99} ms, errors ${JSON.stringify(summary.errors)}, server CPU ${phase.server.pct} % · lag-tolerant reads ${JSON.stringify(reads)}`);
}
