import { Redis } from "ioredis";
import { test, expect } from "@/e2e/support/fixtures";
import { AppServer } from "@/e2e/support/app-server";
import { startLiveConversation, viewerOf } from "@/e2e/support/live-conversation";
import { PrivateRedis } from "@/e2e/support/private-redis";

// Faults caused for real: an app instance on a Redis of its own (AOF on, as in production), killed with -9 and
// restarted ten times while one lawyer writes to another. The receiver is a client that follows docs/realtime.md
// and nothing more: sync on every connect, de-duplicate by id. Every acknowledged message must reach it, each
// stored once; nobody is logged out; /api/ready reports each outage; the app is never restarted.

const REDIS_PORT = 6390 + Math.floor(Math.random() * 50);
const APP_PORT = Number(process.env.E2E_PORT ?? 3210) + 7;
const RESTARTS = 10;

test("ten Redis restarts during a conversation lose no acknowledged message and log nobody out", async () => {
  test.setTimeout(240_000);
  const redis = new PrivateRedis(REDIS_PORT);
  await redis.start();
  const prefix = `fault${REDIS_PORT}`;
  const app = new AppServer({ port: APP_PORT, env: { REDIS_URL: redis.url, REDIS_PREFIX: prefix } });
  await app.start();
  const admin = new Redis(redis.url, { retryStrategy: () => 100, maxRetriesPerRequest: 1 });
  admin.on("error", () => undefined);
  try {
    const conversation = await startLiveConversation(app.url, {
      tag: `fault-${REDIS_PORT}`,
      resetSendLimit: async () => admin.del(...(await admin.keys(`${prefix}:rl:messageSend:*`))),
    });
    const { sender, receiver, acked } = conversation;

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
    await conversation.stop();

    // every acknowledged message reaches the receiver that stayed connected (through its own reconnects)
    const { lost, duplicated } = await conversation.delivery();
    console.log(
      `${RESTARTS} Redis restarts: ${acked.size} messages acknowledged (${conversation.attempts.length} attempts), ${receiver.received.size} at the receiver, ` +
        `lost ${lost.length}, duplicated ${duplicated}, receiver connects ${receiver.connects()}, sender connects ${sender.connects()}, /api/ready 503 in ${readyDuringOutage.length} outages`,
    );
    expect(lost).toEqual([]);
    expect(duplicated).toBe(0); // each message stored once
    expect(acked.size).toBeGreaterThan(RESTARTS * 5);

    // still logged in after the restarts (the sessions came back with Redis's AOF), without a new login
    for (const cookie of [conversation.cookies.sender, conversation.cookies.receiver]) expect(await viewerOf(app.url, cookie)).not.toBeNull();
    conversation.close();
  } finally {
    admin.disconnect();
    await app.stop();
    await redis.remove();
  }
});
