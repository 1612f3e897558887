import { afterAll, describe, expect, inject, it } from "vitest";
import { Worker } from "bullmq";
import { db } from "@/lib/db";
import { bullPrefix, createWorkerConnection } from "@/lib/queue/connection";
import { getQueueOverview, retryFailedJob } from "@/lib/queue/queue-overview";
import { closeQueues, getQueue, NOTIFICATIONS_QUEUE } from "@/lib/queue/queues";
import { actorOf, createTestUser, uniqueSuffix } from "@/test/factories";

// Other test files of this run start real notification workers under the run's prefix; a prefix of this
// file's own keeps them from picking up (and handling differently) the job failed here.
process.env.REDIS_PREFIX = `${inject("redisPrefix")}:queue-overview`;

describe("queue overview (admin)", () => {
  afterAll(async () => {
    await closeQueues();
  });

  it("is refused to anyone but an admin", async () => {
    const lawyer = actorOf(await createTestUser());
    await expect(getQueueOverview(lawyer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(retryFailedJob(lawyer, { queue: NOTIFICATIONS_QUEUE, jobId: "1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists a failed job with its reason, and retrying moves it back to waiting", async () => {
    const admin = actorOf(await createTestUser({ role: "ADMIN" }));
    const name = `queue-overview-test-${uniqueSuffix()}`;
    const job = await getQueue(NOTIFICATIONS_QUEUE).add(name, {}, { attempts: 1 });

    const worker = new Worker(
      NOTIFICATIONS_QUEUE,
      async () => {
        throw new Error("SMTP 451: geçici hata");
      },
      { connection: createWorkerConnection(), prefix: bullPrefix(NOTIFICATIONS_QUEUE) },
    );
    try {
      await expect.poll(() => job.getState(), { timeout: 10_000 }).toBe("failed");
    } finally {
      await worker.close();
    }

    const overview = await getQueueOverview(admin);
    expect(overview.map((q) => q.name)).toEqual(["notifications", "maintenance", "exports"]);
    const notifications = overview.find((q) => q.name === NOTIFICATIONS_QUEUE)!;
    expect(notifications.counts.failed).toBe(1);
    expect(notifications.counts.waiting).toBe(0);
    expect(notifications.failed).toEqual([
      { id: job.id, name, failedReason: "SMTP 451: geçici hata", attemptsMade: 1, timestamp: job.timestamp },
    ]);

    await expect(retryFailedJob(admin, { queue: "baska-kuyruk", jobId: job.id })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(retryFailedJob(admin, { queue: NOTIFICATIONS_QUEUE, jobId: "yok-boyle-bir-is" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await expect(retryFailedJob(admin, { queue: NOTIFICATIONS_QUEUE, jobId: job.id })).resolves.toEqual({ retried: true });
    expect(await job.getState()).toBe("waiting");
    // the retry is in the audit log: who, which job, and why it had failed
    expect(await db.auditEntry.findMany({ where: { actorId: admin.id }, select: { action: true, targetUserId: true, detail: true } })).toEqual([
      { action: "QUEUE_JOB_RETRIED", targetUserId: null, detail: { queue: NOTIFICATIONS_QUEUE, jobId: job.id, jobName: name, failedReason: "SMTP 451: geçici hata" } },
    ]);
    const after = (await getQueueOverview(admin)).find((q) => q.name === NOTIFICATIONS_QUEUE)!;
    expect(after.counts).toMatchObject({ waiting: 1, failed: 0 });
    expect(after.failed).toEqual([]);

    // only failed jobs can be retried: a second click on a stale page changes nothing
    await expect(retryFailedJob(admin, { queue: NOTIFICATIONS_QUEUE, jobId: job.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
