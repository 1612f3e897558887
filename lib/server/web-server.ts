import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type net from "node:net";
import next from "next";
import type { Env } from "@/lib/env";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";
import { labelMetricsProcess } from "@/lib/observability/metrics";
import { observeRequest } from "@/lib/observability/request-observer";
import { listenForParentMetrics, METRICS_PATH, serveMetrics } from "@/lib/observability/serve-metrics";
import { servePageFromCache } from "@/lib/page-cache/serve-page";
import { logger } from "@/lib/observability/logger";
import { guardActionBody } from "@/lib/server/action-body-guard";
import { answerPageErrors } from "@/lib/server/page-error-answer";
import { adoptConnection, isRealtimeRequestLine, rawRequestHead } from "@/lib/server/connection-router";
import { outlastProxyKeepAlive } from "@/lib/server/keep-alive";
import type { ConnectionMessage } from "@/lib/server/web-process";
import { warmUpPages } from "@/lib/server/web-warm-up";
import { serveViewer, VIEWER_PATH } from "@/lib/viewer/serve-viewer";
import { CONVERSATION_LIST_PATH } from "@/lib/messaging/conversation-list-endpoint";
import { serveConversationList } from "@/lib/messaging/serve-conversation-list";

/**
 * The web role: Next.js (pages, server actions, route handlers) behind the page cache. Forked by the front it
 * takes connections over IPC and sends a Socket.IO upgrade back; on its own (SERVER_ROLE=web) it listens on PORT
 * and refuses Socket.IO, which the proxy in front routes to the socket instances.
 */
export async function startWebServer(config: Env, dev: boolean): Promise<Server> {
  const app = next({ dev, hostname: "localhost", port: config.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  const handleUpgrade = app.getUpgradeHandler();
  const forked = typeof process.send === "function";
  labelMetricsProcess("web");

  const handleRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === METRICS_PATH) return void serveMetrics(req, res, { token: config.METRICS_TOKEN, withParent: forked });
    // rate limits and session records key on the client address: only a trusted proxy may supply it
    if (!config.TRUST_PROXY) req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
    // in the request, Next finds the nonce to put on its scripts; in the response, the browser the policy
    const nonce = newNonce();
    const policy = contentSecurityPolicy(nonce, { dev });
    req.headers["content-security-policy"] = policy;
    res.setHeader("Content-Security-Policy", policy);
    if (req.url === VIEWER_PATH) return void serveViewer(req, res);
    if (req.url === CONVERSATION_LIST_PATH) return void serveConversationList(req, res);
    if (!dev) answerPageErrors(res); // in development Next's error overlay says more
    guardActionBody(req, res, () => void servePageFromCache(req, res, () => handle(req, res), nonce));
  };
  // before any connection is taken; its views stay out of the request metrics and logs
  if (!dev) {
    const warmUp = await warmUpPages(handleRequest, config.WEB_WARM_UP_MS);
    if (warmUp.views) logger().info(warmUp, "web process warmed up");
  }
  const httpServer = createServer((req: IncomingMessage, res: ServerResponse) => {
    observeRequest(req, res, config.TRUST_PROXY);
    handleRequest(req, res);
  });
  outlastProxyKeepAlive(httpServer);
  httpServer.on("upgrade", (req: IncomingMessage, socket: net.Socket, head: Buffer) => {
    if (!req.url?.startsWith("/socket.io")) return void handleUpgrade(req, socket, head);
    const raw = rawRequestHead(req, head);
    if (!forked || !isRealtimeRequestLine(raw)) return void socket.destroy();
    // a browser reused a page connection for the websocket: the front carries sockets
    const message: ConnectionMessage = { type: "connection", head: raw.toString("latin1") };
    process.send!(message, socket, { keepOpen: false }, (error: Error | null) => {
      if (error) socket.destroy();
    });
  });

  if (forked) {
    listenForParentMetrics();
    process.on("message", (message: ConnectionMessage, socket?: net.Socket) => {
      if (message?.type === "connection" && socket) adoptConnection(httpServer, socket, Buffer.from(message.head, "latin1"));
    });
    // the front is gone (killed): nobody can hand us connections any more
    process.on("disconnect", () => process.exit(0));
  } else {
    await new Promise<void>((resolve) => httpServer.listen(config.PORT, resolve));
  }
  return httpServer;
}
