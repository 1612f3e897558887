import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import net from "node:net";
import type { Server } from "socket.io";
import type { Env } from "@/lib/env";
import { labelMetricsProcess, metrics } from "@/lib/observability/metrics";
import { METRICS_PATH, serveMetrics } from "@/lib/observability/serve-metrics";
import { queueJobCounts } from "@/lib/queue/queue-job-counts";
import { createSocketServer } from "@/lib/realtime/socket-server";
import { realtimeRegistrars } from "@/lib/realtime/register-messaging";
import { subscriptionGuardOf } from "@/lib/realtime/subscription-guard";
import { adoptConnection, routeConnection } from "@/lib/server/connection-router";
import { outlastProxyKeepAlive } from "@/lib/server/keep-alive";
import { WebProcess } from "@/lib/server/web-process";

export type SocketFront = {
  listener: net.Server;
  httpServer: HttpServer;
  io: Server;
  web: WebProcess | null;
};

/**
 * The socket role: the TCP listener and Socket.IO. With SERVER_ROLE=all it also forks the web process and passes
 * it every connection that does not start with a Socket.IO request.
 */
export async function startSocketFront(config: Env): Promise<SocketFront> {
  const withWeb = config.SERVER_ROLE === "all";
  labelMetricsProcess("socket");
  // queues are shared by every instance: each reports them, Prometheus queries take max() across instances
  metrics().sources.queueCounts = queueJobCounts;
  // reached only by requests on a connection that began as Socket.IO's (engine.io answers its own path first)
  const httpServer = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === "/api/health") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, role: config.SERVER_ROLE }));
    } else if (req.url === METRICS_PATH && !withWeb) {
      void serveMetrics(req, res, { token: config.METRICS_TOKEN, withParent: false });
    } else if (withWeb) {
      // the same request again on a new connection, which goes to the web process
      res.writeHead(307, { location: req.url ?? "/", connection: "close" }).end();
    } else {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Bu sunucu yalnızca gerçek zamanlı bağlantılara hizmet verir.");
    }
  });
  outlastProxyKeepAlive(httpServer);
  const io = createSocketServer(httpServer, realtimeRegistrars());
  metrics().sources.connectedSockets = () => io.engine.clientsCount;
  const realtime = (socket: net.Socket, head: Buffer) => adoptConnection(httpServer, socket, head);
  const web = withWeb ? new WebProcess(realtime) : null;
  if (web) await web.start();

  // connections before the adapter is subscribed would be turned away (lib/realtime/subscription-guard.ts)
  await subscriptionGuardOf(io).whenSubscribed();
  const listener = net.createServer((socket) => routeConnection(socket, { realtime, web: web ? (s, head) => web.pass(s, head) : realtime }));
  await new Promise<void>((resolve) => listener.listen(config.PORT, resolve));
  return { listener, httpServer, io, web };
}
