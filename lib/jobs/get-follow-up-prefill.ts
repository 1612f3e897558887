import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { toIstanbulInputValue } from "@/lib/jobs/istanbul-time";
import { jobReference } from "@/lib/jobs/job-reference";
import { loadOwnJob } from "@/lib/jobs/load-own-job";
import { formatKurus } from "@/lib/jobs/money";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * The post form's values for the next hearing of the poster's own done DURUSMA job: the same courthouse, court,
 * task type and law area, the next hearing's time, and the file number (the poster's own, so never shown to
 * anyone else). Applications close a day before the hearing, or an hour from now when it is nearer than that.
 */
export async function getFollowUpPrefill(actor: Actor, jobId: string, now = new Date()): Promise<Record<string, string>> {
  await loadOwnJob(actor, jobId, ["DONE"], "Sonraki duruşma için tevkil yalnızca tamamlanan bir duruşmadan verilebilir.");
  const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
  if (job.taskType !== "DURUSMA" || !job.nextHearingAt || job.nextHearingAt <= now) {
    throw conflict("Bu işin ileri tarihli bir sonraki duruşması yok.");
  }
  const deadline = new Date(Math.max(job.nextHearingAt.getTime() - DAY, Math.min(now.getTime() + HOUR, job.nextHearingAt.getTime())));
  return {
    taskType: job.taskType,
    lawArea: job.lawArea,
    title: job.title.startsWith("Sonraki duruşma: ") ? job.title : `Sonraki duruşma: ${job.title}`.slice(0, 120),
    description: `${jobReference(job)} numaralı tevkilin devamı. ${job.description}`.slice(0, 4000),
    provinceId: String(job.provinceId),
    courthouseId: String(job.courthouseId),
    court: job.court ?? "",
    fileNumber: job.fileNumber ?? "",
    scheduledAt: toIstanbulInputValue(job.nextHearingAt),
    deadlineAt: toIstanbulInputValue(deadline),
    fee: formatKurus(job.feeKurus).replace(" ₺", ""),
    urgency: "NORMAL",
  };
}
