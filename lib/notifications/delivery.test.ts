import { createECDH, randomBytes } from "node:crypto";
import { beforeEach, describe, expect, inject, it } from "vitest";
import webpush from "web-push";
import { startScriptedHttpServer, startSmtpServer } from "@/test/fake-services";
import { runWorkersForFile } from "@/test/workers-for-file";

// this file runs its own workers: its own Redis prefix keeps them off other test files' queued jobs
process.env.REDIS_PREFIX = `${inject("redisPrefix")}:delivery`;

// Each channel against a local server that speaks its protocol: a real SMTP server, and HTTP servers that
// check the WhatsApp Cloud API and Web Push request shapes and answer like the real services.
const smtp = await startSmtpServer();
const whatsapp = await startScriptedHttpServer([{ status: 200, body: { messages: [{ id: "wamid.1" }] } }]);
const push = await startScriptedHttpServer([{ status: 201 }], { tls: true });
// trust the fake push service's self-signed certificate, in this test process only
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
const vapid = webpush.generateVAPIDKeys();
process.env.SMTP_URL = smtp.url;
process.env.APP_URL = "http://localhost:3000";
process.env.WHATSAPP_API_URL = `${whatsapp.url}/v21.0`;
process.env.WHATSAPP_TOKEN = "test-token-123";
process.env.WHATSAPP_PHONE_NUMBER_ID = "1098765";
process.env.VAPID_PUBLIC_KEY = vapid.publicKey;
process.env.VAPID_PRIVATE_KEY = vapid.privateKey;

const { db } = await import("@/lib/db");
const { notifyUsers } = await import("@/lib/notifications/notify-users");
const { deliverNotification } = await import("@/lib/notifications/deliver-notification");
const { closeMailer } = await import("@/lib/notifications/channels/email");
const { createTestUser, uniqueSuffix } = await import("@/test/factories");

runWorkersForFile(async () => {
  closeMailer();
  await Promise.all([smtp.close(), whatsapp.close(), push.close()]);
});
beforeEach(() => {
  whatsapp.reset([{ status: 200, body: { messages: [{ id: "wamid.1" }] } }]);
  push.reset([{ status: 201 }]);
});

const onlyChannel = (type: string, channel: "EMAIL" | "WHATSAPP" | "PUSH") => ({ [type]: { EMAIL: channel === "EMAIL", WHATSAPP: channel === "WHATSAPP", PUSH: channel === "PUSH" } });

async function deliveryOf(notificationId: string, channel: "EMAIL" | "WHATSAPP" | "PUSH") {
  return db.notificationDelivery.findUnique({ where: { notificationId_channel: { notificationId, channel } } });
}

async function notifyOne(userId: string, type: "APPLICATION_ACCEPTED" | "REVIEW_RECEIVED" = "APPLICATION_ACCEPTED") {
  const title = `Başvurunuz kabul edildi ${uniqueSuffix()}`;
  await notifyUsers([{ userId, type, title, body: "Ankara Batı Adliyesi'ndeki duruşma için seçildiniz.", link: "/ilanlar/abc123" }]);
  return db.notification.findFirstOrThrow({ where: { userId, title } });
}

function pushSubscriptionKeys() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") };
}

