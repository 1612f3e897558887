import "./lib/load-dotenv";
import { closeDb } from "@/lib/db";
import { ConfigError, env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { closeRedis } from "@/lib/redis";
import { acceptHandedConnections } from "@/lib/server/connection-router";
import { trackInFlight } from "@/lib/server/in-flight";
import { startSocketFront } from "@/lib/server/socket-front";
import { startWebServer } from "@/lib/server/web-server";

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
const forkedWeb = config.SERVER_ROLE === "web" && typeof process.send === "function";

let shutdown: (signal: string) => Promise<void>;

if (config.SERVER_ROLE === "web") {
  const httpServer = await startWebServer(config, dev);
  if (forkedWeb) acceptHandedConnections(httpServer);
  const inFlight = trackInFlight(httpServer);
  if (forkedWeb) process.send!({ type: "ready" });
  else logger().info({ url: config.APP_URL, port: config.PORT }, "Tevkil web server listening");
  shutdown = async () => {
    if (!forkedWeb) httpServer.close();
    await inFlight.drain(SHUTDOWN_GRACE_MS);
  };
} else {
  const front = await startSocketFront(config);
  acceptHandedConnections(front.httpServer);
  const inFlight = trackInFlight(front.httpServer);
  const roles = front.web ? `sockets here, pages in pid ${front.web.pid}` : "sockets only";
  logger().info({ url: config.APP_URL, port: config.PORT, webPid: front.web?.pid }, `Tevkil ${dev ? "development" : "production"} server on ${config.APP_URL} (${roles})`);
  shutdown = async () => {
    // stop accepting; closing the transports (not disconnecting the sockets) makes clients reconnect elsewhere
    front.listener.close();
    front.io.engine.close();
    await Promise.all([front.web?.stop(SHUTDOWN_GRACE_MS), inFlight.drain(SHUTDOWN_GRACE_MS)]);
  };
}

let shuttingDown = false;
async function stop(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (!forkedWeb) logger().info({ signal }, "draining");
  await shutdown(signal);
  await Promise.allSettled([closeDb(), closeRedis()]);
  if (!forkedWeb) logger().info("shutdown complete");
  logger().flush();
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
// Ctrl-C reaches the whole process group: the web process waits for the front's SIGTERM instead
process.on("SIGINT", () => void (forkedWeb ? undefined : stop("SIGINT")));
