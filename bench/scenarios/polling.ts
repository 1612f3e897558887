// The old design's polling load against what one instance sustains: every user fetched the conversation list
// every 5 s (N/5 req/s). Closed loop, 32 keep-alive connections, straight at one instance; ours at idle is 0 req/s.
// The same loop on the job board; for both pages the server's CPU per request (what one page view costs).
import type { AppStack } from "../lib/app-stack";
import type { BenchContext } from "../lib/context";
import { httpLoad, pageSummary } from "../lib/http";
import { fmt, log } from "../lib/log";
import { TreeCpuMeter } from "../lib/process-tree";
import type { Report } from "../lib/report";

export async function runPolling(ctx: BenchContext, stack: AppStack, cookies: string[], pages: { jobBoard: string; conversationList: string }, localAddress: string, report: Report): Promise<void> {
  const seconds = ctx.opts.smoke ? 2 : 5;
  const app = stack.apps[0];
  const closedLoop = async (name: string, pagePath: string) => {
    const meter = new TreeCpuMeter(() => [app.pid]);
    meter.begin();
    const [result] = await httpLoad({ type: "closed-loop", base: stack.directUrl, page: { name, path: pagePath, rate: 0 }, cookies, concurrency: 32, durationS: seconds, localAddress });
    const cpu = meter.end();
    const summary = pageSummary(result);
    return { ...summary, serverCpuPct: cpu.pct, serverCpuMsPerRequest: Math.round((cpu.ms * 100) / Math.max(1, summary.ok)) / 100 };
  };
  const sustained = await closedLoop("conversation list", pages.conversationList);
  const board = await closedLoop("job board", pages.jobBoard);
  report.phases.polling = {
    users: ctx.opts.users,
    intervalS: 5,
    requiredReqPerS: ctx.opts.users / 5,
    sustainedReqPerS: sustained.reqPerS,
    sustainedLatency: sustained.latency,
    serverCpuMsPerRequest: sustained.serverCpuMsPerRequest,
    errors: sustained.errors,
    page: pages.conversationList,
    jobBoard: { page: pages.jobBoard, reqPerS: board.reqPerS, latency: board.latency, serverCpuMsPerRequest: board.serverCpuMsPerRequest, errors: board.errors },
    concurrency: 32,
    seconds,
    // the measured sockets held with zero HTTP requests: the client has no polling timer at all
    ourIdleReqPerS: 0,
  };
  log(`polling: the old design needs ${fmt(ctx.opts.users / 5)} req/s of ${pages.conversationList}; one instance sustains ${fmt(sustained.reqPerS)} req/s (p99 ${sustained.latency.p99} ms, ${sustained.serverCpuMsPerRequest} ms server CPU per request); ours at idle: 0 req/s`);
  log(`page cost: ${pages.jobBoard} sustains ${fmt(board.reqPerS)} req/s (p99 ${board.latency.p99} ms) at ${board.serverCpuMsPerRequest} ms server CPU per request`);
}
