// Page load from the bench's side: each load runs in its own forked process (bench/http-load.ts), so the
// requests' CPU is neither the bench's nor the app's, and the results come back as one summary per page.
import { fork } from "node:child_process";
import type { FromHttpLoad, PageResult, ToHttpLoad } from "./protocol";
import { percentiles } from "./stats";

export async function httpLoad(message: ToHttpLoad): Promise<PageResult[]> {
  const child = fork("bench/http-load.ts", [], { execArgv: ["--import", "tsx"], serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
  try {
    return await new Promise<PageResult[]>((resolve, reject) => {
      child.once("message", (m: FromHttpLoad) => resolve(m.pages));
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
  latency: percentiles(r.latencies),
  errors: r.errors,
});
export type PageSummary = ReturnType<typeof pageSummary>;

/** The first candidate that answers 200 with the cookie (else the last): a page the build may not have yet. */
export async function pagePath(base: string, cookie: string, candidates: string[]): Promise<string> {
  for (const candidate of candidates) {
    try {
      const response = await fetch(`${base}${candidate}`, { headers: { cookie }, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status === 200) return candidate;
    } catch {
      // try the next
    }
  }
  return candidates.at(-1)!;
}
