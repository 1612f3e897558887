import { Redis } from "ioredis";
import { test, expect } from "@/e2e/support/fixtures";
import { AppServer } from "@/e2e/support/app-server";
import { startLiveConversation, viewerOf } from "@/e2e/support/live-conversation";
import { PrivatePostgres } from "@/e2e/support/private-postgres";
import { prepareDatabase } from "@/test/prepare-database";
import { deleteRedisPrefix } from "@/test/redis-cleanup";
import { testRedisUrl } from "@/test/test-environment";

// Faults caused for real, the PostgreSQL and app halves of redis-faults.spec.ts: an app instance on a PostgreSQL
// of its own (and the shared Redis under a prefix of its own) while one lawyer writes to another. The receiver
// follows docs/realtime.md and nothing more (sync on every connect, de-duplicate by id). Every acknowledged
// message must reach it, each stored once, and nobody is logged out.

const PG_PORT = 55432 + Math.floor(Math.random() * 400);
const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
const OUTAGES = 4;
const APP_KILLS = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const readyStatus = async (app: AppServer) => (await fetch(`${app.url}/api/ready`)).status;

/** A private PostgreSQL with the demo data, an app on it and a live conversation; all of it gone afterwards. */
async function withLiveConversation(
  ports: { postgres: number; app: number },
  run: (stack: { postgres: PrivatePostgres; app: AppServer; conversation: Awaited<ReturnType<typeof startLiveConversation>> }) => Promise<void>,
): Promise<void> {
  const postgres = new PrivatePostgres(ports.postgres);
  const prefix = `pgfault${ports.postgres}`;
  const app = new AppServer({ port: ports.app, env: { DATABASE_URL: postgres.url, REDIS_PREFIX: prefix } });
  const admin = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
  try {
    await postgres.start();
    await prepareDatabase(postgres.url, { demo: true });
    await app.start();
    const conversation = await startLiveConversation(app.url, {
      tag: `pgfault-${ports.postgres}`,
      resetSendLimit: async () => admin.del(...(await admin.keys(`${prefix}:rl:messageSend:*`))),
    });
    try {
      await run({ postgres, app, conversation });
    } finally {
      conversation.close();
    }
  } catch (error) {
    // what the app and the database said is the first thing a failure here needs
    await test.info().attach("app output", { body: app.output });
    await test.info().attach("postgres output", { body: postgres.output });
    throw error;
  } finally {
    await app.stop();
    await postgres.remove();
    admin.disconnect();
    await deleteRedisPrefix(testRedisUrl(), prefix);
  }
}

test("PostgreSQL killed and restarted during a conversation: nothing acknowledged is lost, nobody is logged out", async () => {
  test.setTimeout(120_000);
  await withLiveConversation({ postgres: PG_PORT, app: E2E_PORT + 8 }, async ({ postgres, app, conversation }) => {
    const { sender, receiver, acked, attempts, cookies } = conversation;
    const outages: { from: number; to: number }[] = [];
    const pages: string[] = [];
    for (let outage = 1; outage <= OUTAGES; outage++) {
      await sleep(1_500);
      await postgres.kill();
      await expect.poll(() => readyStatus(app), { timeout: 5_000 }).toBe(503);
      const from = Date.now();
      // a logged-in page cannot be drawn now: it says so in Turkish, it does not send the lawyer to the login page
      for (const path of ["/panel", "/bildirimler"]) {
        const response = await fetch(`${app.url}${path}`, { headers: { cookie: cookies.receiver }, redirect: "manual" });
        const body = await response.text();
        pages.push(`${path} ${response.status}${response.headers.get("location") ? ` → ${response.headers.get("location")}` : ""}`);
        expect(response.headers.get("location"), path).toBeNull();
        expect(response.status, path).toBe(503);
        expect(body, path).toContain("geçici olarak");
      }
      await sleep(2_000);
      const to = Date.now();
      outages.push({ from, to });
      await postgres.start();
      await expect.poll(() => readyStatus(app), { timeout: 15_000 }).toBe(200);
    }
    const ackedAtLastRecovery = acked.size;
    await sleep(2_000);
    await conversation.stop();

    const { lost, duplicated } = await conversation.delivery();
    const during = attempts.filter((a) => outages.some((o) => a.at >= o.from && a.at <= o.to));
    const ackedDuring = during.filter((a) => a.acked).length;
    console.log(
      `${OUTAGES} PostgreSQL outages: ${acked.size} messages acknowledged (${attempts.length} attempts, ${during.length - ackedDuring} refused and ${ackedDuring} acknowledged during outages), ` +
        `${receiver.received.size} at the receiver, lost ${lost.length}, duplicated ${duplicated}, receiver connects ${receiver.connects()}, sender connects ${sender.connects()}, ` +
        `/api/ready 503 in ${outages.length} outages; pages during outages: ${pages.join(", ")}`,
    );
    expect(lost).toEqual([]);
    expect(duplicated).toBe(0);
    expect(ackedDuring).toBe(0); // nothing is acknowledged that could not be committed
    expect(during.length).toBeGreaterThan(OUTAGES); // the sender kept trying through each outage
    expect(acked.size).toBeGreaterThan(ackedAtLastRecovery); // and its retries went through once PostgreSQL was back

    // the same sessions, without a new login: the viewer, and a logged-in page drawn again
    for (const cookie of [cookies.sender, cookies.receiver]) expect(await viewerOf(app.url, cookie)).not.toBeNull();
    expect((await fetch(`${app.url}/bildirimler`, { headers: { cookie: cookies.receiver }, redirect: "manual" })).status).toBe(200);
  });
});

test("the app killed with -9 and started again during a conversation: nothing acknowledged is lost, nobody is logged out", async () => {
  test.setTimeout(120_000);
  await withLiveConversation({ postgres: PG_PORT + 1, app: E2E_PORT + 9 }, async ({ app, conversation }) => {
    const { sender, receiver, acked, attempts, cookies } = conversation;
    for (let kill = 1; kill <= APP_KILLS; kill++) {
      await sleep(1_500);
      await app.kill();
      await app.start();
      // the clients come back by themselves
      await expect.poll(() => sender.socket.connected && receiver.socket.connected, { timeout: 15_000 }).toBe(true);
    }
    await sleep(2_000);
    await conversation.stop();

    const { lost, duplicated } = await conversation.delivery();
    console.log(
      `${APP_KILLS} app kills: ${acked.size} messages acknowledged (${attempts.length} attempts), ${receiver.received.size} at the receiver, ` +
        `lost ${lost.length}, duplicated ${duplicated}, receiver connects ${receiver.connects()}, sender connects ${sender.connects()}`,
    );
    expect(lost).toEqual([]);
    expect(duplicated).toBe(0);
    expect(receiver.connects()).toBe(APP_KILLS + 1);
    expect(acked.size).toBeGreaterThan(APP_KILLS * 5);
    for (const cookie of [cookies.sender, cookies.receiver]) expect(await viewerOf(app.url, cookie)).not.toBeNull();
  });
});
