import { describe, expect, inject, it } from "vitest";
import { runWorkersForFile } from "@/test/workers-for-file";
import { inboundPayload, nextWaMessageId, randomWaNumber, signedWebhookRequest, startGraphApiStandIn, statusPayload } from "@/test/graph-api-stand-in";

// The webhook as Meta calls it (signed by the test) and the worker answering through a local Graph API stand-in.
process.env.REDIS_PREFIX = `${inject("redisPrefix")}:wa-webhook`;
const graph = await startGraphApiStandIn(3311);
const APP_SECRET = "test-app-secret-0123456789";
const VERIFY_TOKEN = "dogrulama-jetonu-2026";
process.env.APP_URL = "http://localhost:3000";
process.env.WHATSAPP_API_URL = `${graph.url}/v21.0`;
process.env.WHATSAPP_TOKEN = "test-token-wa";
process.env.WHATSAPP_PHONE_NUMBER_ID = "1098765";
process.env.WHATSAPP_APP_SECRET = APP_SECRET;
process.env.WHATSAPP_VERIFY_TOKEN = VERIFY_TOKEN;

const { GET, POST } = await import("@/app/api/whatsapp/webhook/route");
const { db } = await import("@/lib/db");

runWorkersForFile(() => graph.close());

const handshake = (query: string) => GET(new Request(`http://localhost:3000/api/whatsapp/webhook?${query}`));

