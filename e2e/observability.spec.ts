import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { test, expect } from "@/e2e/support/fixtures";
import { AppServer } from "@/e2e/support/app-server";
import { logInOverHttp, viewerOf } from "@/e2e/support/live-conversation";

// What an operator watches: /api/metrics (Prometheus text for both processes of an instance, behind a token) and
// the JSON log lines, driven by real traffic: two lawyers on sockets exchange a message, someone opens the board.

const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
const TOKEN = "metrics-token-e2e-0123456789";

const connect = (url: string, cookie: string) =>
  new Promise<Socket>((resolve, reject) => {
    const socket = io(url, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
    socket.on("connect", () => resolve(socket));
    socket.on("connect_error", reject);
  });

/** The value of the first series of `name` whose labels include all of `labels`. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.split(" ").pop());
  }
  return null;
}

test("an instance reports sockets, messages, acks, pages, pools and queues to Prometheus, and logs JSON lines without secrets", async ({ app: sharedApp }) => {
  // the suite's server has no METRICS_TOKEN: the endpoint is off
  expect((await fetch(`${sharedApp.url}/api/metrics`)).status).toBe(404);

  const app = new AppServer({ port: E2E_PORT + 5, env: { METRICS_TOKEN: TOKEN } });
  await app.start();
  const sockets: Socket[] = [];
  try {
    expect((await fetch(`${app.url}/api/metrics`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/metrics`, { headers: { authorization: "Bearer yanlis" } })).status).toBe(401);

    const [ayseCookie, mehmetCookie] = [await logInOverHttp(app.url, "ayse@example.com"), await logInOverHttp(app.url, "mehmet@example.com")];
    const mehmet = (await viewerOf(app.url, mehmetCookie))!;
    const [ayse, mehmetSocket] = [await connect(app.url, ayseCookie), await connect(app.url, mehmetCookie)];
    sockets.push(ayse, mehmetSocket);
    const body = `gizli dosya notu ${randomUUID()}`;
    const arrived = new Promise((resolve) => mehmetSocket.on("message:new", resolve));
    const opened = await ayse.timeout(5_000).emitWithAck("conversation:open", { peerId: mehmet.id });
    expect(opened.ok).toBe(true);
    const sent = await ayse.timeout(5_000).emitWithAck("message:send", { conversationId: opened.conversation.id, clientId: randomUUID(), body });
    expect(sent.ok).toBe(true);
    await arrived;

    const board = await fetch(`${app.url}/ilanlar?q=kira`, { headers: { cookie: ayseCookie } });
    expect(board.status).toBe(200);
    const requestId = board.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await fetch(`${app.url}/ilanlar`);

    const response = await fetch(`${app.url}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    const socketProcess = { process: "socket" };
    expect(sample(text, "tevkil_sockets_connected", socketProcess)).toBe(2);
    expect(sample(text, "tevkil_messages_stored_total", socketProcess)).toBeGreaterThanOrEqual(1);
    // mehmet's tab; the sending tab has the message in its ack and is left out of the broadcast
    expect(sample(text, "tevkil_messages_delivered_total", socketProcess)).toBe(1);
    expect(sample(text, "tevkil_socket_ack_seconds_count", { event: "message:send", outcome: "ok", ...socketProcess })).toBe(1);
    expect(sample(text, "tevkil_message_send_queue_depth", socketProcess)).toBe(0);
    expect(sample(text, "tevkil_http_request_duration_seconds_count", { route: "board", method: "GET", status: "2xx", process: "web" })).toBeGreaterThanOrEqual(2);
    expect(sample(text, "tevkil_db_pool_connections", { pool: "shared", state: "waiting", process: "web" })).toBe(0);
    expect(sample(text, "tevkil_db_pool_connections", { pool: "writer", state: "idle", process: "socket" })).toBeGreaterThanOrEqual(0);
    expect(sample(text, "tevkil_queue_jobs", { queue: "notifications", state: "failed", ...socketProcess })).not.toBeNull();
    expect(sample(text, "tevkil_redis_reconnects_total", socketProcess)).toBe(0);
    expect(sample(text, "nodejs_eventloop_lag_p99_seconds", socketProcess)).not.toBeNull();
    expect(sample(text, "nodejs_eventloop_lag_p99_seconds", { process: "web" })).not.toBeNull();
    expect(text).toContain("nodejs_gc_duration_seconds_bucket");

    // logs: JSON lines; the board request under the id the response carried, without its search terms; no message
    // body, password or cookie anywhere
    const lines = app.output.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
    const request = lines.find((l) => l.reqId === requestId);
    expect(request).toMatchObject({ msg: "request", route: "board", method: "GET", status: 200, role: "web" });
    expect(JSON.stringify(request)).not.toContain("kira");
    expect(app.output).not.toContain(body);
    expect(app.output).not.toContain("tevkil-demo-2026");
    expect(app.output).not.toContain(ayseCookie.split("=")[1]);
  } finally {
    for (const s of sockets) s.close();
    await app.stop();
  }
});
