import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import type { CompletionOutcome, JobStatus, LawyerTitle, TaskType } from "@/lib/generated/prisma/enums";
import { JOB_NOT_FOUND } from "@/lib/jobs/load-own-job";

export type PartyContact = {
  id: string;
  fullName: string;
  title: LawyerTitle;
  barName: string;
  barNumber: string;
  /** only when that lawyer lets others see it */
  phone: string | null;
  email: string | null;
};

export type ReportFileSummary = { id: string; fileName: string; mimeType: string; sizeBytes: number };

/** The private side of an assigned job: only its poster and its assignee may read it. */
export type Assignment = {
  jobId: string;
  title: string;
  taskType: TaskType;
  status: JobStatus;
  fileNumber: string | null;
  court: string | null;
  provinceName: string;
  courthouseName: string;
  scheduledAt: Date;
  assignedAt: Date | null;
  feeKurus: number;
  poster: PartyContact;
  assignee: PartyContact;
  completionReport: string | null;
  completionNotes: string | null;
  nextHearingAt: Date | null;
  completionOutcome: CompletionOutcome | null;
  interimDecision: string | null;
  outcomeReason: string | null;
  /** the tutanak files sent with the report (downloaded through /api/ilanlar/<id>/tutanak/<file id>) */
  reportFiles: ReportFileSummary[];
  completedAt: Date | null;
  viewerRole: "POSTER" | "ASSIGNEE";
};

const partySelect = {
  id: true, fullName: true, title: true, barName: true, barNumber: true, phone: true, email: true, showPhone: true, showEmail: true,
} as const;

type PartyRow = { id: string; fullName: string; title: LawyerTitle; barName: string; barNumber: string; phone: string | null; email: string; showPhone: boolean; showEmail: boolean };

const contactOf = ({ showPhone, showEmail, phone, email, ...rest }: PartyRow): PartyContact => ({
  ...rest,
  phone: showPhone ? phone : null,
  email: showEmail ? email : null,
});

export const ASSIGNEE_ONLY = "Dosya numarası ve görev ayrıntıları yalnızca görevlendirilen avukata ve ilan sahibine gösterilir.";

/** File number, contacts and report of an ASSIGNED or DONE job, for its poster or assignee; refused to anyone else. */
export async function getAssignment(actor: Actor, jobId: string): Promise<Assignment> {
  const job = await db.job.findUnique({
    where: { id: jobId },
    select: {
      id: true, title: true, taskType: true, status: true, fileNumber: true, court: true, scheduledAt: true, assignedAt: true, feeKurus: true,
      completionReport: true, completionNotes: true, nextHearingAt: true, completedAt: true, posterId: true, assigneeId: true,
      completionOutcome: true, interimDecision: true, outcomeReason: true,
      reportFiles: { select: { id: true, fileName: true, mimeType: true, sizeBytes: true }, orderBy: { createdAt: "asc" } },
      province: { select: { name: true } },
      courthouse: { select: { name: true } },
      poster: { select: partySelect },
      assignee: { select: partySelect },
    },
  });
  if (!job) throw notFound(JOB_NOT_FOUND);
  const isParty = actor.id === job.posterId || actor.id === job.assigneeId;
  if (!isParty || !job.assignee || (job.status !== "ASSIGNED" && job.status !== "DONE")) throw forbidden(ASSIGNEE_ONLY);
  return {
    jobId: job.id,
    title: job.title,
    taskType: job.taskType,
    status: job.status,
    fileNumber: job.fileNumber,
    court: job.court,
    provinceName: job.province.name,
    courthouseName: job.courthouse.name,
    scheduledAt: job.scheduledAt,
    assignedAt: job.assignedAt,
    feeKurus: job.feeKurus,
    poster: contactOf(job.poster),
    assignee: contactOf(job.assignee),
    completionReport: job.completionReport,
    completionNotes: job.completionNotes,
    nextHearingAt: job.nextHearingAt,
    completionOutcome: job.completionOutcome,
    interimDecision: job.interimDecision,
    outcomeReason: job.outcomeReason,
    reportFiles: job.reportFiles,
    completedAt: job.completedAt,
    viewerRole: actor.id === job.posterId ? "POSTER" : "ASSIGNEE",
  };
}
