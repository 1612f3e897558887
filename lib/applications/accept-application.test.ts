import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptApplication } from "@/lib/applications/accept-application";
import { applyAs, lawyer, postJob, refusal } from "@/test/marketplace-test-support";

describe("acceptApplication", () => {
  it("assigns the job, accepts that application and rejects the others in one go, and tells each applicant", async () => {
    const { actor: poster } = await lawyer();
    const [b, c, d] = await Promise.all([lawyer(), lawyer(), lawyer()]);
    const jobId = await postJob(poster);
    const [appB, appC, appD] = [await applyAs(b.actor, jobId, "2.000"), await applyAs(c.actor, jobId), await applyAs(d.actor, jobId)];

    await expect(acceptApplication(poster, { applicationId: appC })).resolves.toEqual({ jobId, assigneeId: c.user.id });

    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "ASSIGNED", assigneeId: c.user.id });
    expect(job.assignedAt).toBeInstanceOf(Date);
    const statuses = Object.fromEntries((await db.application.findMany({ where: { jobId } })).map((a) => [a.id, a.status]));
    expect(statuses).toEqual({ [appB]: "REJECTED", [appC]: "ACCEPTED", [appD]: "REJECTED" });
    const notes = await db.notification.findMany({ where: { link: `/ilanlar/${jobId}`, type: { in: ["APPLICATION_ACCEPTED", "APPLICATION_REJECTED"] } } });
    expect(notes.map((n) => [n.userId, n.type]).sort()).toEqual(
      [[b.user.id, "APPLICATION_REJECTED"], [c.user.id, "APPLICATION_ACCEPTED"], [d.user.id, "APPLICATION_REJECTED"]].sort(),
    );
  });

  it("never assigns two lawyers when two accepts race (two tabs, two applications), over many rounds", async () => {
    const { actor: poster } = await lawyer();
    const applicants = await Promise.all([lawyer(), lawyer()]);
    for (let round = 0; round < 10; round++) {
      const jobId = await postJob(poster);
      const apps = [await applyAs(applicants[0].actor, jobId), await applyAs(applicants[1].actor, jobId)];
      const results = await Promise.allSettled(apps.map((applicationId) => acceptApplication(poster, { applicationId })));

      const fulfilled = results.filter((r) => r.status === "fulfilled");
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reason).toMatchObject({ code: "CONFLICT" });

      const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
      const accepted = await db.application.findMany({ where: { jobId, status: "ACCEPTED" } });
      expect(accepted).toHaveLength(1);
      expect(job.assigneeId).toBe(accepted[0].applicantId);
      expect(await db.application.count({ where: { jobId, status: "REJECTED" } })).toBe(1);
    }
  });

  it("never assigns two lawyers when the same application is accepted twice at once", async () => {
    const { actor: poster } = await lawyer();
    const b = await lawyer();
    const jobId = await postJob(poster);
    const applicationId = await applyAs(b.actor, jobId);
    const results = await Promise.allSettled([1, 2, 3].map(() => acceptApplication(poster, { applicationId })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.application.count({ where: { jobId, status: "ACCEPTED" } })).toBe(1);
  });

  it("rejects an application that arrives while an accept is running, never leaving it pending on an assigned job", async () => {
    const { actor: poster } = await lawyer();
    const [b, c] = await Promise.all([lawyer(), lawyer()]);
    for (let round = 0; round < 5; round++) {
      const jobId = await postJob(poster);
      const appB = await applyAs(b.actor, jobId);
      await Promise.allSettled([acceptApplication(poster, { applicationId: appB }), applyAs(c.actor, jobId)]);
      expect(await db.application.count({ where: { jobId, status: "PENDING" } })).toBe(0);
    }
  });

  it("refuses a withdrawn or already decided application", async () => {
    const { actor: poster } = await lawyer();
    const b = await lawyer();
    const jobId = await postJob(poster);
    const appB = await applyAs(b.actor, jobId);
    await db.application.update({ where: { id: appB }, data: { status: "WITHDRAWN" } });
    expect(await refusal(acceptApplication(poster, { applicationId: appB }))).toMatchObject({ code: "CONFLICT" });
    expect((await db.job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("OPEN");
  });
});
