import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createSession } from "@/lib/auth/session-store";
import type { MessagePayload } from "@/lib/messaging/message-payload";
import { openConversation } from "@/lib/messaging/open-conversation";
import { realtimeRegistrars } from "@/lib/realtime/register-messaging";
import { createSocketServer } from "@/lib/realtime/socket-server";
import { subscriptionGuardOf } from "@/lib/realtime/subscription-guard";
import { actorOf, createTestUser } from "@/test/factories";

// Test support for the messaging socket suites: an in-process app socket server and logged-in clients.

export type TestUser = Awaited<ReturnType<typeof createTestUser>> & { token: string };

export async function startSocketServer(): Promise<{ url: string; io: Server; close: () => Promise<void> }> {
  const httpServer: HttpServer = createServer();
  const io = createSocketServer(httpServer, realtimeRegistrars());
  await Promise.all([new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve)), subscriptionGuardOf(io).whenSubscribed()]);
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return { url, io, close: () => new Promise<void>((resolve) => io.close(() => resolve())) };
}

/**
 * One app socket server for the calling test file, started before its first test and closed after its last;
 * the clients a test opened are closed after it.
 */
export function socketServerForFile(): { readonly url: string; readonly io: Server } {
  let server: Awaited<ReturnType<typeof startSocketServer>> | undefined;
  beforeAll(async () => {
    server = await startSocketServer();
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await server?.close();
  });
  const started = () => {
    if (!server) throw new Error("the socket server starts before the file's first test");
    return server;
  };
  return {
    get url() {
      return started().url;
    },
    get io() {
      return started().io;
    },
  };
}

export async function userWithSession(overrides: Parameters<typeof createTestUser>[0] = {}): Promise<TestUser> {
  const user = await createTestUser(overrides);
  return { ...user, token: await createSession({ userId: user.id }) };
}

/** Two verified lawyers and the conversation between them. */
export async function pairWithConversation() {
  const [a, b] = await Promise.all([userWithSession(), userWithSession()]);
  const { conversation } = await openConversation(actorOf(a), { peerId: b.id });
  return { a, b, conversationId: conversation.id };
}

const opened: ClientSocket[] = [];

export function connectAs(url: string, user: { token: string }, options: { reconnection?: boolean } = {}): Promise<ClientSocket> {
  const socket = connect(url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: options.reconnection ?? false,
    forceNew: true,
    extraHeaders: { cookie: `authjs.session-token=${user.token}` },
  });
  opened.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

export function closeAllClients(): void {
  for (const socket of opened.splice(0)) socket.disconnect();
}

export type Ack = {
  ok: boolean;
  error?: { code: string; message: string };
  message?: MessagePayload;
  messages?: MessagePayload[];
  [key: string]: unknown;
};

export function request(socket: ClientSocket, event: string, payload: unknown, timeoutMs = 5_000): Promise<Ack> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Ack>;
}

/** Collects every payload of an event a socket receives. */
export function record<T>(socket: ClientSocket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

/** Resolves once `condition` holds, checking every 20 ms; fails after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 5_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
