// Mixed: messages, page views and presence churn at once, as production sees them: 500 msg/s + 200 req/s of the
// job board + 20 req/s of the conversation list and of its data (+ the header's /api/me at the board's rate, when
// the build has it) + N/200 reconnects/s, each reconnected socket asking `sync` for what it missed. Pages open loop, with
// session cookies over keep-alive connections. When the rate steps found the app's ceiling below 500 msg/s,
// the mix also runs at 80 % of that ceiling first, so page latencies are known with the app not in overload.
import type { AppStack } from "../lib/app-stack";
import type { BenchContext } from "../lib/context";
import { crashedApps } from "../lib/app-stack";
import type { Crowd } from "../lib/crowd";
import { CONVERSATION_LIST_PAGE, CONVERSATION_LIST_PATH, VIEWER_PAGE, VIEWER_PATH, httpLoad, pageSummary, type PageSummary } from "../lib/http";
import { log } from "../lib/log";
import { logPhase, measure, phaseSummary, settle, type PhaseSummary } from "../lib/measure";
import type { HttpPage } from "../lib/protocol";
import type { Report } from "../lib/report";
import { BOARD_PATH } from "./board";

export type MixedPhase = PhaseSummary & { pages: (PageSummary & { offeredReqPerS: number })[]; churnPerS: number; unackedAfterWait: number; abandoned: number };

export const LIST_PATH = "/mesajlar";

async function mixedPhase(ctx: BenchContext, stack: AppStack, crowd: Crowd, cookies: string[], viewer: boolean, addresses: string[], key: string, msgRate: number): Promise<MixedPhase> {
  const { opts } = ctx;
  const boardRate = opts.smoke ? 20 : 200;
  const listRate = opts.smoke ? 5 : 20;
  const churn = Math.max(1, Math.round(opts.users / 200));
  const seconds = opts.smoke ? Math.min(opts.duration, 10) : Math.min(opts.duration, 30);
  const pages: HttpPage[] = [
    { name: "job board", path: BOARD_PATH, rate: boardRate },
    { name: "conversation list", path: LIST_PATH, rate: listRate },
    // what the list page's browser code then asks for: the lawyer's own conversations
    { name: CONVERSATION_LIST_PAGE, path: CONVERSATION_LIST_PATH, rate: listRate, accept: "application/json" },
    ...(viewer ? [{ name: VIEWER_PAGE, path: VIEWER_PATH, rate: boardRate, accept: "application/json" }] : []),
  ];
  // warm the pages (the first render compiles nothing in production, but loads the route's chunks)
  await httpLoad({ type: "open", base: stack.publicUrl, pages: pages.map((p) => ({ ...p, name: `warm ${p.name}`, rate: 10 })), cookies, durationS: 1, localAddress: addresses[0] });
  log(`${key}: ${msgRate} msg/s + ${pages.map((p) => `${p.rate} req/s ${p.path}`).join(" + ")} + ${churn} reconnects/s for ${seconds} s`);
  crowd.setRate(msgRate);
  crowd.setChurn(churn);
  const [phase, pageResults] = await Promise.all([
    measure(ctx, crowd, key, seconds, 0),
    httpLoad({ type: "open", base: stack.publicUrl, pages, cookies, durationS: seconds, localAddress: addresses[1 % addresses.length] }),
  ]);
  crowd.setRate(0);
  crowd.setChurn(0);
  const summary = phaseSummary(ctx, key, msgRate, phase);
  logPhase(summary);
  const pageSummaries = pageResults.map((r, i) => ({ ...pageSummary(r), offeredReqPerS: pages[i].rate }));
  for (const p of pageSummaries) log(`  ${p.name} ${p.path}: ${p.reqPerS} req/s, p50 ${p.latency.p50} p95 ${p.latency.p95} p99 ${p.latency.p99} ms, ${p.cacheHitPercent} % from the page cache, errors ${JSON.stringify(p.errors)}`);
  return { ...summary, pages: pageSummaries, churnPerS: churn, ...(await settle(crowd)) };
}

export async function runMixed(ctx: BenchContext, stack: AppStack, crowd: Crowd, cookies: string[], viewer: boolean, addresses: string[], report: Report): Promise<void> {
  const target = ctx.opts.smoke ? 50 : 500;
  const ceiling = (report.phases.appSteps as { maxRateAtP99Under100?: number } | undefined)?.maxRateAtP99Under100 ?? 0;
  if (ceiling > 0 && ceiling < target) {
    report.phases.mixedBelowCeiling = await mixedPhase(ctx, stack, crowd, cookies, viewer, addresses, "mixedBelowCeiling", Math.max(25, Math.round((ceiling * 0.8) / 25) * 25));
  }
  if (!crashedApps(ctx, report)) report.phases.mixed = await mixedPhase(ctx, stack, crowd, cookies, viewer, addresses, "mixed", target);
}
