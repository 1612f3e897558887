import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptApplication } from "@/lib/applications/accept-application";
import { applyToJob } from "@/lib/applications/apply-to-job";
import { withdrawApplication } from "@/lib/applications/withdraw-application";
import { listApplicants } from "@/lib/applications/list-applicants";
import { cancelAssignment } from "@/lib/jobs/cancel-assignment";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { completeJob } from "@/lib/jobs/complete-job";
import { createJob } from "@/lib/jobs/create-job";
import { getAssignment } from "@/lib/jobs/get-assignment";
import { getAuthorisationDocument } from "@/lib/jobs/get-authorisation-document";
import { updateJob } from "@/lib/jobs/update-job";
import { createReview } from "@/lib/reviews/create-review";
import { removeFollow } from "@/lib/follows/remove-follow";
import { addFollow } from "@/lib/follows/add-follow";
import { applyAs, assignedJob, doneJob, jobInput, lawyer, postJob, refusal } from "@/test/marketplace-test-support";

const review = (jobId: string) => ({ jobId, overall: "5", professionalism: "5", communication: "5", punctuality: "5" });

/** Everything a refusal must leave as it was. */
async function snapshot(jobId: string) {
  const [job, applications, reviews, cancellations] = await Promise.all([
    db.job.findUniqueOrThrow({ where: { id: jobId }, omit: { updatedAt: true } }),
    db.application.findMany({ where: { jobId }, orderBy: { id: "asc" }, omit: { updatedAt: true } }),
    db.review.findMany({ where: { jobId }, orderBy: { id: "asc" } }),
    db.assignmentCancellation.count({ where: { jobId } }),
  ]);
  return { job, applications, reviews, cancellations };
}

/** Runs the call, expects the code and message, and checks the job and its rows did not change. */
async function expectRefused(jobId: string, call: () => Promise<unknown>, code: string, message: RegExp) {
  const before = await snapshot(jobId);
  const error = await refusal(call());
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  expect(await snapshot(jobId)).toEqual(before);
}

