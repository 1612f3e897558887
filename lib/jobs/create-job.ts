import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { announceNewJob } from "@/lib/jobs/announce-new-job";
import { requireVerified } from "@/lib/jobs/guards";
import { invalidateJobs } from "@/lib/jobs/job-cache";
import { jobInputSchema } from "@/lib/jobs/job-input.schema";
import { jobSummarySelect, toSummary } from "@/lib/jobs/job-summary";
import { assertCourthouseInProvince } from "@/lib/jobs/reference-places";
import { responseWindowEnd, scheduleResponseWindowNotice } from "@/lib/jobs/response-window";

/**
 * A verified lawyer posts a tevkil; followers of its province or courthouse hear about it live. An urgent one opens
 * its response window now, and the poster is told when it ends.
 */
export async function createJob(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireVerified(actor);
  const data = parseInput(jobInputSchema, input);
  await assertCourthouseInProvince(data.courthouseId, data.provinceId);
  const { fee, responseWindowMinutes, ...fields } = data;
  const responseWindowEndsAt = responseWindowEnd(fields.urgency, responseWindowMinutes, fields.deadlineAt);
  const job = await db.job.create({
    data: { ...fields, court: fields.court ?? null, fileNumber: fields.fileNumber ?? null, feeKurus: fee, posterId: actor.id, responseWindowEndsAt },
    select: jobSummarySelect,
  });
  if (responseWindowEndsAt) await scheduleResponseWindowNotice(job.id, responseWindowEndsAt);
  await invalidateJobs([job.id]);
  await announceNewJob(toSummary(job), actor.id);
  return { id: job.id };
}
