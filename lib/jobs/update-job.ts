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

/** The poster edits their job while it is OPEN. */
export async function updateJob(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireVerified(actor);
  const raw = (input ?? {}) as Record<string, unknown>;
  const job = await loadOwnJob(actor, raw.jobId, ["OPEN"], NOT_EDITABLE);
  const data = parseInput(jobInputSchema, raw);
  await assertCourthouseInProvince(data.courthouseId, data.provinceId);
  const { fee, ...fields } = data;
  // conditional on OPEN: an accept that commits between the check and this update wins
  const { count } = await db.job.updateMany({
    where: { id: job.id, posterId: actor.id, status: "OPEN" },
    data: { ...fields, court: fields.court ?? null, fileNumber: fields.fileNumber ?? null, feeKurus: fee },
  });
  if (count === 0) throw conflict(NOT_EDITABLE);
  await invalidateJobs([job.id]);
  return { id: job.id };
}
