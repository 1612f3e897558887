import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { invalidateJobs } from "@/lib/jobs/job-cache";
import { forgetPairAssignment } from "@/lib/messaging/contact-gate";

const acceptSchema = z.object({ applicationId: z.string().min(1) });

export const ALREADY_ASSIGNED = "Bu ilana zaten bir avukat görevlendirildi ya da ilan artık açık değil.";

/**
 * The poster accepts one application. One transaction: the job becomes ASSIGNED to that applicant, the application
 * ACCEPTED, every other pending one REJECTED. The job update is conditional on status = 'OPEN', so when two accepts
 * race, PostgreSQL's row lock makes the second re-read the row after the first commits, match nothing and roll back.
 */
export async function acceptApplication(actor: Actor, input: unknown): Promise<{ jobId: string; assigneeId: string }> {
  const { applicationId } = parseInput(acceptSchema, input);
  const application = await db.application.findUnique({
    where: { id: applicationId },
    select: { id: true, jobId: true, applicantId: true, status: true, job: { select: { posterId: true, title: true } } },
  });
  if (!application) throw notFound("Başvuru bulunamadı.");
  if (application.job.posterId !== actor.id) throw forbidden("Bu ilan size ait değil; başvuruları yalnızca ilan sahibi kabul edebilir.");
  if (application.status !== "PENDING") throw conflict("Bu başvuru artık değerlendirme beklemiyor.");

  const now = new Date();
  const rejected = await db.$transaction(async (tx) => {
    const claimed = await tx.job.updateMany({
      where: { id: application.jobId, posterId: actor.id, status: "OPEN" },
      data: { status: "ASSIGNED", assigneeId: application.applicantId, assignedAt: now },
    });
    if (claimed.count === 0) throw conflict(ALREADY_ASSIGNED);
    const accepted = await tx.application.updateMany({
      where: { id: application.id, status: "PENDING" },
      data: { status: "ACCEPTED", decidedAt: now },
    });
    if (accepted.count === 0) throw conflict("Başvuru bu sırada geri çekildi.");
    return tx.application.updateManyAndReturn({
      where: { jobId: application.jobId, status: "PENDING", id: { not: application.id } },
      data: { status: "REJECTED", decidedAt: now },
      select: { applicantId: true },
    });
  });

  await Promise.all([invalidateJobs([application.jobId]), forgetPairAssignment(actor.id, application.applicantId)]);
  const link = `/ilanlar/${application.jobId}`;
  await notifyUsers([
    {
      userId: application.applicantId,
      type: "APPLICATION_ACCEPTED",
      title: "Başvurunuz kabul edildi",
      body: `"${application.job.title}" için görevlendirildiniz. Dosya bilgileri ilan sayfasında.`,
      link,
    },
    ...rejected.map(({ applicantId }) => ({
      userId: applicantId,
      type: "APPLICATION_REJECTED" as const,
      title: "Başvurunuz sonuçlandı",
      body: `"${application.job.title}" için başka bir meslektaşınız görevlendirildi.`,
      link,
    })),
  ]);
  return { jobId: application.jobId, assigneeId: application.applicantId };
}
