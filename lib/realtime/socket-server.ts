import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { loadActorForSessionToken } from "@/lib/auth/load-actor";
import { sessionIdFromCookieHeader } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { createRedisConnection } from "@/lib/redis";
import { sessionRoom, socketAdapterKey, userRoom } from "@/lib/realtime/rooms";
import type { SocketData } from "@/lib/realtime/socket-handler";

type Registrar = (socket: Socket) => void;

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
    adapter: createAdapter(pub, sub, { key: socketAdapterKey(env().REDIS_PREFIX) }),
  });

  io.use(async (socket, next) => {
    try {
      const actor = await loadActorForSessionToken(sessionIdFromCookieHeader(socket.handshake.headers.cookie));
      if (!actor) {
        const error = new Error("UNAUTHENTICATED") as Error & { data?: unknown };
        error.data = { code: "UNAUTHENTICATED", message: "Oturumunuz bulunamadı. Lütfen yeniden giriş yapın." };
        return next(error);
      }
      const data: SocketData = { actor, actorLoadedAt: Date.now() };
      socket.data = data;
      next();
    } catch (error) {
      console.error("socket handshake failed", error);
      next(new Error("INTERNAL"));
    }
  });

  io.on("connection", (socket) => {
    // authenticated and its handshake copied: the raw HTTP request is not needed any more and holds ~10 KB
    // per connection (Socket.IO's memory guide)
    (socket.conn as unknown as { request: unknown }).request = null;
    const { actor } = socket.data as SocketData;
    socket.join([userRoom(actor.id), sessionRoom(actor.sessionId)]);
    for (const register of registrars) register(socket);
  });

  return io;
}
