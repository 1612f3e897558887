import { ServerResponse, type Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { createAdapter, createShardedAdapter } from "@socket.io/redis-adapter";
import { loadActorForSessionToken } from "@/lib/auth/load-actor";
import { sessionIdFromCookieHeader } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { isAllowedOrigin } from "@/lib/http/allowed-origin";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { createRedisConnection, isRedisCluster, type RedisClient } from "@/lib/redis";
import { sessionRoom, socketAdapterKey, userRoom } from "@/lib/realtime/rooms";
import { nextActorRefresh, type SocketData } from "@/lib/realtime/socket-handler";
import { closeSocketsOnSessionExpiry } from "@/lib/realtime/session-expiry";
import { guardSubscription } from "@/lib/realtime/subscription-guard";

type Registrar = (socket: Socket) => void;

// one listener shared by every socket (a closure per socket costs memory on thousands of them)
function countDeliveredMessages(event: string): void {
  if (event === "message:new") metrics().messagesDelivered.inc();
}

export const MAX_SOCKETS_PER_USER = 20;

// The sharded adapter subscribes to a room's channel when the room is created, without waiting for Redis: a message
// published in between (the client's first `sync` already answered) would miss the new socket. Subscribing before
// the handshake completes closes that gap; the adapter's own SSUBSCRIBE on join then changes nothing, and its
// SUNSUBSCRIBE when the room empties still applies. One call per channel: each may live on another shard.
async function subscribeRoomChannels(ssubscribe: (channel: string) => Promise<unknown>, channelPrefix: string, rooms: string[]): Promise<void> {
  await Promise.all(rooms.map((room) => ssubscribe(`${channelPrefix}#/#${room}#`)));
}

// @socket.io/redis-adapter 8.3.0 sends SSUBSCRIBE and SUNSUBSCRIBE (a room created or emptied) without handling their
// promise. While a master is failing over they are refused, and an unhandled rejection ends a Node process: every
// socket instance would crash with one Redis master. ioredis has recorded the channel before sending (and dropped it
// for an unsubscribe), and resubscribes what it records on the new master, so a failure here only needs logging;
// meanwhile the subscription guard keeps sockets off this instance.
// Returns the unguarded SSUBSCRIBE, for the handshake: a socket whose channels could not be subscribed must not connect.
function logShardedSubscriptionFailures(sub: RedisClient): (channel: string) => Promise<unknown> {
  const unguarded = sub.ssubscribe.bind(sub) as (...channels: string[]) => Promise<unknown>;
  for (const command of ["ssubscribe", "sunsubscribe"] as const) {
    const send = sub[command].bind(sub) as (...channels: string[]) => Promise<unknown>;
    (sub as unknown as Record<string, unknown>)[command] = (...channels: string[]) =>
      send(...channels).catch((err: unknown) => {
        logger().warn({ err, command, channels: channels.length }, "sharded subscription command failed");
        return 0;
      });
  }
  return unguarded;
}

/** Socket.IO on the app's HTTP server: Redis adapter, session-cookie handshake, per-user rooms. */
export function createSocketServer(httpServer: HttpServer, registrars: Registrar[] = []): Server {
  const pub = createRedisConnection({ enableAutoPipelining: true });
  // on a cluster: one subscriber per master for the sharded channels (SSUBSCRIBE goes to the shard of the channel)
  const sub = createRedisConnection({ shardedSubscribers: true });
  const key = socketAdapterKey(env().REDIS_PREFIX);
  const ssubscribe = isRedisCluster() ? logShardedSubscriptionFailures(sub) : undefined;
  const io = new Server(httpServer, {
    path: "/socket.io",
    // other upgrade requests (Next's dev HMR) are left for Next to handle
    destroyUpgrade: false,
    perMessageDeflate: false,
    cors: { origin: env().APP_URL, credentials: true },
    // CORS does not apply to websockets: a page on another site could open one with the user's cookie
    allowRequest: (req, callback) => callback(null, isAllowedOrigin(req.headers.origin)),
    // Redis Cluster: sharded pub/sub (Redis 7), where a message goes to the one shard of its channel instead of
    // every node of the cluster, and an instance subscribes only to the rooms it holds (dynamic mode: a
    // broadcast to one user's room reaches only the instances with that user's sockets)
    adapter: isRedisCluster() ? createShardedAdapter(pub, sub, { channelPrefix: key, subscriptionMode: "dynamic" }) : createAdapter(pub, sub, { key }),
  });

  guardSubscription(io, sub);

  // engine.io hands middlewares a stand-in response for a websocket upgrade and keeps it, and through it the
  // whole HTTP request, until the socket closes: remembered here so the connection handler can let go of it
  const upgradeResponses = new WeakMap<object, { req: unknown }>();
  io.engine.use((req: object, res: object, next: () => void) => {
    if (!(res instanceof ServerResponse)) upgradeResponses.set(req, res as { req: unknown });
    next();
  });

  io.use(async (socket, next) => {
    try {
      const actor = await loadActorForSessionToken(sessionIdFromCookieHeader(socket.handshake.headers.cookie));
      if (!actor) {
        const error = new Error("UNAUTHENTICATED") as Error & { data?: unknown };
        error.data = { code: "UNAUTHENTICATED", message: "Oturumunuz bulunamadı. Lütfen yeniden giriş yapın." };
        return next(error);
      }
      // before the cap below: its check and the join after it must not be split by an await
      if (ssubscribe) await subscribeRoomChannels(ssubscribe, key, [userRoom(actor.id), sessionRoom(actor.sessionId)]);
      // tabs, phones and the installed app of one lawyer, on this instance: more is a script
      if ((io.of("/").adapter.rooms.get(userRoom(actor.id))?.size ?? 0) >= MAX_SOCKETS_PER_USER) {
        const error = new Error("RATE_LIMITED") as Error & { data?: unknown };
        error.data = { code: "RATE_LIMITED", message: "Çok fazla açık sekme ya da cihaz var. Kullanmadıklarınızı kapatıp sayfayı yenileyin." };
        return next(error);
      }
      const data: SocketData = { actor, actorRefreshAt: nextActorRefresh() };
      socket.data = data;
      // joined here, in the step that checked the cap, not in the connection handler: Socket.IO runs that a tick
      // later, and handshakes whose lookups resolve in one batch (a burst of tabs) would all pass the check first
      socket.join([userRoom(actor.id), sessionRoom(actor.sessionId)]);
      next();
    } catch (error) {
      logger().error({ err: error }, "socket handshake failed");
      next(new Error("INTERNAL"));
    }
  });

  io.on("connection", (socket) => {
    // authenticated: the raw HTTP request and its headers (the session token among them) are not needed any
    // more and would stay in memory for every connection (Socket.IO's memory guide)
    const conn = socket.conn as unknown as { request: object | null };
    const upgrade = conn.request && upgradeResponses.get(conn.request);
    if (upgrade) upgrade.req = null;
    conn.request = null;
    socket.handshake.headers = {};
    socket.onAnyOutgoing(countDeliveredMessages);
    for (const register of registrars) register(socket);
  });
  closeSocketsOnSessionExpiry(io);

  return io;
}
