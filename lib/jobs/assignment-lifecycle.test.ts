import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cancelAssignment } from "@/lib/jobs/cancel-assignment";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { completeJob } from "@/lib/jobs/complete-job";
import { getAssignment } from "@/lib/jobs/get-assignment";
import { getJobDetail } from "@/lib/jobs/get-job-detail";
import { updateJob } from "@/lib/jobs/update-job";
import { listMyJobs, countMyJobsByStatus } from "@/lib/jobs/list-my-jobs";
import { listUpcomingAssignments } from "@/lib/jobs/list-upcoming-assignments";
import { acceptApplication } from "@/lib/applications/accept-application";
import { listMyApplications } from "@/lib/applications/list-my-applications";
import { applyAs, assignedJob, inDays, jobInput, lawyer, postJob, refusal } from "@/test/marketplace-test-support";

describe("editing and cancelling a job", () => {
  it("the poster edits an OPEN job and the cached detail shows the change at once", async () => {
    const { actor } = await lawyer();
    const jobId = await postJob(actor);
    expect((await getJobDetail(jobId)).feeKurus).toBe(150_000);
    await updateJob(actor, { ...(await jobInput({ title: "Güncellenmiş başlık burada", fee: "2.750" })), jobId });
    expect(await getJobDetail(jobId)).toMatchObject({ title: "Güncellenmiş başlık burada", feeKurus: 275_000 });
  });

  it("an edit with a bad field saves nothing", async () => {
    const { actor } = await lawyer();
    const jobId = await postJob(actor);
    const error = await refusal(updateJob(actor, { ...(await jobInput({ fee: "-5" })), jobId }));
    expect(error.details.fieldErrors?.fee).toBeDefined();
    expect((await db.job.findUniqueOrThrow({ where: { id: jobId } })).feeKurus).toBe(150_000);
  });

  it("the poster cancels an OPEN job with a reason; pending applicants are rejected and told", async () => {
    const { actor } = await lawyer();
    const b = await lawyer();
    const jobId = await postJob(actor);
    const applicationId = await applyAs(b.actor, jobId);
    const error = await refusal(cancelJob(actor, { jobId, reason: "yok" }));
    expect(error.details.fieldErrors?.reason?.[0]).toMatch(/en az 5 karakter/);
    await cancelJob(actor, { jobId, reason: "Müvekkil davadan feragat etti." });
    expect(await db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "CANCELLED", cancelReason: "Müvekkil davadan feragat etti.", cancelledById: actor.id });
    expect((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe("REJECTED");
    expect(await db.notification.count({ where: { userId: b.user.id, type: "APPLICATION_REJECTED", link: `/ilanlar/${jobId}` } })).toBe(1);
    expect((await getJobDetail(jobId)).status).toBe("CANCELLED");
    expect(await refusal(updateJob(actor, { ...(await jobInput()), jobId }))).toMatchObject({ code: "CONFLICT" });
  });
});

describe("assigned work", () => {
  it("shows the assignee the file number and the poster's contact as the poster allows", async () => {
    const a = await lawyer();
    const b = await lawyer();
    await db.user.update({ where: { id: a.user.id }, data: { phone: "0532 111 22 33", showPhone: true, showEmail: false } });
    const jobId = await assignedJob(a.actor, b.actor, { fileNumber: "2026/555 E." });
    const assignment = await getAssignment(b.actor, jobId);
    expect(assignment).toMatchObject({ fileNumber: "2026/555 E.", viewerRole: "ASSIGNEE", poster: { id: a.user.id, phone: "0532 111 22 33", email: null } });
    expect(assignment.poster.barNumber).toBe(a.user.barNumber);
    expect(await listUpcomingAssignments(b.actor)).toEqual([expect.objectContaining({ id: jobId })]);
  });

  it("the assignee completes with a report: DONE, counted on the profile, poster told", async () => {
    const a = await lawyer();
    const b = await lawyer();
    const jobId = await assignedJob(a.actor, b.actor);
    const short = await refusal(completeJob(b.actor, { jobId, outcome: "ERTELENDI", report: "oldu", nextHearingAt: "2030-05-02T09:30" }));
    expect(short.details.fieldErrors?.report?.[0]).toMatch(/en az 10 karakter/);
    await completeJob(b.actor, { jobId, outcome: "ERTELENDI", report: "Duruşmaya katıldım; tanık dinlendi, karar ertelendi.", nextHearingAt: "2030-05-02T09:30", notes: "Harç eksik." });
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "DONE", completionNotes: "Harç eksik." });
    expect(job.nextHearingAt?.toISOString()).toBe("2030-05-02T06:30:00.000Z");
    expect((await db.user.findUniqueOrThrow({ where: { id: b.user.id } })).completedJobCount).toBe(1);
    expect(await db.notification.count({ where: { userId: a.user.id, type: "JOB_COMPLETED" } })).toBe(1);
    expect(await refusal(completeJob(b.actor, { jobId, outcome: "KARAR_VERILDI", report: "İkinci kez rapor göndermeyi deniyorum." }))).toMatchObject({ code: "CONFLICT" });
  });

  it("either side cancels with a reason: recorded, counted, the job reopens and the others are back in the running", async () => {
    const a = await lawyer();
    const [b, c] = await Promise.all([lawyer(), lawyer()]);
    const jobId = await postJob(a.actor);
    const appB = await applyAs(b.actor, jobId);
    const appC = await applyAs(c.actor, jobId);
    await acceptApplication(a.actor, { applicationId: appB });

    await cancelAssignment(b.actor, { jobId, reason: "Aynı saatte başka bir duruşmam çıktı." });
    expect(await db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "OPEN", assigneeId: null });
    expect((await db.application.findUniqueOrThrow({ where: { id: appB } })).status).toBe("WITHDRAWN");
    expect((await db.application.findUniqueOrThrow({ where: { id: appC } })).status).toBe("PENDING");
    expect(await db.assignmentCancellation.findMany({ where: { jobId } })).toEqual([
      expect.objectContaining({ cancelledById: b.user.id, assigneeId: b.user.id, reason: "Aynı saatte başka bir duruşmam çıktı." }),
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { id: b.user.id } })).cancelledAssignCount).toBe(1);
    expect(await db.notification.count({ where: { userId: a.user.id, type: "ASSIGNMENT_CANCELLED" } })).toBe(1);
    expect(await refusal(getAssignment(b.actor, jobId))).toMatchObject({ code: "FORBIDDEN" });

    await acceptApplication(a.actor, { applicationId: appC });
    await cancelAssignment(a.actor, { jobId, reason: "Müvekkil işi kendisi takip edecek." });
    expect((await db.application.findUniqueOrThrow({ where: { id: appC } })).status).toBe("REJECTED");
    expect((await db.user.findUniqueOrThrow({ where: { id: a.user.id } })).cancelledAssignCount).toBe(1);
  });
});

describe("dashboard lists", () => {
  it("lists my jobs by status with application counts, and my applications by status", async () => {
    const a = await lawyer();
    const [b, c] = await Promise.all([lawyer(), lawyer()]);
    const open = await postJob(a.actor, { scheduledAt: inDays(7), deadlineAt: inDays(5) });
    await applyAs(b.actor, open);
    await applyAs(c.actor, open);
    const assigned = await assignedJob(a.actor, b.actor);

    const openJobs = await listMyJobs(a.actor, "OPEN");
    expect(openJobs.items).toEqual([expect.objectContaining({ id: open, pendingApplications: 2, totalApplications: 2 })]);
    expect((await listMyJobs(a.actor, "ASSIGNED")).items).toEqual([expect.objectContaining({ id: assigned, assigneeName: b.user.fullName })]);
    expect(await countMyJobsByStatus(a.actor)).toEqual({ OPEN: 1, ASSIGNED: 1 });
    expect((await listMyApplications(b.actor, "PENDING")).items.map((x) => x.job.id)).toEqual([open]);
    expect((await listMyApplications(b.actor, "ACCEPTED")).items.map((x) => x.job.id)).toEqual([assigned]);
  });
});
