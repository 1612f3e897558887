import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import client from "prom-client";
import { metrics } from "@/lib/observability/metrics";

// GET /api/metrics: Prometheus text for the whole instance. With SERVER_ROLE=all the request reaches the web
// process, which asks the socket process (its parent) for its metrics over IPC and merges both; each series
// carries a `process` label. Off (404) unless METRICS_TOKEN is set; then only `Authorization: Bearer <token>`.

export const METRICS_PATH = "/api/metrics";
const PARENT_TIMEOUT_MS = 2_000;

type MetricsJson = Awaited<ReturnType<client.Registry["getMetricsAsJSON"]>>;
export type MetricsRequest = { type: "metrics:request"; id: number };
export type MetricsReply = { type: "metrics:reply"; id: number; metrics: MetricsJson };

function authorised(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(req.headers.authorization ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

let nextRequestId = 0;
const waiting = new Map<number, (metrics: MetricsJson) => void>();

/** In the forked web process: the parent's replies. */
export function listenForParentMetrics(): void {
  process.on("message", (message: MetricsReply) => {
    if (message?.type !== "metrics:reply") return;
    waiting.get(message.id)?.(message.metrics);
    waiting.delete(message.id);
  });
}

function parentMetrics(): Promise<MetricsJson | null> {
  const id = ++nextRequestId;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      resolve(null);
    }, PARENT_TIMEOUT_MS);
    waiting.set(id, (m) => {
      clearTimeout(timer);
      resolve(m);
    });
    process.send!({ type: "metrics:request", id } satisfies MetricsRequest);
  });
}

/** In the socket process: answers the web process's request. */
export async function replyWithMetrics(request: MetricsRequest, send: (reply: MetricsReply) => void): Promise<void> {
  send({ type: "metrics:reply", id: request.id, metrics: await metrics().registry.getMetricsAsJSON() });
}

export async function serveMetrics(req: IncomingMessage, res: ServerResponse, options: { token: string | undefined; withParent: boolean }): Promise<void> {
  if (!options.token) return void res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Bulunamadı");
  if (!authorised(req, options.token)) {
    return void res.writeHead(401, { "content-type": "text/plain; charset=utf-8", "www-authenticate": "Bearer" }).end("Yetkisiz");
  }
  const own = await metrics().registry.getMetricsAsJSON();
  const parent = options.withParent ? await parentMetrics() : null;
  const merged = client.AggregatorRegistry.aggregate(parent ? [own, parent] : [own]);
  res.writeHead(200, { "content-type": merged.contentType, "cache-control": "no-store" }).end(await merged.metrics());
}