describe("e-mail channel", () => {
  it("sends the Turkish e-mail to the user's address with a link back to the page", async () => {
    const user = await createTestUser();
    await db.user.update({ where: { id: user.id }, data: { notificationPrefs: onlyChannel("APPLICATION_ACCEPTED", "EMAIL") } });
    const notification = await notifyOne(user.id);
    await expect.poll(() => smtp.received.filter((m) => m.envelopeTo.includes(user.email)).length, { timeout: 10_000 }).toBe(1);
    const { mail } = smtp.received.find((m) => m.envelopeTo.includes(user.email))!;
    expect(mail.subject).toBe(`${notification.title} · Tevkil`);
    expect(mail.text).toContain("http://localhost:3000/ilanlar/abc123");
    expect(mail.html).toContain('href="http://localhost:3000/ilanlar/abc123"');
    expect(mail.text).toContain(`Sayın ${user.fullName}`);
    await expect.poll(async () => (await deliveryOf(notification.id, "EMAIL"))?.status).toBe("SENT");
  });

  it("sends nothing on a channel the user switched off", async () => {
    const user = await createTestUser();
    await db.user.update({ where: { id: user.id }, data: { notificationPrefs: onlyChannel("APPLICATION_ACCEPTED", "PUSH") } });
    const notification = await notifyOne(user.id);
    // the dispatch job runs and decides; with no push subscription and e-mail off, no channel remains
    await new Promise((r) => setTimeout(r, 1_500));
    expect(smtp.received.filter((m) => m.envelopeTo.includes(user.email))).toHaveLength(0);
    expect(await db.notificationDelivery.count({ where: { notificationId: notification.id } })).toBe(0);
  });

  it("never sends twice when the same delivery runs again", async () => {
    const user = await createTestUser();
    await db.user.update({ where: { id: user.id }, data: { notificationPrefs: onlyChannel("APPLICATION_ACCEPTED", "EMAIL") } });
    const notification = await notifyOne(user.id);
    await expect.poll(async () => (await deliveryOf(notification.id, "EMAIL"))?.status, { timeout: 10_000 }).toBe("SENT");
    expect(await deliverNotification(notification.id, "EMAIL")).toBe("already-sent");
    expect(smtp.received.filter((m) => m.envelopeTo.includes(user.email))).toHaveLength(1);
  });
});

describe("WhatsApp channel", () => {
  async function whatsappUser() {
    const user = await createTestUser();
    await db.user.update({
      where: { id: user.id },
      data: { whatsappNumber: "+905321234567", whatsappVerifiedAt: new Date(), notificationPrefs: onlyChannel("APPLICATION_ACCEPTED", "WHATSAPP") },
    });
    return user;
  }

  it("posts the Cloud API template message with the bearer token, retrying a rate limit with backoff", async () => {
    whatsapp.reset([
      { status: 429, body: { error: { message: "(#130429) Rate limit hit", type: "OAuthException", code: 130429, fbtrace_id: "A1" } } },
      { status: 200, body: { messaging_product: "whatsapp", contacts: [{ input: "905321234567", wa_id: "905321234567" }], messages: [{ id: "wamid.HBg" }] } },
    ]);
    const user = await whatsappUser();
    const notification = await notifyOne(user.id);
    await expect.poll(async () => (await deliveryOf(notification.id, "WHATSAPP"))?.status, { timeout: 10_000 }).toBe("SENT");
    expect(whatsapp.requests).toHaveLength(2);
    const [first, second] = whatsapp.requests;
    expect(first.method).toBe("POST");
    expect(first.path).toBe("/v21.0/1098765/messages");
    expect(first.headers.authorization).toBe("Bearer test-token-123");
    expect(first.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(second.body.toString())).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "905321234567",
      type: "template",
      template: {
        name: "tevkil_bildirim",
        language: { code: "tr" },
        components: [
          {
            type: "body",
            parameters: [
              { type: "text", text: notification.title },
              { type: "text", text: notification.body },
              { type: "text", text: "http://localhost:3000/ilanlar/abc123" },
            ],
          },
        ],
      },
    });
    expect((await deliveryOf(notification.id, "WHATSAPP"))?.attempts).toBe(2);
  });

  it("gives up at once on a request the API rejects for good, and records why", async () => {
    whatsapp.reset([{ status: 400, body: { error: { message: "(#131026) Message undeliverable", code: 131026 } } }]);
    const user = await whatsappUser();
    const notification = await notifyOne(user.id);
    await expect.poll(async () => (await deliveryOf(notification.id, "WHATSAPP"))?.status, { timeout: 10_000 }).toBe("FAILED");
    await new Promise((r) => setTimeout(r, 700));
    expect(whatsapp.requests).toHaveLength(1);
    expect((await deliveryOf(notification.id, "WHATSAPP"))?.lastError).toContain("131026");
  });

  it("is not used for a number that was never verified", async () => {
    const user = await createTestUser();
    await db.user.update({ where: { id: user.id }, data: { whatsappNumber: "+905320000000", notificationPrefs: onlyChannel("APPLICATION_ACCEPTED", "WHATSAPP") } });
    const notification = await notifyOne(user.id);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(whatsapp.requests).toHaveLength(0);
    expect(await deliveryOf(notification.id, "WHATSAPP")).toBeNull();
  });
});

