import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { conflict } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { requireVerified } from "@/lib/jobs/guards";
import { invalidateJobs } from "@/lib/jobs/job-cache";
import { loadOwnJob } from "@/lib/jobs/load-own-job";

export const reasonSchema = z
  .string({ error: "Gerekçe yazın." })
  .trim()
  .min(5, "Gerekçe en az 5 karakter olmalı.")
  .max(500, "Gerekçe en fazla 500 karakter olabilir.");

const cancelJobSchema = z.object({ jobId: z.string().min(1), reason: reasonSchema });

const NOT_CANCELLABLE = "Yalnızca başvuruya açık ilanlar iptal edilebilir; görevlendirme yapıldıysa görevlendirmeyi iptal edin.";

/** The poster withdraws an OPEN job with a reason; pending applicants are told. */
export async function cancelJob(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireVerified(actor);
  const raw = (input ?? {}) as Record<string, unknown>;
  const job = await loadOwnJob(actor, raw.jobId, ["OPEN"], NOT_CANCELLABLE);
  const { reason } = parseInput(cancelJobSchema, raw);
  const now = new Date();
  const rejected = await db.$transaction(async (tx) => {
    const { count } = await tx.job.updateMany({
      where: { id: job.id, status: "OPEN" },
      data: { status: "CANCELLED", cancelReason: reason, cancelledById: actor.id, cancelledAt: now },
    });
    if (count === 0) throw conflict(NOT_CANCELLABLE);
    return tx.application.updateManyAndReturn({
      where: { jobId: job.id, status: "PENDING" },
      data: { status: "REJECTED", decidedAt: now },
      select: { applicantId: true },
    });
  });
  await invalidateJobs([job.id]);
  await notifyUsers(
    rejected.map(({ applicantId }) => ({
      userId: applicantId,
      type: "APPLICATION_REJECTED" as const,
      title: "Başvurduğunuz ilan iptal edildi",
      body: `"${job.title}" ilanı sahibi tarafından iptal edildi. Gerekçe: ${reason}`,
      link: `/ilanlar/${job.id}`,
    })),
  );
  return { id: job.id };
}
