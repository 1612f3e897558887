// Page load from the bench's side: each load runs in its own forked process (bench/http-load.ts), so the
// requests' CPU is neither the bench's nor the app's, and the results come back as one summary per page.
import { fork } from "node:child_process";
import type { FromHttpLoad, PageResult, ToHttpLoad } from "./protocol";
import { percentiles } from "./stats";

/** Runs one load; `onMeasuring` is called when a view loop's warm-up is over and its measured part starts. */
export async function httpLoad(message: ToHttpLoad, onMeasuring?: () => void): Promise<PageResult[]> {
  const child = fork("bench/http-load.ts", [], { execArgv: ["--import", "tsx"], serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
  try {
    return await new Promise<PageResult[]>((resolve, reject) => {
      child.on("message", (m: FromHttpLoad) => {
        if (m.type === "measuring") onMeasuring?.();
        else resolve(m.pages);
      });
      child.once("exit", (code) => reject(new Error(`http load exited with ${code}`)));
      child.send(message);
    });
  } finally {
    child.disconnect();
    child.kill();
  }
}

export const pageSummary = (r: PageResult) => ({
  name: r.name,
  path: r.path,
  requests: r.sent,
  ok: r.ok,
  reqPerS: Math.round((r.ok / Math.max(0.001, r.seconds)) * 10) / 10,
  /** share of the served answers replayed from the page cache, % */
  cacheHitPercent: r.ok ? Math.round((r.cacheHits / r.ok) * 1000) / 10 : 0,
  latency: percentiles(r.latencies),
  errors: r.errors,
});
export type PageSummary = ReturnType<typeof pageSummary>;

/** The status one GET answers with the given cookie (0 when the request fails). */
export async function statusOf(url: string, cookie: string, accept = "text/html"): Promise<number> {
  try {
    const response = await fetch(url, { headers: { cookie, accept }, redirect: "manual" });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/**
 * The small personal endpoint every page's client fetches for its header. A build without it answers 404:
 * page views are then the page alone, and the report says so.
 */
export const VIEWER_PATH = "/api/me";
export const VIEWER_PAGE = "viewer (/api/me)";

/** The conversation list's own data: the /mesajlar page is shared, its browser code fetches the lawyer's list here. */
export const CONVERSATION_LIST_PATH = "/api/konusmalar";
export const CONVERSATION_LIST_PAGE = "conversation list data (/api/konusmalar)";
