import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { routeLabel } from "@/lib/observability/route-label";

const FORWARDED_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives the request an id (the proxy's X-Request-Id when it is trusted, else a new one), returns it in
 * X-Request-Id, and when the response is done records its latency by route and logs one line: no query string
 * (search terms), no headers, no body.
 */
export function observeRequest(req: IncomingMessage, res: ServerResponse, trustProxy: boolean): void {
  const started = performance.now();
  const forwarded = req.headers["x-request-id"];
  const requestId = trustProxy && typeof forwarded === "string" && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
  req.headers["x-request-id"] = requestId;
  res.setHeader("X-Request-Id", requestId);
  res.once("finish", () => {
    const seconds = (performance.now() - started) / 1000;
    const method = req.method ?? "GET";
    const route = routeLabel(method, req.url, typeof req.headers["next-action"] === "string");
    metrics().httpSeconds.observe({ route, method, status: `${Math.floor(res.statusCode / 100)}xx` }, seconds);
    logger().info({ reqId: requestId, method, route, status: res.statusCode, ms: Math.round(seconds * 10_000) / 10, cache: res.getHeader("x-page-cache") }, "request");
  });
}
