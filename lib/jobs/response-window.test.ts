import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { endResponseWindow } from "@/lib/jobs/end-response-window";
import { getJobDetail } from "@/lib/jobs/get-job-detail";
import { applyAs, lawyer, postJob, refusal } from "@/test/marketplace-test-support";
import { getQueue, NOTIFICATIONS_QUEUE } from "@/lib/queue/queues";
import { notificationHandler } from "@/workers/handlers/notifications";
import type { Job } from "bullmq";

const MINUTE = 60_000;
const windowJob = (jobId: string) => getQueue(NOTIFICATIONS_QUEUE).getJob(`response-window-${jobId}`);

describe("urgent response window", () => {
  it("opens the chosen window on an urgent job and queues the poster's notice, delayed until it ends", async () => {
    const { actor: poster } = await lawyer();
    const before = Date.now();
    const jobId = await postJob(poster, { urgency: "URGENT", responseWindowMinutes: "15" });
    const { responseWindowEndsAt } = await getJobDetail(jobId);
    expect(responseWindowEndsAt!.getTime()).toBeGreaterThanOrEqual(before + 15 * MINUTE);
    expect(responseWindowEndsAt!.getTime()).toBeLessThanOrEqual(Date.now() + 15 * MINUTE);

    const queued = await windowJob(jobId);
    expect(queued?.name).toBe("response-window-ended");
    expect(queued?.data).toEqual({ jobId });
    expect(await queued?.getState()).toBe("delayed");
    // due when the window ends, give or take the time the post took
    expect(queued!.timestamp + queued!.opts.delay!).toBeGreaterThanOrEqual(responseWindowEndsAt!.getTime() - 1_000);
    expect(queued!.timestamp + queued!.opts.delay!).toBeLessThanOrEqual(responseWindowEndsAt!.getTime() + 1_000);
  });

  it("defaults to 15 minutes, refuses a length not offered, and gives a normal job no window", async () => {
    const { actor: poster } = await lawyer();
    const urgent = await postJob(poster, { urgency: "VERY_URGENT", responseWindowMinutes: undefined });
    const ends = (await getJobDetail(urgent)).responseWindowEndsAt!.getTime();
    expect(ends - Date.now()).toBeGreaterThan(14 * MINUTE);
    expect(ends - Date.now()).toBeLessThanOrEqual(15 * MINUTE);

    const error = await refusal(postJob(poster, { urgency: "URGENT", responseWindowMinutes: "7" }));
    expect(error.details.fieldErrors?.responseWindowMinutes?.[0]).toBe("Başvuru penceresi için listedeki sürelerden birini seçin.");

    const normal = await postJob(poster, { urgency: "NORMAL", responseWindowMinutes: "30" });
    expect((await getJobDetail(normal)).responseWindowEndsAt).toBeNull();
    expect(await windowJob(normal)).toBeUndefined();
  });

  it("accepts applications after the window, and refuses them once the poster closed the job", async () => {
    const { actor: poster } = await lawyer();
    const late = await lawyer();
    const later = await lawyer();
    const jobId = await postJob(poster, { urgency: "URGENT", responseWindowMinutes: "5" });
    await db.job.update({ where: { id: jobId }, data: { responseWindowEndsAt: new Date(Date.now() - MINUTE) } });

    await applyAs(late.actor, jobId);
    expect(await db.application.count({ where: { jobId, applicantId: late.user.id, status: "PENDING" } })).toBe(1);

    await cancelJob(poster, { jobId, reason: "Müvekkil dosyayı kendisi takip edecek." });
    expect(await refusal(applyAs(later.actor, jobId))).toMatchObject({ code: "CONFLICT", message: "Bu ilan artık başvuruya açık değil." });
    expect(await db.application.count({ where: { jobId, applicantId: later.user.id } })).toBe(0);
  });

  it("tells the poster once, through the worker's job, how many applied when the window ends", async () => {
    const { actor: poster } = await lawyer();
    const a = await lawyer();
    const jobId = await postJob(poster, { urgency: "URGENT", responseWindowMinutes: "10" });
    await applyAs(a.actor, jobId);
    const handle = notificationHandler();
    const queued = (await windowJob(jobId)) as Job;

    // early (a job run before the end) says nothing
    await handle(queued);
    expect(await db.notification.count({ where: { userId: poster.id, type: "RESPONSE_WINDOW_ENDED" } })).toBe(0);

    await db.job.update({ where: { id: jobId }, data: { responseWindowEndsAt: new Date(Date.now() - 1_000) } });
    await handle(queued);
    await handle(queued); // a retry or a duplicate
    const notices = await db.notification.findMany({ where: { userId: poster.id, type: "RESPONSE_WINDOW_ENDED" } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: "Başvuru penceresi doldu", link: `/ilanlar/${jobId}` });
    expect(notices[0].body).toContain("1 başvuru var");
  });

  it("says nothing when the job was closed before its window ended", async () => {
    const { actor: poster } = await lawyer();
    const jobId = await postJob(poster, { urgency: "URGENT", responseWindowMinutes: "5" });
    await cancelJob(poster, { jobId, reason: "Duruşma ertelendi, tevkile gerek kalmadı." });
    await db.job.update({ where: { id: jobId }, data: { responseWindowEndsAt: new Date(Date.now() - 1_000) } });
    expect(await endResponseWindow(jobId)).toEqual({ notified: false });
    expect(await db.notification.count({ where: { userId: poster.id, type: "RESPONSE_WINDOW_ENDED" } })).toBe(0);
  });
});
