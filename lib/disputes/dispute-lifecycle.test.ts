import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decideDispute } from "@/lib/disputes/decide-dispute";
import { getDispute } from "@/lib/disputes/get-dispute";
import { listDisputeQueue } from "@/lib/disputes/list-disputes";
import { openDispute } from "@/lib/disputes/open-dispute";
import { writeDisputeMessage } from "@/lib/disputes/write-dispute-message";
import { activeApplyPause } from "@/lib/fair-dealing/apply-pause";
import { doneJob, lawyer, postJob, refusal } from "@/test/marketplace-test-support";
import { createReview } from "@/lib/reviews/create-review";
import { listJobReviews, listReviewsFor } from "@/lib/reviews/list-reviews";
import { actorOf, createTestUser } from "@/test/factories";

const review = (jobId: string, overall: number) => ({ jobId, overall, professionalism: overall, communication: overall, punctuality: overall, comment: "Zamanında geldi, raporu eksiksizdi." });
const rating = async (userId: string) => db.user.findUniqueOrThrow({ where: { id: userId }, select: { ratingSum: true, ratingCount: true } });

describe("the dispute desk", () => {
  it("opens, holds the reviews, lets only the parties and administrators read and write, and a decision hides the reviews and pauses a party", async () => {
    const [poster, assignee, third] = await Promise.all([lawyer(), lawyer(), lawyer()]);
    const admin = actorOf(await createTestUser({ role: "ADMIN" }));
    const jobId = await doneJob(poster.actor, assignee.actor);
    await createReview(poster.actor, review(jobId, 1));
    expect(await rating(assignee.user.id)).toEqual({ ratingSum: 1, ratingCount: 1 });

    const reason = "Görevli avukat duruşmaya girmediği halde tamamlandı raporu verdi.";
    expect((await refusal(openDispute(third.actor, { jobId, reason }))).code).toBe("FORBIDDEN");
    expect((await refusal(openDispute(poster.actor, { jobId: await postJob(poster.actor), reason }))).code).toBe("CONFLICT");
    const { id } = await openDispute(poster.actor, { jobId, reason });
    expect((await refusal(openDispute(assignee.actor, { jobId, reason }))).message).toContain("açık bir uyuşmazlık zaten var");

    // held: off the profile, the job page and the rating; a review written meanwhile is held too
    expect((await listReviewsFor(assignee.user.id)).items).toEqual([]);
    expect(await listJobReviews(jobId)).toEqual([]);
    expect(await rating(assignee.user.id)).toEqual({ ratingSum: 0, ratingCount: 0 });
    await createReview(assignee.actor, review(jobId, 5));
    expect((await listReviewsFor(poster.user.id)).items).toEqual([]);
    expect(await rating(poster.user.id)).toEqual({ ratingSum: 0, ratingCount: 0 });

    // a third lawyer can neither read nor write; the parties and the desk can
    expect((await refusal(getDispute(third.actor, id))).code).toBe("NOT_FOUND");
    expect((await refusal(writeDisputeMessage(third.actor, { disputeId: id, body: "Ben de bir şey söyleyeyim." }))).code).toBe("NOT_FOUND");
    await writeDisputeMessage(assignee.actor, { disputeId: id, body: "Duruşmaya girdim, tutanak ektedir." });
    await writeDisputeMessage(admin, { disputeId: id, body: "Tarafların tutanağı yüklemesini rica ederim." });
    const seenByPoster = await getDispute(poster.actor, id);
    expect(seenByPoster.messages.map((m) => [m.author.isAdmin, m.body])).toEqual([
      [false, "Duruşmaya girdim, tutanak ektedir."],
      [true, "Tarafların tutanağı yüklemesini rica ederim."],
    ]);
    expect((await listDisputeQueue(admin)).open.map((d) => d.id)).toContain(id);
    expect((await refusal(listDisputeQueue(poster.actor))).code).toBe("FORBIDDEN");
    expect((await refusal(decideDispute(poster.actor, { disputeId: id, note: "Kendi lehime karar veriyorum.", reviews: "KEEP" }))).code).toBe("FORBIDDEN");

    await decideDispute(admin, { disputeId: id, note: "Tutanak sunulmadı; görevli avukatın raporu kabul edilmedi.", reviews: "HIDE", sanction: "ASSIGNEE" });
    expect(await db.review.count({ where: { jobId, state: "HIDDEN" } })).toBe(2);
    expect(await listJobReviews(jobId)).toEqual([]);
    expect(await rating(assignee.user.id)).toEqual({ ratingSum: 0, ratingCount: 0 });
    expect((await activeApplyPause(assignee.user.id))?.reason).toContain("Uyuşmazlık Masası kararı");
    expect(await activeApplyPause(poster.user.id)).toBeNull();
    expect((await refusal(writeDisputeMessage(poster.actor, { disputeId: id, body: "Karara itiraz ediyorum." }))).code).toBe("CONFLICT");
    expect((await refusal(decideDispute(admin, { disputeId: id, note: "İkinci karar denemesi yapılıyor.", reviews: "KEEP" }))).code).toBe("CONFLICT");

    const audit = await db.auditEntry.findMany({ where: { detail: { path: ["disputeId"], equals: id } }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["DISPUTE_DECIDED", "DISPUTE_MESSAGE", "DISPUTE_MESSAGE", "DISPUTE_OPENED"]);
    const notices = await db.notification.findMany({ where: { link: `/uyusmazlik/${id}` }, select: { userId: true, type: true } });
    expect(notices).toEqual(expect.arrayContaining([
      { userId: assignee.user.id, type: "DISPUTE_OPENED" },
      { userId: admin.id, type: "DISPUTE_OPENED" },
      { userId: poster.user.id, type: "DISPUTE_MESSAGE" },
      { userId: poster.user.id, type: "DISPUTE_DECIDED" },
      { userId: assignee.user.id, type: "DISPUTE_DECIDED" },
    ]));
    expect(notices.some((n) => n.userId === third.user.id)).toBe(false);
  });

  it("releases the held reviews into the ratings when the decision keeps them", async () => {
    const [poster, assignee] = await Promise.all([lawyer(), lawyer()]);
    const admin = actorOf(await createTestUser({ role: "ADMIN" }));
    const jobId = await doneJob(poster.actor, assignee.actor);
    await createReview(poster.actor, review(jobId, 4));
    const { id } = await openDispute(assignee.actor, { jobId, reason: "Verilen puan yapılan işle ilgili değil, haksız." });
    expect(await rating(assignee.user.id)).toEqual({ ratingSum: 0, ratingCount: 0 });
    await decideDispute(admin, { disputeId: id, note: "Değerlendirme işle ilgili; yayımda kalır.", reviews: "KEEP" });
    expect(await rating(assignee.user.id)).toEqual({ ratingSum: 4, ratingCount: 1 });
    expect((await listReviewsFor(assignee.user.id)).items).toHaveLength(1);
  });
});
