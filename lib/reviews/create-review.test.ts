import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createReview } from "@/lib/reviews/create-review";
import { listReviewsFor } from "@/lib/reviews/list-reviews";
import { getProfile } from "@/lib/profiles/get-profile";
import { doneJob, lawyer, refusal } from "@/test/marketplace-test-support";

const scores = (overall: number) => ({ overall: String(overall), professionalism: "5", communication: "4", punctuality: "5" });

describe("createReview", () => {
  it("each side rates the other once after DONE; averages and counts update and show on the profile", async () => {
    const a = await lawyer();
    const b = await lawyer();
    const jobId = await doneJob(a.actor, b.actor);
    await createReview(a.actor, { jobId, ...scores(5), comment: "Çok özenli ve zamanında." });
    await createReview(b.actor, { jobId, ...scores(3) });

    const profileB = await getProfile(b.user.id);
    expect(profileB).toMatchObject({ ratingAverage: 5, ratingCount: 1, completedJobCount: 1 });
    expect(profileB.reviews.items).toEqual([expect.objectContaining({ overall: 5, comment: "Çok özenli ve zamanında.", author: { id: a.user.id, fullName: a.user.fullName } })]);
    expect(await getProfile(a.user.id)).toMatchObject({ ratingAverage: 3, ratingCount: 1 });
    expect(await db.notification.count({ where: { userId: b.user.id, type: "REVIEW_RECEIVED" } })).toBe(1);
  });

  it("counts every review when several land at once (atomic increments)", async () => {
    const subject = await lawyer();
    const posters = await Promise.all([lawyer(), lawyer(), lawyer(), lawyer()]);
    const jobs = await Promise.all(posters.map((p) => doneJob(p.actor, subject.actor)));
    await Promise.all(jobs.map((jobId, i) => createReview(posters[i].actor, { jobId, ...scores(i + 2) })));
    const user = await db.user.findUniqueOrThrow({ where: { id: subject.user.id } });
    expect({ sum: user.ratingSum, count: user.ratingCount }).toEqual({ sum: 2 + 3 + 4 + 5, count: 4 });
    expect((await listReviewsFor(subject.user.id, { take: 10 })).items).toHaveLength(4);
  });

  it("refuses a score outside 1–5 with a Turkish message", async () => {
    const a = await lawyer();
    const b = await lawyer();
    const jobId = await doneJob(a.actor, b.actor);
    const error = await refusal(createReview(a.actor, { jobId, ...scores(6) }));
    expect(error.details.fieldErrors?.overall?.[0]).toBe("Genel puan için 1 ile 5 arasında bir puan seçin.");
    expect(await db.review.count({ where: { jobId } })).toBe(0);
  });
});
