// Page cost: what one logged-in view of each page costs the server, warm, with the sockets held and no
// messages. Closed loop (32 keep-alive connections straight at one instance), so the server is busy with
// nothing but these views: its CPU over the loop (the whole process tree) divided by the views is the cost of
// one view, and the views per second are what one instance sustains. The old design's polling of the
// conversation list is compared with what /mesajlar sustains here.
import { crashedApps, type AppStack } from "../lib/app-stack";
import type { BenchContext } from "../lib/context";
import { CONVERSATION_LIST_PATH, VIEWER_PATH, httpLoad, pageSummary, type PageSummary } from "../lib/http";
import { fmt, log } from "../lib/log";
import { TreeCpuMeter } from "../lib/process-tree";
import type { Report } from "../lib/report";
import { queryStats } from "../lib/services";

const CONCURRENCY = 32;
const WARMUP_S = 1;

/** `label` names the page in the targets and tables (ids replaced by <id>); `path` is what is requested. */
/** `data`: the personal endpoint the page's browser code fetches for its content, part of every view. */
type CostPage = { label: string; name: string; path: string; data?: string };

export type PageCostRow = PageSummary & {
  label: string;
  /** what one view requests: the page, then its personal endpoints */
  view?: string;
  viewsPerS: number;
  serverCpuPct: number;
  serverCpuMsPerView: number | null;
  frontCpuMsPerView: number | null;
  childrenCpuMsPerView: number | null;
  /** processes in the instance's tree during the loop (1: no children, no split) */
  processes: number;
  statementsPerView: number | null;
  topStatements: { sql: string; perView: number; meanMs: number }[];
};

export type PageCost = {
  view: string;
  viewIncludesViewer: boolean;
  concurrency: number;
  seconds: number;
  pages: PageCostRow[];
  /** null when the loop stopped before /mesajlar (the instance died) */
  polling: { users: number; intervalS: number; requiredReqPerS: number; page: string; sustainedViewsPerS: number; sustainedLatency: PageSummary["latency"]; ourIdleReqPerS: number } | null;
};

const pages = (content: { jobId: string; posterId: string }): CostPage[] => [
  { label: "/ilanlar", name: "job board", path: "/ilanlar" },
  { label: "/ilanlar?il=34&sirala=fee", name: "job board, İstanbul by fee", path: "/ilanlar?il=34&sirala=fee" },
  { label: "/ilanlar/<id>", name: "open job", path: `/ilanlar/${content.jobId}` },
  { label: "/avukat/<id>", name: "poster's profile", path: `/avukat/${content.posterId}` },
  { label: "/mesajlar", name: "conversation list", path: "/mesajlar", data: CONVERSATION_LIST_PATH },
  { label: "/panel", name: "dashboard", path: "/panel" },
];

export async function runPageCost(
  ctx: BenchContext,
  stack: AppStack,
  cookies: string[],
  content: { jobId: string; posterId: string },
  viewer: boolean,
  localAddress: string,
  report: Report,
): Promise<void> {
  const seconds = ctx.opts.smoke ? 3 : 5;
  const app = stack.apps[0];
  const view = viewer ? `page + ${VIEWER_PATH}` : `page alone (${VIEWER_PATH} answers 404 in this build)`;
  log(`page cost: ${CONCURRENCY} keep-alive connections at ${stack.directUrl}; per page one view for each of ${fmt(cookies.length)} lawyers, ${WARMUP_S} s warm-up, then ${seconds} s measured; a view is the ${view}`);
  const rows: PageCostRow[] = [];
  for (const page of pages(content)) {
    if (crashedApps(ctx, report)) break;
    const then = [...(viewer ? [VIEWER_PATH] : []), ...(page.data ? [page.data] : [])];
    const meter = new TreeCpuMeter(() => [app.pid]);
    let reset: Promise<unknown> = Promise.resolve();
    const [result] = await httpLoad(
      { type: "views", base: stack.directUrl, page: { name: page.name, path: page.path, rate: 0 }, then, cookies, concurrency: CONCURRENCY, warmupS: WARMUP_S, durationS: seconds, localAddress },
      () => {
        meter.begin();
        reset = queryStats([app]); // the warm-up's statements are dropped
      },
    );
    const cpu = meter.end();
    await reset;
    const queries = await queryStats([app]);
    const s = pageSummary(result);
    const perView = (n: number) => (s.ok ? Math.round((n / s.ok) * 100) / 100 : null);
    const row: PageCostRow = {
      ...s,
      label: page.label,
      view: ["page", ...then].join(" + "),
      viewsPerS: s.reqPerS,
      serverCpuPct: cpu.pct,
      serverCpuMsPerView: perView(cpu.ms),
      frontCpuMsPerView: perView(cpu.frontMs),
      childrenCpuMsPerView: perView(cpu.childrenMs),
      processes: cpu.processes,
      statementsPerView: perView(queries.reduce((sum, q) => sum + q.calls, 0)),
      topStatements: queries.slice(0, 5).map((q) => ({ sql: q.sql, perView: perView(q.calls) ?? 0, meanMs: q.meanMs })),
    };
    rows.push(row);
    const split = cpu.processes > 1 ? ` (front ${row.frontCpuMsPerView}, children ${row.childrenCpuMsPerView})` : "";
    log(`  ${page.label}: ${fmt(row.viewsPerS, 1)} views/s, p50 ${s.latency.p50} p95 ${s.latency.p95} p99 ${s.latency.p99} ms, ${row.serverCpuMsPerView ?? "–"} ms server CPU per view${split}, ${row.statementsPerView ?? "–"} statements per view, errors ${JSON.stringify(s.errors)}`);
  }
  const list = rows.find((r) => r.label === "/mesajlar");
  const polling = list ? { users: ctx.opts.users, intervalS: 5, requiredReqPerS: ctx.opts.users / 5, page: "/mesajlar", sustainedViewsPerS: list.viewsPerS, sustainedLatency: list.latency, ourIdleReqPerS: 0 } : null;
  report.phases.pageCost = { view, viewIncludesViewer: viewer, concurrency: CONCURRENCY, seconds, pages: rows, polling } satisfies PageCost;
  // the held sockets make no HTTP requests at all: the client has no polling timer
  if (polling) log(`polling: the old design needs ${fmt(polling.requiredReqPerS)} req/s of /mesajlar for ${fmt(polling.users)} users; one instance sustains ${fmt(polling.sustainedViewsPerS, 1)} views/s (p99 ${polling.sustainedLatency.p99} ms); ours at idle: 0 req/s`);
}
