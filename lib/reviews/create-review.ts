import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { isUniqueViolation } from "@/lib/jobs/errors";
import { invalidateJobs } from "@/lib/jobs/job-cache";
import { JOB_NOT_FOUND } from "@/lib/jobs/load-own-job";

const score = (label: string) =>
  z.coerce
    .number({ error: `${label} için 1 ile 5 arasında bir puan seçin.` })
    .int(`${label} için 1 ile 5 arasında bir puan seçin.`)
    .min(1, `${label} için 1 ile 5 arasında bir puan seçin.`)
    .max(5, `${label} için 1 ile 5 arasında bir puan seçin.`);

export const reviewSchema = z.object({
  jobId: z.string().min(1),
  overall: score("Genel puan"),
  professionalism: score("Profesyonellik"),
  communication: score("İletişim"),
  punctuality: score("Dakiklik"),
  comment: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(1000, "Yorum en fazla 1000 karakter olabilir.").optional()),
});

const ALREADY_REVIEWED = "Bu iş için değerlendirmenizi zaten yaptınız.";

/** After DONE, each side rates the other once; the subject's average and count change in the same transaction. */
export async function createReview(actor: Actor, input: unknown): Promise<{ id: string }> {
  const data = parseInput(reviewSchema, input);
  const job = await db.job.findUnique({ where: { id: data.jobId }, select: { id: true, title: true, status: true, posterId: true, assigneeId: true } });
  if (!job) throw notFound(JOB_NOT_FOUND);
  const isParty = job.assigneeId !== null && (actor.id === job.posterId || actor.id === job.assigneeId);
  if (!isParty || job.status !== "DONE") {
    throw forbidden("Yalnızca aranızda tamamlanmış bir iş olan meslektaşınızı değerlendirebilirsiniz.");
  }
  const subjectId = actor.id === job.posterId ? job.assigneeId! : job.posterId;
  let reviewId: string;
  let held: boolean;
  try {
    ({ reviewId, held } = await db.$transaction(async (tx) => {
      // the job row orders this against a dispute being opened (lib/disputes/open-dispute.ts)
      await tx.$queryRaw`SELECT id FROM "Job" WHERE id = ${job.id} FOR UPDATE`;
      const disputed = (await tx.dispute.count({ where: { jobId: job.id, status: "OPEN" } })) > 0;
      const review = await tx.review.create({
        data: {
          jobId: job.id, authorId: actor.id, subjectId, overall: data.overall, professionalism: data.professionalism,
          communication: data.communication, punctuality: data.punctuality, comment: data.comment ?? null,
          state: disputed ? "HELD" : "VISIBLE",
        },
        select: { id: true },
      });
      // increments, not read-modify-write: two reviews landing at once both count; a held one counts once released
      if (!disputed) await tx.user.update({ where: { id: subjectId }, data: { ratingSum: { increment: data.overall }, ratingCount: { increment: 1 } } });
      return { reviewId: review.id, held: disputed };
    }));
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(ALREADY_REVIEWED);
    throw error;
  }
  // the subject's profile and rating, both sides' panels and the job page (who may still review)
  await invalidateJobs([job.id]);
  await notifyUsers([
    {
      userId: subjectId,
      type: "REVIEW_RECEIVED",
      title: "Yeni değerlendirme",
      body: held
        ? `"${job.title}" işi için bir değerlendirme yapıldı; iş uyuşmazlık masasında olduğundan karar verilene kadar görünmeyecek.`
        : `"${job.title}" işi için ${data.overall}/5 puan aldınız.`,
      link: `/avukat/${subjectId}`,
    },
  ]);
  return { id: reviewId };
}
