import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { logger } from "@/lib/observability/logger";

// A web process that has just started renders its first pages 10-100× slower than a warm one (each route's first
// render, then V8 compiling the hot paths), and on a deploy it is given real traffic at once. Three fresh instances
// behind nginx served 500 board views/s at p95 4.6 s for the first 15 s (BENCHMARKS.md, "Read replica"), one warm
// instance at p95 7.8 ms. So before it reports ready, the web process views its public pages for a while, as an
// anonymous visitor, through its own request handler on a loopback port of its own. What they render is what any
// visitor would be shown and may be cached: anonymous copies hold nothing personal.

const START_PATHS = ["/", "/ilanlar", "/giris"];
/** a view begun just before the budget ends may take this long */
const LAST_VIEW_GRACE_MS = 1_000;
const JOB_LINK = /href="(\/ilanlar\/(?!yeni")[A-Za-z0-9_-]{1,64})"/;
const PROFILE_LINK = /href="(\/avukat\/[A-Za-z0-9_-]{1,64})"/;

export type WarmUpResult = { views: number; failed: number; paths: string[]; ms: number };

async function view(base: string, path: string, timeoutMs: number): Promise<string | null> {
  const response = await fetch(base + path, {
    headers: { accept: "text/html", "user-agent": "tevkil-warm-up" },
    redirect: "manual",
    signal: AbortSignal.timeout(Math.ceil(timeoutMs)),
  });
  const text = await response.text();
  return response.ok ? text : null;
}

/**
 * Views the public pages (home, board, login, and the first job on the board with its poster's profile) in rounds
 * until `budgetMs` has passed. A view is given up when the budget ends, or a second after it began if that is later.
 * Never throws: a page that fails is counted, and the process starts anyway.
 */
export async function warmUpPages(handler: RequestListener, budgetMs: number): Promise<WarmUpResult> {
  const started = performance.now();
  const result: WarmUpResult = { views: 0, failed: 0, paths: [...START_PATHS], ms: 0 };
  if (budgetMs <= 0) return result;
  const server = createServer(handler);
  try {
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    while (performance.now() - started < budgetMs) {
      for (const path of result.paths) {
        // a page that hangs (PostgreSQL unreachable, say) must not keep the process from starting
        const left = budgetMs - (performance.now() - started);
        if (left <= 0) break;
        const html = await view(base, path, Math.max(left, LAST_VIEW_GRACE_MS)).catch(() => null);
        result.views++;
        if (html === null) result.failed++;
        // the board links to its jobs, a job page to its poster: found in the first round, viewed in every round
        for (const link of path === "/ilanlar" ? [JOB_LINK] : path.startsWith("/ilanlar/") ? [PROFILE_LINK] : []) {
          const found = html?.match(link)?.[1];
          if (found && !result.paths.includes(found)) result.paths.push(found);
        }
      }
      if (result.failed === result.views) break; // nothing answers: no use going round again
    }
  } catch (error) {
    logger().warn({ err: error }, "web warm-up could not start");
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}
