import { io, type Socket } from "socket.io-client";
import { test, expect, logIn, socketConnected } from "@/e2e/support/fixtures";
import { AppServer } from "@/e2e/support/app-server";
import { hashPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/session-store";
import { closeDb, db } from "@/lib/db";
import type { MessagePayload } from "@/lib/messaging/message-payload";
import { randomBarNumber } from "@/test/factories";
import { resetRateLimit } from "@/test/reset-message-rate-limit";
import { closeRedis } from "@/lib/redis";

// This process creates users and sessions in the e2e run's database and Redis as the app would; the lib
// modules read their configuration on first use. (The runner also loads this file to list tests, before the
// run's namespace exists.)
for (const name of ["DATABASE_URL", "REDIS_URL", "REDIS_PREFIX"]) {
  const value = process.env[`E2E_${name}`];
  if (value) process.env[name] = value;
}

const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
const PASSWORD = "mesaj-testi-2026";
let userSequence = 0;

test.afterAll(async () => {
  await Promise.all([closeRedis(), closeDb()]);
});

/** A verified lawyer of this test alone, with a live session for socket clients. */
async function lawyer(name: string) {
  const suffix = `${Date.now().toString(36)}${userSequence++}`;
  const user = await db.user.create({
    data: {
      email: `${name.toLowerCase()}-${suffix}@example.com`,
      passwordHash: await hashPassword(PASSWORD),
      fullName: `Av. ${name} ${suffix}`,
      provinceId: 34,
      barName: "İstanbul Barosu",
      // random, not time and sequence: every Playwright worker has its own sequence, and two collided in CI
      barNumber: randomBarNumber(),
      kvkkConsentAt: new Date(),
      verification: "VERIFIED",
      verifiedAt: new Date(),
    },
  });
  return { ...user, token: await createSession({ userId: user.id }) };
}
type Lawyer = Awaited<ReturnType<typeof lawyer>>;

type Ack = { ok: boolean; error?: { code: string; message: string }; message?: MessagePayload; [key: string]: unknown };

function connect(url: string, user: Lawyer): Promise<Socket> {
  const socket = io(url, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { cookie: `authjs.session-token=${user.token}` },
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

const request = (socket: Socket, event: string, payload: unknown, timeoutMs = 5_000) =>
  socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Ack>;

function recorder<T>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

async function until(condition: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function openConversation(socket: Socket, peerId: string): Promise<string> {
  const ack = await request(socket, "conversation:open", { peerId });
  expect(ack.ok).toBe(true);
  return (ack.conversation as { id: string }).id;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

test.describe("messaging in the browser", () => {
  test("two lawyers chat live: typing, unread badge, read receipt, history after reload", async ({ browser, baseURL }) => {
    const [ayse, bora] = await Promise.all([lawyer("Ayse"), lawyer("Bora")]);
    const aContext = await browser.newContext({ baseURL });
    const bContext = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const a = await aContext.newPage();
    const b = await bContext.newPage();
    await logIn(a, ayse.email, PASSWORD);
    await logIn(b, bora.email, PASSWORD);

    // Ayşe starts the conversation with the "Mesaj gönder" button on Bora's profile
    await a.goto(`/avukat/${bora.id}`);
    await a.getByTestId("start-conversation").click();
    await expect(a).toHaveURL(/\/mesajlar\/[a-z0-9]+$/);
    await expect(a.getByText("Henüz mesaj yok")).toBeVisible();

    // Bora waits on his dashboard: the header badge counts the new message live
    const bBadge = b.getByTestId("unread-count");
    await expect(bBadge).toBeHidden();
    await a.getByTestId("message-input").fill("Merhaba Bora Bey, yarınki duruşmaya girebilir misiniz?");
    await a.getByTestId("message-send").click();
    const aFirst = a.getByTestId("message-item").first();
    await expect(aFirst).toHaveAttribute("data-status", "sent");
    await expect(bBadge).toHaveText("1");

    // he opens the conversation from the list; Ayşe sees the read receipt, his badge clears
    await b.getByRole("link", { name: /Mesajlar/ }).click();
    const item = b.getByTestId("conversation-item");
    await expect(item).toHaveCount(1);
    await expect(item).toContainText("yarınki duruşmaya");
    await expect(item.getByTestId("presence-dot")).toHaveAttribute("data-online", "true");
    await item.click();
    await expect(b.getByTestId("message-item")).toHaveCount(1);
    await expect(aFirst).toHaveAttribute("data-status", "read");
    await expect(bBadge).toBeHidden();
    await expect(b.getByTestId("presence-dot")).toHaveAttribute("data-online", "true");

    // typing shows on the other side, and goes away when the message arrives
    await b.getByTestId("message-input").pressSequentially("Evet, gire", { delay: 30 });
    await expect(a.getByTestId("typing-indicator")).toContainText("yazıyor");
    await b.getByTestId("message-input").pressSequentially("bilirim.");
    await b.getByTestId("message-send").tap();
    await expect(a.getByTestId("message-item")).toHaveCount(2);
    await expect(a.getByTestId("message-item").nth(1)).toContainText("Evet, girebilirim.");
    await expect(a.getByTestId("typing-indicator")).toHaveText("");
    await expect(b.getByTestId("message-item").nth(1)).toHaveAttribute("data-status", "read");

    // a reload keeps the history, in order
    await a.reload();
    await expect(a.getByTestId("message-body")).toHaveText(["Merhaba Bora Bey, yarınki duruşmaya girebilir misiniz?", "Evet, girebilirim."]);
    await Promise.all([aContext.close(), bContext.close()]);
  });

  test("a PDF sent in a conversation downloads for its members only", async ({ browser, baseURL }) => {
    const [irem, kaan, outsider] = await Promise.all([lawyer("Irem"), lawyer("Kaan"), lawyer("Levent")]);
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await logIn(page, irem.email, PASSWORD);
    // an old "Mesaj gönder" link changes nothing by itself: the conversation is opened by the button's POST
    await page.goto(`/mesajlar/yeni?kisi=${kaan.id}`);
    await expect(page.getByRole("heading", { name: "Yeni mesaj" })).toBeVisible();
    const pairKey = [irem.id, kaan.id].sort().join(":") + ":-";
    expect(await db.conversation.count({ where: { pairKey } })).toBe(0);
    await page.getByRole("button", { name: "Konuşmayı başlat" }).click();
    await expect(page).toHaveURL(/\/mesajlar\/[a-z0-9]+$/);
    expect(await db.conversation.count({ where: { pairKey } })).toBe(1);
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(4096, 0x20), Buffer.from("%%EOF\n")]);
    await page.getByTestId("attachment-input").setInputFiles({ name: "tensip-zapti.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByTestId("message-send").click();
    const link = page.getByTestId("message-attachment");
    await expect(link).toContainText("tensip-zapti.pdf");
    await expect(page.getByTestId("message-item")).toHaveAttribute("data-status", "sent");
    const href = (await link.getAttribute("href"))!;

    const own = await page.request.get(href);
    expect(own.status()).toBe(200);
    expect(own.headers()["content-type"]).toBe("application/pdf");
    expect(Buffer.from(await own.body())).toEqual(pdf);

    const outsiderContext = await browser.newContext({ baseURL });
    const outsiderPage = await outsiderContext.newPage();
    await logIn(outsiderPage, outsider.email, PASSWORD);
    const refused = await outsiderPage.request.get(href);
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe("FORBIDDEN");

    // content decides the type: an executable named .pdf is refused
    const conversationId = page.url().split("/").pop()!;
    const fake = await page.request.post(`/api/ekler?konusma=${conversationId}&ad=fatura.pdf`, { data: Buffer.from("MZ\x90\x00 not a pdf") });
    expect(fake.status()).toBe(400);
    expect((await fake.json()).error.code).toBe("VALIDATION");
    await Promise.all([context.close(), outsiderContext.close()]);
  });

  test("a logged-in page open for 30 s makes no HTTP request after load, only the websocket", async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const [cem, derya] = await Promise.all([lawyer("Cem"), lawyer("Derya")]);
    const peer = await connect(baseURL!, derya);
    const conversationId = await openConversation(peer, cem.id);
    await request(peer, "message:send", { conversationId, clientId: `np-${Date.now()}`, body: "Sayfayı açık bırakın." });

    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await logIn(page, cem.email, PASSWORD);
    const connected = socketConnected(page);
    await page.goto(`/mesajlar/${conversationId}`);
    await connected;
    await page.waitForLoadState("networkidle");

    const requests: string[] = [];
    const socketFrames: string[] = [];
    page.on("request", (r) => requests.push(`${r.method()} ${r.url()}`));
    page.on("websocket", (ws) => socketFrames.push(`new websocket ${ws.url()}`));
    // live traffic still arrives meanwhile, over the socket
    await new Promise((r) => setTimeout(r, 15_000));
    await request(peer, "message:send", { conversationId, clientId: `np2-${Date.now()}`, body: "Hâlâ buradayım." });
    await expect(page.getByTestId("message-item")).toHaveCount(2);
    await new Promise((r) => setTimeout(r, 15_000));

    console.log(`30 s idle on /mesajlar/<id>: ${requests.length} HTTP requests, ${socketFrames.length} new websockets`);
    expect(requests).toEqual([]);
    expect(socketFrames).toEqual([]);
    peer.disconnect();
    await context.close();
  });
});

test.describe("two app instances sharing Redis", () => {
  test("messages, read receipts, typing and presence flow both ways", async ({ app }) => {
    test.setTimeout(90_000);
    const second = new AppServer({ port: E2E_PORT + 1 });
    await second.start();
    try {
      const [ela, fatih] = await Promise.all([lawyer("Ela"), lawyer("Fatih")]);
      const ea = await connect(app.url, ela);
      const conversationId = await openConversation(ea, fatih.id);
      const presenceForEla = recorder<{ userId: string; online: boolean }>(ea, "presence");
      const fb = await connect(second.url, fatih);
      await until(() => presenceForEla.some((p) => p.userId === fatih.id && p.online), 5_000, "Fatih online for Ela");

      const messagesForEla = recorder<MessagePayload>(ea, "message:new");
      const messagesForFatih = recorder<MessagePayload>(fb, "message:new");
      const readsForEla = recorder<{ userId: string; lastReadMessageId: number }>(ea, "conversation:read");
      const readsForFatih = recorder<{ userId: string; lastReadMessageId: number }>(fb, "conversation:read");
      const typingForEla = recorder<{ userId: string; typing: boolean }>(ea, "typing");
      const typingForFatih = recorder<{ userId: string; typing: boolean }>(fb, "typing");

      const fromEla = await request(ea, "message:send", { conversationId, clientId: `c1-${Date.now()}`, body: "Birinci örnekten merhaba" });
      await until(() => messagesForFatih.length === 1, 5_000, "Ela's message on the other instance");
      await request(fb, "conversation:read", { conversationId, lastReadMessageId: fromEla.message!.id });
      await until(() => readsForEla.some((r) => r.userId === fatih.id && r.lastReadMessageId === fromEla.message!.id), 5_000, "Fatih's receipt for Ela");

      const fromFatih = await request(fb, "message:send", { conversationId, clientId: `c2-${Date.now()}`, body: "İkinci örnekten merhaba" });
      await until(() => messagesForEla.length === 1, 5_000, "Fatih's message on the first instance");
      await request(ea, "conversation:read", { conversationId, lastReadMessageId: fromFatih.message!.id });
      await until(() => readsForFatih.some((r) => r.userId === ela.id && r.lastReadMessageId === fromFatih.message!.id), 5_000, "Ela's receipt for Fatih");
      // each sending socket has its own message in the ack, not again as message:new
      expect(messagesForFatih.map((m) => m.body)).toEqual(["Birinci örnekten merhaba"]);
      expect(messagesForEla.map((m) => m.body)).toEqual(["İkinci örnekten merhaba"]);

      await request(ea, "typing", { conversationId, typing: true });
      await request(fb, "typing", { conversationId, typing: true });
      await until(() => typingForFatih.some((t) => t.userId === ela.id) && typingForEla.some((t) => t.userId === fatih.id), 5_000, "typing both ways");

      const presenceForFatih = recorder<{ userId: string; online: boolean }>(fb, "presence");
      fb.disconnect();
      await until(() => presenceForEla.some((p) => p.userId === fatih.id && !p.online), 15_000, "Fatih offline for Ela");
      const fb2 = await connect(second.url, fatih);
      const presenceForFatih2 = recorder<{ userId: string; online: boolean }>(fb2, "presence");
      ea.disconnect();
      await until(() => presenceForFatih2.some((p) => p.userId === ela.id && !p.online), 15_000, "Ela offline for Fatih");
      expect(presenceForFatih).toEqual([]);
      fb2.disconnect();
    } finally {
      await second.stop();
    }
  });

  test("kill -9 of the sender's instance mid-stream loses and duplicates nothing", async ({ app }) => {
    test.setTimeout(120_000);
    const TOTAL = 200;
    const KILL_AT = 80;
    const doomed = new AppServer({ port: E2E_PORT + 1 });
    await doomed.start();
    const [gul, hakan] = await Promise.all([lawyer("Gul"), lawyer("Hakan")]);

    // Hakan reads on the surviving instance and never reconnects
    const receiver = await connect(app.url, hakan);
    const deliveries: { id: number; clientId: string; at: number }[] = [];
    receiver.on("message:new", (m: MessagePayload) => deliveries.push({ id: m.id, clientId: m.clientId, at: Date.now() }));

    // Gül writes through the instance that will die; when its socket drops she fails over to the other one
    let sender = await connect(doomed.url, gul);
    const conversationId = await openConversation(sender, hakan.id);
    let failedOverAt = 0;
    const ensureSender = async () => {
      if (sender.connected) return;
      sender.disconnect();
      sender = await connect(app.url, gul);
      failedOverAt ||= Date.now();
    };

    const firstSentAt = new Map<string, number>();
    const clientIds = Array.from({ length: TOTAL }, (_, i) => `kill9-${Date.now()}-${String(i).padStart(3, "0")}`);
    let attempts = 0;
    let killed: Promise<void> | null = null;
    for (const [i, clientId] of clientIds.entries()) {
      // the policy allows 2 messages a second after a burst of 20; refilled here so 200 sends take seconds, not minutes
      if (i % 15 === 0) await resetRateLimit(gul.id);
      for (;;) {
        await ensureSender().catch(() => undefined);
        attempts++;
        if (!firstSentAt.has(clientId)) firstSentAt.set(clientId, Date.now());
        const pending = request(sender, "message:send", { conversationId, clientId, body: `Mesaj ${i + 1}/${TOTAL}` }, 2_000).catch(() => null);
        if (i === KILL_AT && !killed) killed = doomed.kill("SIGKILL");
        const ack = await pending;
        if (ack?.ok) break;
        if (ack?.error?.code === "RATE_LIMITED") await new Promise((r) => setTimeout(r, 500));
        else if (ack && ack.error?.code !== "INTERNAL") throw new Error(`send ${i} refused: ${JSON.stringify(ack.error)}`);
        else await new Promise((r) => setTimeout(r, 100));
      }
    }
    await killed;
    await until(() => new Set(deliveries.map((d) => d.id)).size >= TOTAL, 20_000, "all deliveries");
    await new Promise((r) => setTimeout(r, 1_000));

    const stored = await db.message.findMany({ where: { conversationId }, orderBy: { id: "asc" }, select: { id: true, clientId: true } });
    const distinct = new Map<number, (typeof deliveries)[number]>();
    for (const d of deliveries) if (!distinct.has(d.id)) distinct.set(d.id, d);
    const duplicates = deliveries.length - distinct.size;
    const latencies = (filter: (d: (typeof deliveries)[number]) => boolean) =>
      [...distinct.values()]
        .filter(filter)
        .map((d) => d.at - firstSentAt.get(d.clientId)!)
        .sort((x, y) => x - y);
    const crossInstance = latencies((d) => firstSentAt.get(d.clientId)! < (failedOverAt || Infinity) && clientIds.indexOf(d.clientId) < KILL_AT);
    const overall = latencies(() => true);
    const describe = (values: number[]) => `p50 ${percentile(values, 50)} ms, p95 ${percentile(values, 95)} ms, max ${values.at(-1)} ms (n=${values.length})`;
    console.log(
      [
        `kill -9 mid-stream: sent ${TOTAL} (attempts ${attempts}), stored ${stored.length}, delivered ${distinct.size}, duplicates ${duplicates}`,
        `cross-instance delivery latency (sender on the killed instance, receiver on the other, before the kill): ${describe(crossInstance)}`,
        `all messages, including the ones caught by the kill and the failover: ${describe(overall)}`,
      ].join("\n"),
    );

    expect(stored.map((m) => m.clientId)).toEqual(clientIds);
    expect(new Set(stored.map((m) => m.clientId)).size).toBe(TOTAL);
    expect(duplicates).toBe(0);
    expect(deliveries.map((d) => d.clientId)).toEqual(clientIds);
    expect(deliveries.map((d) => d.id)).toEqual(stored.map((m) => Number(m.id)));
    const sync = await request(receiver, "sync", { after: { [conversationId]: 0 } });
    expect((sync.messages as MessagePayload[]).map((m) => m.clientId)).toEqual(clientIds);
    receiver.disconnect();
    sender.disconnect();
  });
});