describe("webhook handshake", () => {
  it("echoes the challenge for the right verify token", async () => {
    const response = await handshake(`hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("1158201444");
  });

  it("refuses a wrong token or mode with 403", async () => {
    expect((await handshake("hub.mode=subscribe&hub.verify_token=yanlis&hub.challenge=1")).status).toBe(403);
    expect((await handshake(`hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`)).status).toBe(403);
    expect((await handshake("hub.challenge=1")).status).toBe(403);
  });
});

describe("webhook deliveries", () => {
  it("refuses a bad or missing signature with 401 and stores nothing", async () => {
    const id = nextWaMessageId();
    const payload = inboundPayload({ from: randomWaNumber(), id, text: "#ILAN Bakırköy yarın 10:30 duruşma 2.000 TL" });
    expect((await POST(signedWebhookRequest(payload, "baska-bir-sir"))).status).toBe(401);
    expect((await POST(signedWebhookRequest(payload, APP_SECRET, { signature: "sha256=00" }))).status).toBe(401);
    const unsigned = new Request("http://localhost:3000/api/whatsapp/webhook", { method: "POST", body: JSON.stringify(payload) });
    expect((await POST(unsigned)).status).toBe(401);
    expect(await db.whatsAppInbound.count({ where: { waMessageId: id } })).toBe(0);
  });

  it("records a message delivered twice once, and an unlinked number gets the linking line once", async () => {
    const from = randomWaNumber();
    const id = nextWaMessageId();
    const payload = inboundPayload({ from, id, text: "Merhaba, ilan vermek istiyorum" });
    const [first, second] = [await POST(signedWebhookRequest(payload, APP_SECRET)), await POST(signedWebhookRequest(payload, APP_SECRET))];
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await db.whatsAppInbound.count({ where: { waMessageId: id } })).toBe(1);
    await expect.poll(() => graph.to(from).length, { timeout: 10_000 }).toBe(1);
    const [hint] = graph.to(from);
    expect(hint.type).toBe("text");
    expect(hint.text).toContain("Tevkil hesabına bağlı değil");
    expect(hint.text).toContain("http://localhost:3000/ayarlar/bildirimler");
    // handled: the text is gone, the row (id, number, time) stays for the retries
    await expect.poll(async () => (await db.whatsAppInbound.findUniqueOrThrow({ where: { waMessageId: id } })).handledAt).not.toBeNull();
    expect((await db.whatsAppInbound.findUniqueOrThrow({ where: { waMessageId: id } })).text).toBeNull();
    // a third delivery of the same id after handling changes nothing; a new message the same day gets no second hint
    await POST(signedWebhookRequest(payload, APP_SECRET));
    await POST(signedWebhookRequest(inboundPayload({ from, text: "Kimse yok mu?" }), APP_SECRET));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(graph.to(from)).toHaveLength(1);
  });

  it("a reply the Cloud API turns away for a moment is sent again", async () => {
    const from = randomWaNumber();
    graph.failNext(1);
    await POST(signedWebhookRequest(inboundPayload({ from, text: "merhaba" }), APP_SECRET));
    await expect.poll(() => graph.to(from).length, { timeout: 10_000 }).toBe(1);
    expect(graph.to(from)[0].text).toContain("Tevkil hesabına bağlı değil");
  });

  it("status callbacks move the outbound log forward, never back", async () => {
    const from = randomWaNumber();
    await POST(signedWebhookRequest(inboundPayload({ from, text: "selam" }), APP_SECRET));
    await expect.poll(() => graph.to(from).length, { timeout: 10_000 }).toBe(1);
    const { waMessageId } = graph.to(from)[0];
    // the worker logs the send after the Cloud API has answered, so the row comes a moment after the request
    await expect.poll(() => db.whatsAppOutbound.count({ where: { waMessageId } })).toBe(1);
    const row = () => db.whatsAppOutbound.findUniqueOrThrow({ where: { waMessageId } });
    expect((await row()).status).toBe("ACCEPTED");
    expect((await row()).purpose).toBe("reply:link-hint");
    await POST(signedWebhookRequest(statusPayload([{ id: waMessageId, status: "read" }, { id: waMessageId, status: "delivered" }]), APP_SECRET));
    expect((await row()).status).toBe("READ");
    await POST(signedWebhookRequest(statusPayload([{ id: waMessageId, status: "failed", errorCode: 131026 }]), APP_SECRET));
    expect(await row()).toMatchObject({ status: "FAILED", error: expect.stringContaining("131026") });
  });
});

describe("data kept", () => {
  it("the daily sweep deletes log rows past 30 days and idle numbers, and keeps a DUR", async () => {
    const { deleteOldWhatsAppMessages } = await import("@/lib/whatsapp/delete-old-messages");
    const old = new Date(Date.now() - 31 * 86_400_000);
    const [idle, stopped, recent] = [randomWaNumber(), randomWaNumber(), randomWaNumber()];
    await db.whatsAppInbound.createMany({
      data: [
        { waMessageId: nextWaMessageId(), fromNumber: idle, kind: "text", sentAt: old, handledAt: old, createdAt: old },
        { waMessageId: nextWaMessageId(), fromNumber: recent, kind: "text", sentAt: new Date(), handledAt: new Date() },
      ],
    });
    await db.whatsAppOutbound.createMany({
      data: [
        { waMessageId: nextWaMessageId(), toNumber: idle, purpose: "reply:help", kind: "text", createdAt: old },
        { waMessageId: nextWaMessageId(), toNumber: recent, purpose: "reply:help", kind: "text" },
      ],
    });
    await db.whatsAppContact.createMany({
      data: [
        { number: idle, lastInboundAt: old },
        { number: stopped, lastInboundAt: old, stoppedAt: old },
        { number: recent, lastInboundAt: new Date() },
      ],
    });
    const deleted = await deleteOldWhatsAppMessages();
    expect(deleted.inbound).toBeGreaterThanOrEqual(1);
    expect(await db.whatsAppInbound.findMany({ where: { fromNumber: { in: [idle, recent] } }, select: { fromNumber: true } })).toEqual([{ fromNumber: recent }]);
    expect(await db.whatsAppOutbound.findMany({ where: { toNumber: { in: [idle, recent] } }, select: { toNumber: true } })).toEqual([{ toNumber: recent }]);
    expect((await db.whatsAppContact.findMany({ where: { number: { in: [idle, stopped, recent] } }, select: { number: true } })).map((c) => c.number).sort()).toEqual(
      [stopped, recent].sort(),
    );
  });

  it("the KVKK export carries the number's WhatsApp log, without any text", async () => {
    const { collectExportData } = await import("@/lib/kvkk/collect-export-data");
    const { createTestUser } = await import("@/test/factories");
    const user = await createTestUser();
    const number = randomWaNumber();
    await db.user.update({ where: { id: user.id }, data: { whatsappNumber: `+${number}`, whatsappVerifiedAt: new Date() } });
    await POST(signedWebhookRequest(inboundPayload({ from: number, text: "DUR" }), APP_SECRET));
    await expect.poll(() => graph.to(number).length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => db.whatsAppOutbound.count({ where: { toNumber: number } })).toBe(1);
    const { documents } = await collectExportData(user.id);
    const whatsapp = documents["whatsapp.json"] as { number: string; contact: { stoppedAt: Date }; received: object[]; sent: object[] };
    expect(whatsapp.number).toBe(`+${number}`);
    expect(whatsapp.contact.stoppedAt).toBeInstanceOf(Date);
    expect(whatsapp.received).toEqual([expect.objectContaining({ kind: "text", buttonId: null })]);
    expect(whatsapp.sent).toEqual([expect.objectContaining({ purpose: "reply:stopped", kind: "text", status: "ACCEPTED" })]);
    expect(JSON.stringify(whatsapp)).not.toContain("DUR");
  });

  it("a verification code asked for on the web goes through the same sender and log, even after DUR", async () => {
    const { requestWhatsAppVerification } = await import("@/lib/notifications/whatsapp-verification");
    const { actorOf, createTestUser } = await import("@/test/factories");
    const user = await createTestUser();
    const number = `905${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
    await db.whatsAppContact.create({ data: { number, lastInboundAt: new Date(), stoppedAt: new Date() } });
    await requestWhatsAppVerification(actorOf(user), { phone: `0${number.slice(2)}` });
    await expect.poll(() => graph.to(number).length, { timeout: 10_000 }).toBe(1);
    const [code] = graph.to(number);
    expect(code).toMatchObject({ type: "template", templateName: "tevkil_dogrulama_kodu" });
    expect(code.text).toMatch(/^\d{6}$/);
    await expect.poll(async () => (await db.whatsAppOutbound.findFirst({ where: { toNumber: number } }))?.purpose).toBe("verification-code");
  });
});
