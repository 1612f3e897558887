import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { formatDate, formatDateTime } from "@/lib/format";
import type { AuthorisationDocumentData, DocumentParty } from "@/lib/jobs/authorisation-document-text";
import { getAssignment } from "@/lib/jobs/get-assignment";
import { jobReference } from "@/lib/jobs/job-reference";
import { taskTypeLabels } from "@/lib/jobs/labels";
import { renderAuthorisationDocument } from "@/lib/pdf/authorisation-document";
import { renderAuthorisationUdf } from "@/lib/udf/authorisation-document";

const titleLabel = { AVUKAT: "Av.", STAJYER: "Stj. Av." } as const;
const withoutTitle = (name: string) => name.replace(/^(Av\.|Stj\. Av\.)\s*/i, "");

export type AuthorisationFormat = "pdf" | "udf";
export type AuthorisationFile = { fileName: string; contentType: string; bytes: Uint8Array };

const contentTypes: Record<AuthorisationFormat, string> = { pdf: "application/pdf", udf: "application/octet-stream" };

/**
 * The yetki belgesi of an assigned (or done) job, as a PDF or as a UYAP UDF, for its poster or assignee only: the
 * same check as the file number, since the document carries it. Both formats are filled from the same data.
 */
export async function getAuthorisationDocument(actor: Actor, jobId: string, format: AuthorisationFormat = "pdf"): Promise<AuthorisationFile> {
  const assignment = await getAssignment(actor, jobId);
  const [job, people] = await Promise.all([
    db.job.findUniqueOrThrow({ where: { id: jobId }, select: { taskType: true, number: true, createdAt: true } }),
    db.user.findMany({ where: { id: { in: [assignment.poster.id, assignment.assignee.id] } }, select: { id: true, tbbNumber: true } }),
  ]);
  const tbb = new Map(people.map((p) => [p.id, p.tbbNumber]));
  const party = (p: typeof assignment.poster): DocumentParty => ({
    fullName: withoutTitle(p.fullName),
    title: titleLabel[p.title],
    barName: p.barName,
    barNumber: p.barNumber,
    tbbNumber: tbb.get(p.id) ?? null,
  });
  const reference = jobReference(job);
  const data: AuthorisationDocumentData = {
    reference,
    issuedAt: formatDate(new Date()),
    grantor: party(assignment.poster),
    grantee: party(assignment.assignee),
    courthouse: `${assignment.courthouseName} (${assignment.provinceName})`,
    court: assignment.court,
    fileNumber: assignment.fileNumber,
    task: `${taskTypeLabels[job.taskType]} — ${assignment.title}`,
    scheduledAt: formatDateTime(assignment.scheduledAt),
  };
  const bytes = format === "udf" ? renderAuthorisationUdf(data) : new Uint8Array(await renderAuthorisationDocument(data));
  return { fileName: `yetki-belgesi-${reference}.${format}`, contentType: contentTypes[format], bytes };
}
