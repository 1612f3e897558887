import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyToJob } from "@/lib/applications/apply-to-job";
import { activeApplyPause } from "@/lib/fair-dealing/apply-pause";
import { liftApplyPause } from "@/lib/fair-dealing/lift-apply-pause";
import { reportNoShow } from "@/lib/fair-dealing/report-no-show";
import { cancelAssignment } from "@/lib/jobs/cancel-assignment";
import { assignedJob, lawyer, postJob, refusal } from "@/test/marketplace-test-support";
import { getProfile } from "@/lib/profiles/get-profile";
import { actorOf, createTestUser } from "@/test/factories";

const note = "Bu adliyede her hafta duruşmaya giriyorum, katılabilirim.";

describe("fair dealing", () => {
  it("counts the assignee's cancellations and no-shows on the profile, pauses applying at the threshold (5), and an administrator lifts it", async () => {
    const [poster, assignee] = await Promise.all([lawyer(), lawyer()]);
    // four cancellations by the assignee, one by the poster (not counted against the assignee)
    for (let i = 0; i < 4; i++) {
      const jobId = await assignedJob(poster.actor, assignee.actor);
      await cancelAssignment(assignee.actor, { jobId, reason: "Aynı saatte başka bir duruşmam çıktı." });
    }
    const postersOwn = await assignedJob(poster.actor, assignee.actor);
    await cancelAssignment(poster.actor, { jobId: postersOwn, reason: "Müvekkil duruşmaya kendisi girecek." });
    expect((await getProfile(assignee.user.id)).strikes).toEqual({ cancellations: 4, noShows: 0, total: 4 });
    expect(await activeApplyPause(assignee.user.id)).toBeNull();

    // the fifth strike: a no-show, reported after the job's time
    const noShowJob = await assignedJob(poster.actor, assignee.actor);
    const early = await refusal(reportNoShow(poster.actor, { jobId: noShowJob }));
    expect(early.message).toContain("Görev saati henüz gelmedi");
    expect((await refusal(reportNoShow(assignee.actor, { jobId: noShowJob }))).code).toBe("FORBIDDEN");
    await db.job.update({ where: { id: noShowJob }, data: { scheduledAt: new Date(Date.now() - 60_000) } });
    await reportNoShow(poster.actor, { jobId: noShowJob });
    expect((await refusal(reportNoShow(poster.actor, { jobId: noShowJob }))).code).toBe("CONFLICT");
    expect((await getProfile(assignee.user.id)).strikes).toEqual({ cancellations: 4, noShows: 1, total: 5 });

    const pause = await activeApplyPause(assignee.user.id);
    expect(pause?.reason).toContain("Son 12 ayda: 4 iptal, 1 gelmeme");
    const days = (pause!.endsAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect(await db.notification.count({ where: { userId: assignee.user.id, type: "APPLYING_PAUSED" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: assignee.user.id, type: "NO_SHOW_REPORTED" } })).toBe(1);

    const jobId = await postJob(poster.actor);
    const refused = await refusal(applyToJob(assignee.actor, { jobId, note }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/^Başvurularınız \d{1,2} \S+ \d{4} \d{2}:\d{2} tarihine kadar duraklatıldı\. Neden: Son 12 ayda: 4 iptal, 1 gelmeme/);

    // a lawyer cannot lift it; an administrator can, and the log says who and whom
    expect((await refusal(liftApplyPause(poster.actor, { pauseId: pause!.id }))).code).toBe("FORBIDDEN");
    const admin = actorOf(await createTestUser({ role: "ADMIN" }));
    await liftApplyPause(admin, { pauseId: pause!.id });
    expect((await refusal(liftApplyPause(admin, { pauseId: pause!.id }))).code).toBe("CONFLICT");
    expect(await db.auditEntry.count({ where: { actorId: admin.id, action: "APPLY_PAUSE_LIFTED", targetUserId: assignee.user.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: assignee.user.id, type: "APPLYING_PAUSE_LIFTED" } })).toBe(1);
    expect(await activeApplyPause(assignee.user.id)).toBeNull();
    await expect(applyToJob(assignee.actor, { jobId, note })).resolves.toMatchObject({ id: expect.any(String) });
  });
});
