import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyToJob } from "@/lib/applications/apply-to-job";
import { listApplicants } from "@/lib/applications/list-applicants";
import { withdrawApplication } from "@/lib/applications/withdraw-application";
import { applyAs, lawyer, postJob, refusal } from "@/test/marketplace-test-support";

describe("applyToJob / withdrawApplication / listApplicants", () => {
  it("records a note and a proposed fee in kuruş, tells the poster, and shows the applicant with rating and counts", async () => {
    const { actor: poster } = await lawyer();
    const b = await lawyer();
    await db.user.update({ where: { id: b.user.id }, data: { ratingSum: 9, ratingCount: 2, completedJobCount: 4 } });
    // posted with names shown: anonymous jobs are covered by lib/applications/anonymous-applicants.test.ts
    const jobId = await postJob(poster, { anonymousApplicants: "0" });
    const applicationId = await applyAs(b.actor, jobId, "2.250,50");

    expect(await db.application.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({ status: "PENDING", proposedFeeKurus: 225_050 });
    expect(await db.notification.count({ where: { userId: poster.id, type: "APPLICATION_RECEIVED", link: `/ilanlar/${jobId}` } })).toBe(1);

    const [applicant] = await listApplicants(poster, jobId);
    expect(applicant).toMatchObject({
      applicationId,
      status: "PENDING",
      proposedFeeKurus: 225_050,
      lawyer: { anonymous: false, id: b.user.id, fullName: b.user.fullName, verification: "VERIFIED", ratingAverage: 4.5, ratingCount: 2, completedJobCount: 4 },
    });
  });

  it("refuses a note that is too short, with a Turkish message, and saves nothing", async () => {
    const { actor: poster } = await lawyer();
    const b = await lawyer();
    const jobId = await postJob(poster);
    const error = await refusal(applyToJob(b.actor, { jobId, note: "olur" }));
    expect(error.details.fieldErrors?.note?.[0]).toMatch(/en az 10 karakter/);
    expect(await db.application.count({ where: { jobId } })).toBe(0);
  });

  it("lets the applicant withdraw while pending, and only then", async () => {
    const { actor: poster } = await lawyer();
    const b = await lawyer();
    const jobId = await postJob(poster);
    const applicationId = await applyAs(b.actor, jobId);
    await withdrawApplication(b.actor, { applicationId });
    expect((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe("WITHDRAWN");
    expect(await refusal(withdrawApplication(b.actor, { applicationId }))).toMatchObject({ code: "CONFLICT" });
  });

  it("refuses applications to a job that is no longer open", async () => {
    const { actor: poster } = await lawyer();
    const b = await lawyer();
    const jobId = await postJob(poster);
    await db.job.update({ where: { id: jobId }, data: { status: "EXPIRED" } });
    expect(await refusal(applyAs(b.actor, jobId))).toMatchObject({ code: "CONFLICT", message: "Bu ilan artık başvuruya açık değil." });
  });

  it("stores one application when the same lawyer applies twice at once", async () => {
    const { actor: poster } = await lawyer();
    const b = await lawyer();
    const jobId = await postJob(poster);
    const results = await Promise.allSettled([applyAs(b.actor, jobId), applyAs(b.actor, jobId)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.application.count({ where: { jobId } })).toBe(1);
  });
});
