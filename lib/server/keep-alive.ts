import type { Server } from "node:http";

// A proxy in front keeps idle connections to the app open longer than Node's 5-second default (nginx's upstream
// keepalive_timeout, like most load balancers', is 60 s). When Node closes an idle connection just as the proxy
// sends the next request on it, that request fails: a reset, which nginx answers with 502. So the app keeps idle
// connections longer than the proxy does, and the proxy is always the side that closes them.
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function outlastProxyKeepAlive(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // above it, so the header timer of a kept-alive connection's next request cannot close it first
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}
