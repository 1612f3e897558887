import { cacheKey, cacheVersion, getOrLoad } from "@/lib/cache";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { JobStatus, LawyerTitle, TaskType, Urgency } from "@/lib/generated/prisma/enums";
import { jobNamespace } from "@/lib/jobs/job-cache";
import { JOB_NOT_FOUND } from "@/lib/jobs/load-own-job";
import { looksLikeRecordId } from "@/lib/validation";

const DETAIL_TTL_SECONDS = 300;

/** What anyone may see of a job. The file number, completion report and contacts are not here. */
export type JobDetail = {
  id: string;
  title: string;
  description: string;
  taskType: TaskType;
  lawArea: string;
  provinceId: number;
  provinceName: string;
  courthouseId: number;
  courthouseName: string;
  court: string | null;
  scheduledAt: Date;
  deadlineAt: Date;
  feeKurus: number;
  urgency: Urgency;
  /** an urgent job's response window: its end, the same for every viewer (the page counts down in the browser) */
  responseWindowEndsAt: Date | null;
  /** applicants are shown to the poster by initials until one is accepted */
  anonymousApplicants: boolean;
  status: JobStatus;
  cancelReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  posterId: string;
  poster: { id: string; fullName: string; barName: string; title: LawyerTitle };
  assigneeId: string | null;
  activeApplicationCount: number;
};

async function loadDetail(jobId: string): Promise<JobDetail | null> {
  const job = await db.job.findUnique({
    where: { id: jobId },
    select: {
      id: true, title: true, description: true, taskType: true, lawArea: true, provinceId: true, courthouseId: true,
      court: true, scheduledAt: true, deadlineAt: true, feeKurus: true, urgency: true, status: true, cancelReason: true,
      responseWindowEndsAt: true, anonymousApplicants: true,
      createdAt: true, updatedAt: true, posterId: true, assigneeId: true,
      province: { select: { name: true } },
      courthouse: { select: { name: true } },
      poster: { select: { id: true, fullName: true, barName: true, title: true } },
      _count: { select: { applications: { where: { status: { in: ["PENDING", "ACCEPTED"] } } } } },
    },
  });
  if (!job) return null;
  const { province, courthouse, _count, ...rest } = job;
  return { ...rest, provinceName: province.name, courthouseName: courthouse.name, activeApplicationCount: _count.applications };
}

/** A job's public page data, from Redis under the job's own cache version (bumped by every write to the job). */
export async function getJobDetail(jobId: string): Promise<JobDetail> {
  if (!looksLikeRecordId(jobId)) throw notFound(JOB_NOT_FOUND);
  const version = await cacheVersion(jobNamespace(jobId));
  const detail = await getOrLoad(cacheKey("job", jobId, version), DETAIL_TTL_SECONDS, () => loadDetail(jobId));
  if (!detail) throw notFound(JOB_NOT_FOUND);
  return detail;
}
