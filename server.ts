import "./lib/load-dotenv";
import { createServer } from "node:http";
import next from "next";
import { closeDb } from "@/lib/db";
import { ConfigError, env } from "@/lib/env";
import { closeRedis } from "@/lib/redis";
import { createSocketServer } from "@/lib/realtime/socket-server";
import { realtimeRegistrars } from "@/lib/realtime/register-messaging";

const SHUTDOWN_GRACE_MS = 8_000;

function loadConfig() {
  try {
    return env();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const config = loadConfig();
const dev = config.NODE_ENV !== "production";

const app = next({ dev, hostname: "localhost", port: config.PORT });
const handle = app.getRequestHandler();
await app.prepare();
const handleUpgrade = app.getUpgradeHandler();

const httpServer = createServer((req, res) => {
  // rate limits and session records key on the client address: only a trusted proxy may supply it
  if (!config.TRUST_PROXY) req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
  void handle(req, res);
});
httpServer.on("upgrade", (req, socket, head) => {
  if (!req.url?.startsWith("/socket.io")) void handleUpgrade(req, socket, head);
});

const io = createSocketServer(httpServer, realtimeRegistrars());

httpServer.listen(config.PORT, () => {
  console.log(`Tevkil ${dev ? "development" : "production"} server on ${config.APP_URL} (port ${config.PORT}, pid ${process.pid})`);
});

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`${signal}: draining`);
  const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
  // closing the transports (not disconnecting the sockets) makes clients reconnect, to another instance
  io.engine.close();
  httpServer.closeIdleConnections();
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
  await Promise.race([closed, timeout]);
  httpServer.closeAllConnections();
  await Promise.allSettled([closeDb(), closeRedis()]);
  console.log("shutdown complete");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
