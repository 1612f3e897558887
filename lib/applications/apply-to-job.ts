import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { activeApplyPause, applyPausedError } from "@/lib/fair-dealing/apply-pause";
import { isUniqueViolation } from "@/lib/jobs/errors";
import { requireVerified } from "@/lib/jobs/guards";
import { invalidateJobs } from "@/lib/jobs/job-cache";
import { JOB_NOT_FOUND } from "@/lib/jobs/load-own-job";
import { parseTurkishLira } from "@/lib/jobs/money";
import { initialsOf } from "@/lib/applications/applicant-identity";

export const applySchema = z.object({
  jobId: z.string().min(1),
  note: z
    .string({ error: "Kısa bir not yazın." })
    .trim()
    .min(10, "Not en az 10 karakter olmalı; kendinizi ve bu işe uygunluğunuzu kısaca anlatın.")
    .max(2000, "Not en fazla 2000 karakter olabilir."),
  proposedFee: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z
      .union([z.string(), z.number()])
      .transform((value, ctx) => {
        const kurus = typeof value === "number" ? Math.round(value * 100) : parseTurkishLira(value);
        if (kurus === null || kurus < 100 || kurus > 1_000_000_000) {
          ctx.addIssue({ code: "custom", message: "Önerdiğiniz ücreti TL olarak girin (ör. 2.000 veya 2.000,50)." });
          return z.NEVER;
        }
        return kurus;
      })
      .optional(),
  ),
});

const ALREADY_APPLIED = "Bu ilana zaten başvurdunuz; bir ilana yalnızca bir kez başvurulabilir.";

/** A verified lawyer applies to someone else's OPEN job, once, with a note and optionally their own fee. */
export async function applyToJob(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireVerified(actor);
  const data = parseInput(applySchema, input);
  const job = await db.job.findUnique({ where: { id: data.jobId }, select: { id: true, title: true, posterId: true, status: true, deadlineAt: true, anonymousApplicants: true } });
  if (!job) throw notFound(JOB_NOT_FOUND);
  if (job.posterId === actor.id) throw forbidden("Kendi ilanınıza başvuramazsınız.");
  const pause = await activeApplyPause(actor.id);
  if (pause) throw applyPausedError(pause);
  const existing = await db.application.findUnique({ where: { jobId_applicantId: { jobId: job.id, applicantId: actor.id } }, select: { id: true } });
  if (existing) throw conflict(ALREADY_APPLIED);
  let applicationId: string;
  try {
    applicationId = await db.$transaction(async (tx) => {
      // holds the job row against an accept until this application is in: the accept then sees it and rejects it
      const [locked] = await tx.$queryRaw<{ status: string; deadlineAt: Date }[]>`
        SELECT status::text AS status, "deadlineAt" FROM "Job" WHERE id = ${job.id} FOR SHARE`;
      if (!locked || locked.status !== "OPEN" || locked.deadlineAt.getTime() <= Date.now()) {
        throw conflict("Bu ilan artık başvuruya açık değil.");
      }
      const created = await tx.application.create({
        data: { jobId: job.id, applicantId: actor.id, note: data.note, proposedFeeKurus: data.proposedFee ?? null },
        select: { id: true },
      });
      return created.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(ALREADY_APPLIED);
    throw error;
  }
  await invalidateJobs([job.id]);
  // the row, its socket payload, the e-mail and the push all carry this text: on an anonymous job, initials only
  const applicant = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { fullName: true } });
  const who = job.anonymousApplicants ? initialsOf(applicant.fullName) : applicant.fullName;
  await notifyUsers([
    {
      userId: job.posterId,
      type: "APPLICATION_RECEIVED",
      title: "İlanınıza yeni başvuru",
      body: `"${job.title}" ilanınıza ${who} başvurdu.`,
      link: `/ilanlar/${job.id}`,
      subjectId: applicationId,
    },
  ]);
  return { id: applicationId };
}
