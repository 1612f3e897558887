import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { createSocketServer } from "@/lib/realtime/socket-server";
import { subscriptionGuardOf } from "@/lib/realtime/subscription-guard";

/**
 * The app's Socket.IO server (session-cookie handshake, Redis adapter) on a plain HTTP server on a free port,
 * with a client factory that tracks what it opened; `close` disconnects the clients and closes everything.
 */
export async function startSocketTestServer() {
  const httpServer = createServer();
  const io: Server = createSocketServer(httpServer);
  // as the real server does (lib/server/socket-front.ts): a handshake before the adapter's subscription is in gets
  // its transport closed, and a client that does not reconnect then hears nothing at all
  await Promise.all([new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve)), subscriptionGuardOf(io).whenSubscribed()]);
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const clients: ClientSocket[] = [];
  return {
    io,
    url,
    /** a websocket client sending this Cookie header (none when omitted); see `sessionCookie` */
    client(cookie?: string): ClientSocket {
      const socket = connect(url, { path: "/socket.io", transports: ["websocket"], reconnection: false, extraHeaders: cookie ? { cookie } : {} });
      clients.push(socket);
      return socket;
    },
    async close() {
      for (const client of clients) client.disconnect();
      // closes the engine, every socket and the HTTP server
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

export const sessionCookie = (token: string) => `authjs.session-token=${token}`;