describe("authorisation matrix: each refusal has a clear Turkish message and changes nothing", () => {
  it("editing or cancelling another lawyer's job", async () => {
    const a = await lawyer();
    const stranger = await lawyer();
    const jobId = await postJob(a.actor);
    await expectRefused(jobId, async () => updateJob(stranger.actor, { ...(await jobInput()), jobId }), "FORBIDDEN", /Bu ilan size ait değil/);
    await expectRefused(jobId, () => cancelJob(stranger.actor, { jobId, reason: "Ben iptal etmek istiyorum." }), "FORBIDDEN", /Bu ilan size ait değil/);
  });

  it("accepting an application on another lawyer's job, or seeing its applicants", async () => {
    const a = await lawyer();
    const [b, stranger] = await Promise.all([lawyer(), lawyer()]);
    const jobId = await postJob(a.actor);
    const applicationId = await applyAs(b.actor, jobId);
    await expectRefused(jobId, () => acceptApplication(stranger.actor, { applicationId }), "FORBIDDEN", /başvuruları yalnızca ilan sahibi kabul edebilir/);
    await expectRefused(jobId, () => acceptApplication(b.actor, { applicationId }), "FORBIDDEN", /yalnızca ilan sahibi/);
    await expectRefused(jobId, () => listApplicants(stranger.actor, jobId), "FORBIDDEN", /Başvuruları yalnızca ilan sahibi görebilir/);
    await expectRefused(jobId, () => withdrawApplication(stranger.actor, { applicationId }), "FORBIDDEN", /Bu başvuru size ait değil/);
  });

  it("seeing the file number (or the yetki belgesi) without being the assignee", async () => {
    const a = await lawyer();
    const [b, other] = await Promise.all([lawyer(), lawyer()]);
    const openJob = await postJob(a.actor);
    await applyAs(other.actor, openJob);
    await expectRefused(openJob, () => getAssignment(other.actor, openJob), "FORBIDDEN", /yalnızca görevlendirilen avukata/);
    const jobId = await assignedJob(a.actor, b.actor);
    await expectRefused(jobId, () => getAssignment(other.actor, jobId), "FORBIDDEN", /yalnızca görevlendirilen avukata/);
    await expectRefused(jobId, () => getAuthorisationDocument(other.actor, jobId), "FORBIDDEN", /yalnızca görevlendirilen avukata/);
    await expect(getAssignment(b.actor, jobId)).resolves.toMatchObject({ fileNumber: expect.any(String) });
  });

  it("applying twice, and applying to one's own job", async () => {
    const a = await lawyer();
    const b = await lawyer();
    const jobId = await postJob(a.actor);
    await applyAs(b.actor, jobId);
    await expectRefused(jobId, () => applyAs(b.actor, jobId), "CONFLICT", /zaten başvurdunuz/);
    await expectRefused(jobId, () => applyAs(a.actor, jobId), "FORBIDDEN", /Kendi ilanınıza başvuramazsınız/);
  });

  it("reviewing without a DONE job between the two, and reviewing twice", async () => {
    const a = await lawyer();
    const [b, stranger] = await Promise.all([lawyer(), lawyer()]);
    const assigned = await assignedJob(a.actor, b.actor);
    await expectRefused(assigned, () => createReview(a.actor, review(assigned)), "FORBIDDEN", /tamamlanmış bir iş/);
    const done = await doneJob(a.actor, b.actor);
    await expectRefused(done, () => createReview(stranger.actor, review(done)), "FORBIDDEN", /tamamlanmış bir iş/);
    await createReview(a.actor, review(done));
    const ratingBefore = await db.user.findUniqueOrThrow({ where: { id: b.user.id }, select: { ratingSum: true, ratingCount: true } });
    await expectRefused(done, () => createReview(a.actor, review(done)), "CONFLICT", /zaten yaptınız/);
    expect(await db.user.findUniqueOrThrow({ where: { id: b.user.id }, select: { ratingSum: true, ratingCount: true } })).toEqual(ratingBefore);
  });

  it("completing or cancelling an assignment one is not party to", async () => {
    const a = await lawyer();
    const [b, stranger] = await Promise.all([lawyer(), lawyer()]);
    const jobId = await assignedJob(a.actor, b.actor);
    await expectRefused(jobId, () => completeJob(stranger.actor, { jobId, outcome: "KARAR_VERILDI", report: "Ben tamamladım diyorum ama değilim." }), "FORBIDDEN", /yalnızca görevlendirilen avukat/);
    await expectRefused(jobId, () => completeJob(a.actor, { jobId, outcome: "KARAR_VERILDI", report: "İlan sahibi olarak tamamlıyorum." }), "FORBIDDEN", /yalnızca görevlendirilen avukat/);
    await expectRefused(jobId, () => cancelAssignment(stranger.actor, { jobId, reason: "Araya girmek istiyorum." }), "FORBIDDEN", /tarafı değilsiniz/);
  });

  it("posting, editing, cancelling or applying while unverified", async () => {
    const a = await lawyer();
    const pending = await lawyer("PENDING");
    const jobId = await postJob(a.actor);
    const postsBefore = await db.job.count({ where: { posterId: pending.user.id } });
    const posting = await refusal(createJob(pending.actor, await jobInput()));
    expect(posting).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/henüz doğrulanmadı/) });
    expect(await db.job.count({ where: { posterId: pending.user.id } })).toBe(postsBefore);
    await expectRefused(jobId, () => applyToJob(pending.actor, { jobId, note: "Doğrulanmadan başvurmayı deniyorum." }), "FORBIDDEN", /henüz doğrulanmadı/);
    // a job of theirs from before (e.g. verification withdrawn) cannot be changed either
    const own = await db.job.create({ data: { ...(await ownJobData(pending.user.id)) } });
    await expectRefused(own.id, async () => updateJob(pending.actor, { ...(await jobInput()), jobId: own.id }), "FORBIDDEN", /henüz doğrulanmadı/);
    await expectRefused(own.id, () => cancelJob(pending.actor, { jobId: own.id, reason: "Doğrulanmadan iptal." }), "FORBIDDEN", /henüz doğrulanmadı/);
  });

  it("removing another lawyer's follow", async () => {
    const a = await lawyer();
    const stranger = await lawyer();
    const { id } = await addFollow(a.actor, { provinceId: "7" });
    expect(await refusal(removeFollow(stranger.actor, { followId: id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.follow.count({ where: { id } })).toBe(1);
  });
});

async function ownJobData(posterId: string) {
  const input = await jobInput();
  return {
    posterId, taskType: "DURUSMA" as const, lawArea: input.lawArea, title: input.title, description: input.description,
    provinceId: Number(input.provinceId), courthouseId: Number(input.courthouseId), scheduledAt: new Date(Date.now() + 5 * 86_400_000),
    deadlineAt: new Date(Date.now() + 3 * 86_400_000), feeKurus: 100_000,
  };
}
