import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startSmtpServer } from "@/test/fake-services";

// this file runs its own workers: its own Redis prefix keeps them off other test files' queued jobs
process.env.REDIS_PREFIX = `${inject("redisPrefix")}:worker-crash`;

// The first message the SMTP server sees is held unanswered, so the worker is killed mid-send.
const smtp = await startSmtpServer({ beforeAccept: (index) => (index === 0 ? new Promise<void>(() => undefined) : Promise.resolve()) });
process.env.SMTP_URL = smtp.url;

const { db } = await import("@/lib/db");
const { notifyUsers } = await import("@/lib/notifications/notify-users");
const { closeQueues } = await import("@/lib/queue/queues");
const { createTestUser } = await import("@/test/factories");

const children: ChildProcess[] = [];

function startWorkerProcess(): ChildProcess & { output: string[] } {
  const child = spawn(process.execPath, ["--import", "tsx", "workers/index.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: inject("databaseUrl"),
      REDIS_PREFIX: process.env.REDIS_PREFIX,
      SMTP_URL: smtp.url,
      WORKER_STALLED_INTERVAL_MS: "1500",
      NOTIFICATION_BACKOFF_MS: "200",
    },
    stdio: ["ignore", "pipe", "pipe"],
  }) as ChildProcess & { output: string[] };
  child.output = [];
  child.stdout!.on("data", (d) => child.output.push(String(d)));
  child.stderr!.on("data", (d) => child.output.push(String(d)));
  children.push(child);
  return child;
}

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await closeQueues();
  await smtp.close();
});

describe("a worker killed mid-job", () => {
  it("hands the job to another worker and the e-mail goes out exactly once", { timeout: 60_000 }, async () => {
    const user = await createTestUser();
    await db.user.update({ where: { id: user.id }, data: { notificationPrefs: { APPLICATION_ACCEPTED: { EMAIL: true, WHATSAPP: false, PUSH: false } } } });
    await notifyUsers([{ userId: user.id, type: "APPLICATION_ACCEPTED", title: "Başvurunuz kabul edildi", body: "Duruşma için seçildiniz.", link: "/ilanlar/x" }]);

    const first = startWorkerProcess();
    await expect.poll(() => smtp.dataStarts(), { timeout: 20_000, interval: 100 }).toBe(1);
    first.kill("SIGKILL");
    await once(first, "exit");
    expect(smtp.received).toHaveLength(0);

    const second = startWorkerProcess();
    await expect.poll(() => smtp.received.length, { timeout: 20_000, interval: 100 }).toBe(1);
    // time for any duplicate to show up
    await new Promise((r) => setTimeout(r, 3_000));
    expect(smtp.received.filter((m) => m.envelopeTo.includes(user.email))).toHaveLength(1);
    const [delivery] = await db.notificationDelivery.findMany({ where: { notification: { userId: user.id } } });
    expect(delivery).toMatchObject({ channel: "EMAIL", status: "SENT" });

    second.kill("SIGTERM");
    const [code] = await once(second, "exit");
    expect(code).toBe(0);
    console.log(`worker crash test: SMTP DATA started ${smtp.dataStarts()} times, accepted ${smtp.received.length}, delivery ${delivery.status} after ${delivery.attempts} recorded attempt(s); second worker exited ${code} on SIGTERM`);
  });
});
