import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { invalidateJobs } from "@/lib/jobs/job-cache";

const withdrawSchema = z.object({ applicationId: z.string().min(1) });

/** The applicant takes back a PENDING application. */
export async function withdrawApplication(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { applicationId } = parseInput(withdrawSchema, input);
  const application = await db.application.findUnique({ where: { id: applicationId }, select: { id: true, jobId: true, applicantId: true } });
  if (!application) throw notFound("Başvuru bulunamadı.");
  if (application.applicantId !== actor.id) throw forbidden("Bu başvuru size ait değil.");
  const { count } = await db.application.updateMany({
    where: { id: application.id, applicantId: actor.id, status: "PENDING" },
    data: { status: "WITHDRAWN", decidedAt: new Date() },
  });
  if (count === 0) throw conflict("Yalnızca değerlendirme bekleyen bir başvuru geri çekilebilir.");
  await invalidateJobs([application.jobId]);
  return { id: application.id };
}
