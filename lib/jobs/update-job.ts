import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { conflict } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireVerified } from "@/lib/jobs/guards";
import { invalidateJobs } from "@/lib/jobs/job-cache";
import { jobInputSchema } from "@/lib/jobs/job-input.schema";
import { loadOwnJob } from "@/lib/jobs/load-own-job";
import { assertCourthouseInProvince } from "@/lib/jobs/reference-places";

const NOT_EDITABLE = "Yalnızca başvuruya açık ilanlar düzenlenebilir.";
const ANONYMITY_PROMISED = "Bu ilana başvuranlara adlarının gizli kalacağı söylendi; başvuru gelmiş bir ilanda kimlik gizliliği kapatılamaz.";

/**
 * The poster edits their job while it is OPEN. The response window stays as it was posted (its notice is already
 * queued); anonymity can be turned on at any time, off only while nobody has applied under it.
 */
export async function updateJob(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireVerified(actor);
  const raw = (input ?? {}) as Record<string, unknown>;
  const job = await loadOwnJob(actor, raw.jobId, ["OPEN"], NOT_EDITABLE);
  const data = parseInput(jobInputSchema, raw);
  await assertCourthouseInProvince(data.courthouseId, data.provinceId);
  const { fee, responseWindowMinutes: _fixedAtPosting, ...fields } = data;
  const revealing = job.anonymousApplicants && !fields.anonymousApplicants;
  const count = await db.$transaction(async (tx) => {
    if (revealing) {
      // the row lock waits for an application being written (it holds FOR SHARE), so the count below includes it
      await tx.$queryRaw`SELECT id FROM "Job" WHERE id = ${job.id} FOR UPDATE`;
      if ((await tx.application.count({ where: { jobId: job.id } })) > 0) throw conflict(ANONYMITY_PROMISED);
    }
    // conditional on OPEN: an accept that commits between the check and this update wins
    const updated = await tx.job.updateMany({
      where: { id: job.id, posterId: actor.id, status: "OPEN" },
      data: { ...fields, court: fields.court ?? null, fileNumber: fields.fileNumber ?? null, feeKurus: fee },
    });
    return updated.count;
  });
  if (count === 0) throw conflict(NOT_EDITABLE);
  await invalidateJobs([job.id]);
  return { id: job.id };
}
