// The transport's ceiling on this machine: a plain Socket.IO server with the app's transport settings and no
// auth, no database, no Redis. Each socket joins `user:<id>` (id from the connect payload); `message:send`
// with conversationId "<userA>|<userB>" is relayed as `message:new` to both users' rooms and acked with the
// message, the same fan-out and ack shape as the app's contract. With BARE_REDIS_URL set, several relay
// processes share rooms through the Redis adapter, as the app's instances do.
import { createServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { Server } from "socket.io";

const port = Number(process.env.PORT ?? 3307);
const httpServer = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "text/plain" }).end("bare relay\n");
});
const io = new Server(httpServer, {
  path: "/socket.io",
  // the app's engine options (lib/realtime/socket-server.ts), so only auth, database and Redis differ
  perMessageDeflate: false,
});
// several relay processes share rooms through Redis, like the app's instances
if (process.env.BARE_REDIS_URL) {
  const pub = new Redis(process.env.BARE_REDIS_URL);
  io.adapter(createAdapter(pub, pub.duplicate(), { key: process.env.BARE_REDIS_PREFIX ?? "bench-bare" }));
}

let nextId = 1;
io.on("connection", (socket) => {
  const userId = String((socket.handshake.auth as { userId?: unknown }).userId ?? "");
  if (!userId) return socket.disconnect(true);
  void socket.join(`user:${userId}`);
  socket.on("message:send", (payload: { conversationId?: string; clientId?: string; body?: string }, ack?: unknown) => {
    const reply = typeof ack === "function" ? (ack as (r: unknown) => void) : () => undefined;
    const members = String(payload?.conversationId ?? "").split("|");
    if (members.length !== 2 || !members.includes(userId)) {
      return reply({ ok: false, error: { code: "FORBIDDEN", message: "not a member" } });
    }
    const message = {
      id: nextId++,
      conversationId: payload.conversationId,
      senderId: userId,
      clientId: payload.clientId,
      body: payload.body,
      createdAt: new Date().toISOString(),
    };
    io.to(members.map((m) => `user:${m}`)).emit("message:new", message);
    reply({ ok: true, message });
  });
});

httpServer.listen(port, () => console.log(`bare relay on port ${port} (pid ${process.pid})`));
const stop = () => {
  io.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
