import type { TaskType, Urgency } from "@/lib/generated/prisma/enums";

/** A job as the board shows it: nothing private (no file number, no contact details). */
export type JobSummary = {
  id: string;
  title: string;
  taskType: TaskType;
  lawArea: string;
  provinceId: number;
  provinceName: string;
  courthouseId: number;
  courthouseName: string;
  scheduledAt: Date;
  deadlineAt: Date;
  feeKurus: number;
  urgency: Urgency;
  /** an urgent job's response window (the card counts it down) */
  responseWindowEndsAt: Date | null;
  createdAt: Date;
  posterName: string;
};

/** The `job:new` socket payload: the summary with dates as ISO strings. */
export type JobSummaryPayload = Omit<JobSummary, "scheduledAt" | "deadlineAt" | "createdAt" | "responseWindowEndsAt"> & {
  scheduledAt: string;
  deadlineAt: string;
  createdAt: string;
  responseWindowEndsAt: string | null;
};

export const toPayload = (job: JobSummary): JobSummaryPayload => ({
  ...job,
  scheduledAt: job.scheduledAt.toISOString(),
  deadlineAt: job.deadlineAt.toISOString(),
  createdAt: job.createdAt.toISOString(),
  responseWindowEndsAt: job.responseWindowEndsAt?.toISOString() ?? null,
});

export const fromPayload = (job: JobSummaryPayload): JobSummary => ({
  ...job,
  scheduledAt: new Date(job.scheduledAt),
  deadlineAt: new Date(job.deadlineAt),
  createdAt: new Date(job.createdAt),
  responseWindowEndsAt: job.responseWindowEndsAt ? new Date(job.responseWindowEndsAt) : null,
});

export const jobSummarySelect = {
  id: true,
  title: true,
  taskType: true,
  lawArea: true,
  provinceId: true,
  courthouseId: true,
  scheduledAt: true,
  deadlineAt: true,
  feeKurus: true,
  urgency: true,
  responseWindowEndsAt: true,
  createdAt: true,
  province: { select: { name: true } },
  courthouse: { select: { name: true } },
  poster: { select: { fullName: true } },
} as const;

type SelectedJob = {
  id: string; title: string; taskType: TaskType; lawArea: string; provinceId: number; courthouseId: number;
  scheduledAt: Date; deadlineAt: Date; feeKurus: number; urgency: Urgency; responseWindowEndsAt: Date | null; createdAt: Date;
  province: { name: string }; courthouse: { name: string }; poster: { fullName: string };
};

export function toSummary({ province, courthouse, poster, ...job }: SelectedJob): JobSummary {
  return { ...job, provinceName: province.name, courthouseName: courthouse.name, posterName: poster.fullName };
}
