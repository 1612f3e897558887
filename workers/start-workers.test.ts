import { afterAll, describe, expect, inject, it } from "vitest";
import type { Worker } from "bullmq";
import { db } from "@/lib/db";
import { closeQueues, getQueue, MAINTENANCE_QUEUE } from "@/lib/queue/queues";
import { startWorkers } from "@/workers/start-workers";
import { createTestUser } from "@/test/factories";

// this file runs its own workers: its own Redis prefix keeps them off other test files' queued jobs
process.env.REDIS_PREFIX = `${inject("redisPrefix")}:start-workers`;

const HOUR = 3_600_000;

async function createJob(posterId: string, scheduledAt: Date, deadlineAt: Date) {
  return db.job.create({
    data: {
      posterId, taskType: "DURUSMA", lawArea: "Ceza Hukuku", title: "Duruşma", description: "Duruşmaya katılım",
      provinceId: 6, courthouseId: (await db.courthouse.findFirstOrThrow({ where: { provinceId: 6 } })).id,
      scheduledAt, deadlineAt, feeKurus: 500_000,
    },
  });
}

describe("worker process: job expiry", () => {
  let workers: Worker[] = [];
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await closeQueues();
  });

  it("expires OPEN jobs past their date or deadline through the maintenance queue, and only those", async () => {
    const poster = await createTestUser();
    const now = Date.now();
    const pastDeadline = await createJob(poster.id, new Date(now + 48 * HOUR), new Date(now - HOUR));
    const pastHearing = await createJob(poster.id, new Date(now - HOUR), new Date(now - 2 * HOUR));
    const stillOpen = await createJob(poster.id, new Date(now + 48 * HOUR), new Date(now + 24 * HOUR));
    const assigned = await db.job.update({
      where: { id: (await createJob(poster.id, new Date(now - HOUR), new Date(now - 2 * HOUR))).id },
      data: { status: "ASSIGNED" },
    });

    workers = await startWorkers({ log: () => undefined });
    const schedulers = await getQueue(MAINTENANCE_QUEUE).getJobSchedulers();
    expect(schedulers.map((s) => s.key ?? s.id)).toContain("expire-overdue-jobs");
    await getQueue(MAINTENANCE_QUEUE).add("expire-overdue-jobs", {});

    const statusOf = async (id: string) => (await db.job.findUniqueOrThrow({ where: { id } })).status;
    await expect.poll(() => statusOf(pastDeadline.id), { timeout: 10_000 }).toBe("EXPIRED");
    expect(await statusOf(pastHearing.id)).toBe("EXPIRED");
    expect(await statusOf(stillOpen.id)).toBe("OPEN");
    expect(await statusOf(assigned.id)).toBe("ASSIGNED");
  });
});
