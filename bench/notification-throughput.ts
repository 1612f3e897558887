// Notification worker throughput: N notifications (in-app row + e-mail each) through the real worker process
// to a local SMTP server. Reports notifications/s and BullMQ jobs/s (a dispatch and a delivery per notification).
// Run: npm run bench -- --only notifications [--users N] [--worker-concurrency C]
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpus, totalmem } from "node:os";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { createBenchDatabase, insertUsers } from "./lib/setup";

export type NotificationThroughput = {
  notifications: number;
  workerConcurrency: number;
  enqueueSeconds: number;
  drainSeconds: number;
  notificationsPerSecond: number;
  jobsPerSecond: number;
  mailsReceived: number;
  duplicates: number;
  /** mean time a job of each kind spent in its handler, and waiting in the queue before it */
  handlerMs: Record<string, { count: number; handlerMean: number; queuedMean: number }>;
};

export async function measureNotificationThroughput(options: { count: number; concurrency: number; log: (line: string) => void; cpuProfileDir?: string }): Promise<NotificationThroughput> {
  const { count, concurrency, log } = options;
  const name = `tevkil_bench_notif_${randomBytes(3).toString("hex")}`;
  const databaseUrl = `postgresql://postgres@127.0.0.1:5432/${name}`;
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_PREFIX = name;
  process.env.REDIS_URL ??= "redis://127.0.0.1:6379/0";

  const received = new Map<string, number>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        for (const r of session.envelope.rcptTo) received.set(r.address, (received.get(r.address) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.SMTP_URL = smtpUrl;

  await createBenchDatabase(databaseUrl, log);
  await insertUsers(databaseUrl, count);
  const { notifyUsers } = await import("@/lib/notifications/notify-users");
  const { closeDb } = await import("@/lib/db");
  const { closeRedis } = await import("@/lib/redis");
  const { closeQueues } = await import("@/lib/queue/queues");
  const { deleteRedisPrefix } = await import("@/test/redis-cleanup");
  const { dropDatabase } = await import("@/lib/db-migrations");

  const profileFlags = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const worker = spawn(process.execPath, [...profileFlags, "--import", "tsx", "workers/index.ts"], {
    env: { ...process.env, NODE_ENV: "production", AUTH_SECRET: "bench-secret-0123456789abcdef0123456789abcdef", APP_URL: "http://localhost:3000", SMTP_URL: smtpUrl, NOTIFICATION_CONCURRENCY: String(concurrency) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let workerOutput = "";
  worker.stdout.on("data", (d) => (workerOutput += d));
  worker.stderr.on("data", (d) => (workerOutput += d));
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    while (!workerOutput.includes("workers running")) {
      if (worker.exitCode !== null) throw new Error(`worker exited: ${workerOutput}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const ids = Array.from({ length: count }, (_, i) => `bench${String(i).padStart(6, "0")}`);
    const started = performance.now();
    for (let i = 0; i < ids.length; i += 500) {
      await notifyUsers(
        ids.slice(i, i + 500).map((userId) => ({ userId, type: "APPLICATION_ACCEPTED" as const, title: "Başvurunuz kabul edildi", body: "Duruşma için seçildiniz.", link: "/ilanlar/bench" })),
      );
    }
    const enqueued = performance.now();
    log(`${count} notifications recorded and queued in ${((enqueued - started) / 1000).toFixed(1)} s; waiting for e-mails`);
    let sent = 0;
    const deadline = Date.now() + 10 * 60_000;
    while (sent < count && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      sent = Number((await pool.query(`SELECT count(*) AS n FROM "NotificationDelivery" WHERE status = 'SENT'`)).rows[0].n);
    }
    const drained = performance.now();
    const seconds = (drained - started) / 1000;
    const mails = [...received.values()].reduce((a, b) => a + b, 0);
    const { getQueue, NOTIFICATIONS_QUEUE } = await import("@/lib/queue/queues");
    const handlerMs: NotificationThroughput["handlerMs"] = {};
    for (const job of await getQueue(NOTIFICATIONS_QUEUE).getCompleted(0, 2 * count)) {
      const entry = (handlerMs[job.name] ??= { count: 0, handlerMean: 0, queuedMean: 0 });
      entry.count++;
      entry.handlerMean += ((job.finishedOn ?? 0) - (job.processedOn ?? 0) - entry.handlerMean) / entry.count;
      entry.queuedMean += ((job.processedOn ?? 0) - job.timestamp - entry.queuedMean) / entry.count;
    }
    const result: NotificationThroughput = {
      notifications: count,
      workerConcurrency: concurrency,
      enqueueSeconds: Number(((enqueued - started) / 1000).toFixed(2)),
      drainSeconds: Number(seconds.toFixed(2)),
      notificationsPerSecond: Math.round(sent / seconds),
      jobsPerSecond: Math.round((2 * sent) / seconds),
      mailsReceived: mails,
      duplicates: [...received.values()].filter((n) => n > 1).length,
      handlerMs,
    };
    log(`notification worker: ${sent}/${count} e-mails in ${seconds.toFixed(1)} s → ${result.notificationsPerSecond} notifications/s, ${result.jobsPerSecond} jobs/s; duplicates ${result.duplicates} (${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB)`);
    return result;
  } finally {
    worker.kill("SIGTERM");
    await new Promise((r) => worker.once("exit", r));
    await pool.end();
    await closeQueues();
    await Promise.allSettled([closeDb(), closeRedis()]);
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await dropDatabase(databaseUrl);
    await deleteRedisPrefix(process.env.REDIS_URL!, name);
  }
}
