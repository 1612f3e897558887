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
