import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { toIstanbulInputValue } from "@/lib/jobs/istanbul-time";
import { loadOwnJob } from "@/lib/jobs/load-own-job";
import { formatKurus } from "@/lib/jobs/money";

/** The poster's own OPEN job as the edit form's initial values (file number included: it is theirs). */
export async function getJobForEdit(actor: Actor, jobId: string): Promise<Record<string, string>> {
  await loadOwnJob(actor, jobId, ["OPEN"], "Yalnızca başvuruya açık ilanlar düzenlenebilir.");
  const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
  return {
    jobId: job.id,
    taskType: job.taskType,
    lawArea: job.lawArea,
    title: job.title,
    description: job.description,
    provinceId: String(job.provinceId),
    courthouseId: String(job.courthouseId),
    court: job.court ?? "",
    fileNumber: job.fileNumber ?? "",
    scheduledAt: toIstanbulInputValue(job.scheduledAt),
    deadlineAt: toIstanbulInputValue(job.deadlineAt),
    fee: formatKurus(job.feeKurus).replace(" ₺", ""),
    urgency: job.urgency,
    anonymousApplicants: job.anonymousApplicants ? "1" : "0",
  };
}