describe("web push channel", () => {
  async function pushUser(count = 1) {
    const user = await createTestUser();
    await db.user.update({ where: { id: user.id }, data: { notificationPrefs: onlyChannel("APPLICATION_ACCEPTED", "PUSH") } });
    const endpoints: string[] = [];
    for (let i = 0; i < count; i++) {
      const endpoint = `${push.url}/push/${uniqueSuffix()}`;
      endpoints.push(endpoint);
      await db.pushSubscription.create({ data: { userId: user.id, endpoint, ...pushSubscriptionKeys() } });
    }
    return { user, endpoints };
  }

  it("sends an encrypted, VAPID-signed message to the subscription endpoint", async () => {
    const { user, endpoints } = await pushUser();
    const notification = await notifyOne(user.id);
    await expect.poll(async () => (await deliveryOf(notification.id, "PUSH"))?.status, { timeout: 10_000 }).toBe("SENT");
    expect(push.requests).toHaveLength(1);
    const [request] = push.requests;
    expect(request.method).toBe("POST");
    expect(`${push.url}${request.path}`).toBe(endpoints[0]);
    expect(request.headers["content-encoding"]).toBe("aes128gcm");
    expect(request.headers.ttl).toBe(String(24 * 3600));
    expect(request.headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${vapid.publicKey}$`));
    expect(request.body.length).toBeGreaterThan(100);
  });

  it("removes a subscription the push service reports gone (410)", async () => {
    push.reset([{ status: 410 }]);
    const { user } = await pushUser();
    const notification = await notifyOne(user.id);
    await expect.poll(() => db.pushSubscription.count({ where: { userId: user.id } }), { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => (await deliveryOf(notification.id, "PUSH"))?.status).toBe("SKIPPED");
  });
});

describe("every event on every channel", () => {
  it("delivers each notification type by e-mail, WhatsApp and push when the user wants all three", { timeout: 60_000 }, async () => {
    const { notificationTypes } = await import("@/lib/notifications/catalog");
    const allOn = Object.fromEntries(notificationTypes.map((t) => [t, { EMAIL: true, WHATSAPP: true, PUSH: true }]));
    const user = await createTestUser();
    await db.user.update({ where: { id: user.id }, data: { notificationPrefs: allOn, whatsappNumber: "+905551112233", whatsappVerifiedAt: new Date() } });
    await db.pushSubscription.create({ data: { userId: user.id, endpoint: `${push.url}/push/${uniqueSuffix()}`, ...pushSubscriptionKeys() } });

    await notifyUsers(notificationTypes.map((type) => ({ userId: user.id, type, title: `Olay ${type}`, body: "Ayrıntılar Tevkil'de.", link: `/test/${type}` })));
    await expect
      .poll(() => db.notificationDelivery.count({ where: { notification: { userId: user.id }, status: "SENT" } }), { timeout: 30_000 })
      .toBe(notificationTypes.length * 3);

    const subjects = smtp.received.filter((m) => m.envelopeTo.includes(user.email)).map((m) => m.mail.subject).sort();
    expect(subjects).toEqual(notificationTypes.map((t) => `Olay ${t} · Tevkil`).sort());
    const whatsappTitles = whatsapp.requests.map((r) => JSON.parse(r.body.toString()).template.components[0].parameters[0].text).sort();
    expect(whatsappTitles).toEqual(notificationTypes.map((t) => `Olay ${t}`).sort());
    expect(push.requests).toHaveLength(notificationTypes.length);
    console.log(`event × channel matrix: ${notificationTypes.length} events × EMAIL, WHATSAPP, PUSH = ${notificationTypes.length * 3} deliveries SENT`);
  });
});
