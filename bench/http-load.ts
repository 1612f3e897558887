// HTTP load process (forked by bench/run.ts): page requests at a fixed rate (open loop, latency measured from the
// scheduled time so a stalled server cannot hide its queue), or page views as fast as a few keep-alive
// connections go (closed loop) to find what one view costs and what one instance sustains.
import http from "node:http";
import type { FromHttpLoad, HttpPage, PageResult, ToHttpLoad } from "./lib/protocol";

const REQUEST_TIMEOUT_MS = 10_000;

type Answer = { status: number; cacheHit: boolean };

function request(agent: http.Agent, base: URL, path: string, cookie: string, localAddress: string, accept = "text/html"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        path,
        localAddress,
        headers: { cookie, "user-agent": "tevkil-bench", accept },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        res.on("data", () => undefined);
        res.on("end", () => resolve({ status: res.statusCode ?? 0, cacheHit: res.headers["x-page-cache"] === "hit" }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    // also bounds the time a request waits for a free keep-alive socket (the socket timeout does not)
    const deadline = setTimeout(() => req.destroy(new Error("timeout")), REQUEST_TIMEOUT_MS);
    req.on("close", () => clearTimeout(deadline));
    req.on("error", reject);
    req.end();
  });
}

const emptyResult = (page: HttpPage): PageResult => ({ name: page.name, path: page.path, sent: 0, ok: 0, cacheHits: 0, errors: {}, latencies: [], seconds: 0 });
const bump = (record: Record<string, number>, key: string) => void (record[key] = (record[key] ?? 0) + 1);

async function openLoop(message: Extract<ToHttpLoad, { type: "open" }>): Promise<PageResult[]> {
  const base = new URL(message.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const results = message.pages.map(emptyResult);
  const inflight: Promise<void>[] = [];
  const started = performance.now();
  const end = started + message.durationS * 1000;
  let cookieIndex = 0;
  await Promise.all(
    message.pages.map(async (page, i) => {
      if (page.rate <= 0) return;
      const interval = 1000 / page.rate;
      for (let k = 0; ; k++) {
        const scheduled = started + k * interval;
        if (scheduled >= end) break;
        const wait = scheduled - performance.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
        const cookie = message.cookies[cookieIndex++ % message.cookies.length];
        results[i].sent++;
        inflight.push(
          request(agent, base, page.paths ? page.paths[k % page.paths.length] : page.path, cookie, message.localAddress, page.accept).then(
            ({ status, cacheHit }) => {
              if (status >= 200 && status < 400) {
                results[i].ok++;
                if (cacheHit) results[i].cacheHits++;
                results[i].latencies.push(performance.now() - scheduled);
              } else bump(results[i].errors, `HTTP ${status}`);
            },
            (error: Error) => bump(results[i].errors, error.message.slice(0, 60)),
          ),
        );
      }
    }),
  );
  await Promise.all(inflight);
  const seconds = (performance.now() - started) / 1000;
  for (const r of results) r.seconds = seconds;
  agent.destroy();
  return results;
}

async function viewLoop(message: Extract<ToHttpLoad, { type: "views" }>): Promise<PageResult[]> {
  const base = new URL(message.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: message.concurrency });
  let cookieIndex = 0;
  // a view counts only when both answers are 200: a redirect (to the login page) would measure another page
  const view = async (result: PageResult) => {
    const cookie = message.cookies[cookieIndex++ % message.cookies.length];
    const t0 = performance.now();
    result.sent++;
    try {
      const { status, cacheHit } = await request(agent, base, message.page.path, cookie, message.localAddress, message.page.accept);
      if (status !== 200) return bump(result.errors, `HTTP ${status}`);
      for (const path of message.then) {
        const personal = await request(agent, base, path, cookie, message.localAddress, "application/json");
        if (personal.status !== 200) return bump(result.errors, `${path} HTTP ${personal.status}`);
      }
      result.ok++;
      if (cacheHit) result.cacheHits++;
      result.latencies.push(performance.now() - t0);
    } catch (error) {
      bump(result.errors, (error as Error).message.slice(0, 60));
    }
  };
  // every connection loops until the deadline; the loop returns when the views in flight have ended
  const loop = (result: PageResult, seconds: number) => {
    const end = performance.now() + seconds * 1000;
    return Promise.all(
      Array.from({ length: message.concurrency }, async () => {
        while (performance.now() < end) await view(result);
      }),
    );
  };
  // every lawyer's copy of a per-lawyer page (/panel, /mesajlar) is rendered once before anything is measured,
  // then the loop runs warm for warmupS: the measured views are warm ones, whatever the machine's speed
  const warm = emptyResult(message.page);
  await Promise.all(Array.from({ length: message.concurrency }, async () => {
    while (warm.sent < message.cookies.length) await view(warm);
  }));
  await loop(warm, message.warmupS);
  process.send?.({ type: "measuring" } satisfies FromHttpLoad);
  const result = emptyResult(message.page);
  const started = performance.now();
  await loop(result, message.durationS);
  result.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return [result];
}

process.on("message", (message: ToHttpLoad) => {
  const run = message.type === "open" ? openLoop(message) : viewLoop(message);
  void run.then((pages) => process.send?.({ type: "result", pages } satisfies FromHttpLoad));
});
process.on("disconnect", () => process.exit(0));
