import { ServerResponse, type Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { loadActorForSessionToken } from "@/lib/auth/load-actor";
import { sessionIdFromCookieHeader } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { isAllowedOrigin } from "@/lib/http/allowed-origin";
import { createRedisConnection } from "@/lib/redis";
import { sessionRoom, socketAdapterKey, userRoom } from "@/lib/realtime/rooms";
import { nextActorRefresh, type SocketData } from "@/lib/realtime/socket-handler";
import { closeSocketsOnSessionExpiry } from "@/lib/realtime/session-expiry";
import { guardSubscription } from "@/lib/realtime/subscription-guard";

type Registrar = (socket: Socket) => void;

export const MAX_SOCKETS_PER_USER = 20;

/** Socket.IO on the app's HTTP server: Redis adapter, session-cookie handshake, per-user rooms. */
export function createSocketServer(httpServer: HttpServer, registrars: Registrar[] = []): Server {
  const pub = createRedisConnection({ enableAutoPipelining: true });
  const sub = createRedisConnection();
  const io = new Server(httpServer, {
    path: "/socket.io",
    // other upgrade requests (Next's dev HMR) are left for Next to handle
    destroyUpgrade: false,
    perMessageDeflate: false,
    cors: { origin: env().APP_URL, credentials: true },
    // CORS does not apply to websockets: a page on another site could open one with the user's cookie
    allowRequest: (req, callback) => callback(null, isAllowedOrigin(req.headers.origin)),
    adapter: createAdapter(pub, sub, { key: socketAdapterKey(env().REDIS_PREFIX) }),
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
      // tabs, phones and the installed app of one lawyer, on this instance: more is a script
      if ((io.of("/").adapter.rooms.get(userRoom(actor.id))?.size ?? 0) >= MAX_SOCKETS_PER_USER) {
        const error = new Error("RATE_LIMITED") as Error & { data?: unknown };
        error.data = { code: "RATE_LIMITED", message: "Çok fazla açık sekme ya da cihaz var. Kullanmadıklarınızı kapatıp sayfayı yenileyin." };
        return next(error);
      }
      const data: SocketData = { actor, actorRefreshAt: nextActorRefresh() };
      socket.data = data;
      next();
    } catch (error) {
      console.error("socket handshake failed", error);
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
    const { actor } = socket.data as SocketData;
    socket.join([userRoom(actor.id), sessionRoom(actor.sessionId)]);
    for (const register of registrars) register(socket);
  });
  closeSocketsOnSessionExpiry(io);

  return io;
}
