import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { io, type Socket } from "socket.io-client";
import { test, expect, DEMO_PASSWORD } from "@/e2e/support/fixtures";
import { AppServer } from "@/e2e/support/app-server";
import type { MessagePayload } from "@/lib/messaging/message-payload";

// Faults caused for real: an app instance on a Redis of its own (AOF on, as in production), killed with -9 and
// restarted ten times while one lawyer writes to another. The receiver is a client that follows docs/realtime.md
// and nothing more: sync on every connect, de-duplicate by id. Every acknowledged message must reach it, each
// stored once; nobody is logged out; /api/ready reports each outage; the app is never restarted.

const REDIS_PORT = 6390 + Math.floor(Math.random() * 50);
const APP_PORT = Number(process.env.E2E_PORT ?? 3210) + 7;
const RESTARTS = 10;

class PrivateRedis {
  private child: ChildProcess | null = null;
  readonly dir = mkdtempSync(path.join(tmpdir(), "tevkil-fault-redis-"));
  readonly url = `redis://127.0.0.1:${REDIS_PORT}/0`;

  async start(): Promise<void> {
    this.child = spawn("redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--dir", this.dir, "--appendonly", "yes", "--appendfsync", "everysec", "--save", ""], { stdio: "ignore" });
    const probe = new Redis(this.url, { lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: 1 });
    for (let i = 0; i < 100; i++) {
      if ((await probe.ping().catch(() => null)) === "PONG") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    probe.disconnect();
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, "exit");
    child.kill("SIGKILL");
    await exited;
  }

  async remove(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A session cookie from the login endpoint of the app under test (its sessions live in the private Redis). */
async function logIn(baseUrl: string, email: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`login of ${email} failed: ${response.status}`);
  return session.split(";")[0];
}

/** A client that does exactly what docs/realtime.md asks: sync on every connect, keep messages by id. */
function docsClient(url: string, cookie: string, conversationId: () => string | null) {
  const socket: Socket = io(url, { transports: ["websocket"], extraHeaders: { cookie }, reconnectionDelay: 200, reconnectionDelayMax: 1_000 });
  const received = new Map<number, MessagePayload>();
  let connects = 0;
  const keep = (m: MessagePayload) => {
    if (m.conversationId === conversationId()) received.set(m.id, m);
  };
  const newest = () => Math.max(0, ...received.keys());
  socket.on("message:new", keep);
  socket.on("connect", () => {
    connects++;
    const id = conversationId();
    if (!id) return;
    socket
      .timeout(5_000)
      .emitWithAck("sync", { after: { [id]: newest() } })
      .then((ack: { ok: boolean; messages?: MessagePayload[] }) => ack.ok && ack.messages?.forEach(keep))
      .catch(() => undefined);
  });
  return { socket, received, connects: () => connects };
}

test("ten Redis restarts during a conversation lose no acknowledged message and log nobody out", async () => {
  test.setTimeout(240_000);
  const redis = new PrivateRedis();
  await redis.start();
  const app = new AppServer({ port: APP_PORT, env: { REDIS_URL: redis.url, REDIS_PREFIX: `fault${REDIS_PORT}` } });
  await app.start();
  const admin = new Redis(redis.url, { retryStrategy: () => 100, maxRetriesPerRequest: 1 });
  admin.on("error", () => undefined);
  try {
    const [ayse, mehmet] = [await logIn(app.url, "ayse@example.com"), await logIn(app.url, "mehmet@example.com")];
    let conversationId: string | null = null;
    const sender = docsClient(app.url, ayse, () => conversationId);
    const receiver = docsClient(app.url, mehmet, () => conversationId);
    await expect.poll(() => sender.socket.connected && receiver.socket.connected).toBe(true);
    const me = (await (await fetch(`${app.url}/api/me`, { headers: { cookie: mehmet } })).json()) as { viewer: { id: string } };
    const opened = (await sender.socket.timeout(5_000).emitWithAck("conversation:open", { peerId: me.viewer.id })) as { ok: boolean; conversation: { id: string } };
    conversationId = opened.conversation.id;

    // the sender writes every 100 ms and retries each message with its clientId until it is acknowledged
    const acked = new Map<string, number>();
    let sending = true;
    let attempts = 0;
    const sendLoop = (async () => {
      for (let i = 0; sending; i++) {
        const clientId = `fault-${REDIS_PORT}-${String(i).padStart(4, "0")}`;
        while (sending || !acked.has(clientId)) {
          attempts++;
          await admin.del(...(await admin.keys(`fault${REDIS_PORT}:rl:messageSend:*`).catch(() => []))).catch(() => undefined); // the send limit is not under test
          const ack = sender.socket.connected
            ? ((await sender.socket.timeout(2_000).emitWithAck("message:send", { conversationId, clientId, body: `Mesaj ${i}` }).catch(() => null)) as { ok: boolean; message?: MessagePayload } | null)
            : null;
          if (ack?.ok && ack.message) {
            acked.set(clientId, ack.message.id);
            break;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const readyDuringOutage: number[] = [];
    for (let restart = 1; restart <= RESTARTS; restart++) {
      await new Promise((r) => setTimeout(r, 1_500));
      await redis.kill();
      await expect.poll(async () => (await fetch(`${app.url}/api/ready`)).status, { timeout: 5_000 }).toBe(503);
      readyDuringOutage.push(503);
      await new Promise((r) => setTimeout(r, 700));
      await redis.start();
      await expect.poll(async () => (await fetch(`${app.url}/api/ready`)).status, { timeout: 15_000 }).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 2_000));
    sending = false;
    await sendLoop;

    // every acknowledged message reaches the receiver that stayed connected (through its own reconnects)
    const ackedIds = [...acked.values()];
    await expect.poll(() => ackedIds.filter((id) => !receiver.received.has(id)).length, { timeout: 20_000 }).toBe(0);
    const lost = ackedIds.filter((id) => !receiver.received.has(id));
    const storedClientIds = [...receiver.received.values()].map((m) => m.clientId);
    console.log(
      `${RESTARTS} Redis restarts: ${acked.size} messages acknowledged (${attempts} attempts), ${receiver.received.size} at the receiver, ` +
        `lost ${lost.length}, receiver connects ${receiver.connects()}, sender connects ${sender.connects()}, /api/ready 503 in ${readyDuringOutage.length} outages`,
    );
    expect(lost).toEqual([]);
    expect(new Set(storedClientIds).size).toBe(storedClientIds.length); // each message stored once
    expect(acked.size).toBeGreaterThan(RESTARTS * 5);

    // still logged in after the restarts (the sessions came back with Redis's AOF), without a new login
    for (const cookie of [ayse, mehmet]) {
      const viewer = (await (await fetch(`${app.url}/api/me`, { headers: { cookie } })).json()) as { viewer: unknown };
      expect(viewer.viewer).not.toBeNull();
    }
    sender.socket.close();
    receiver.socket.close();
  } finally {
    admin.disconnect();
    await app.stop();
    await redis.remove();
  }
});
