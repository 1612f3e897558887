import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { acceptApplication } from "@/lib/applications/accept-application";
import { applyToJob } from "@/lib/applications/apply-to-job";
import { completeJob } from "@/lib/jobs/complete-job";
import { createJob } from "@/lib/jobs/create-job";
import { toIstanbulInputValue } from "@/lib/jobs/istanbul-time";
import { actorOf, createTestUser, uniqueSuffix } from "@/test/factories";

// Shared by the marketplace's integration tests (imported only from *.test.ts files).

const DAY = 86_400_000;

export const inDays = (days: number) => toIstanbulInputValue(new Date(Date.now() + days * DAY));

export async function courthouseIn(provinceId: number, nth = 0): Promise<number> {
  const rows = await db.courthouse.findMany({ where: { provinceId }, orderBy: { id: "asc" }, take: nth + 1, select: { id: true } });
  return rows[nth].id;
}

/** What the post form sends for a valid job (strings, like FormData). */
export async function jobInput(overrides: Record<string, unknown> = {}) {
  const provinceId = Number(overrides.provinceId) || 6;
  return {
    taskType: "DURUSMA",
    lawArea: "Ticaret Hukuku",
    title: `Ticari alacak davası duruşması ${uniqueSuffix()}`,
    description: "Ara karar sonrası ikinci duruşma; tanık dinlenecek, dosya özeti paylaşılacaktır.",
    provinceId: String(provinceId),
    courthouseId: String(await courthouseIn(provinceId)),
    court: "Ankara 5. Asliye Ticaret Mahkemesi",
    fileNumber: `2026/${Math.floor(Math.random() * 9000) + 1000} E.`,
    scheduledAt: inDays(6),
    deadlineAt: inDays(4),
    fee: "1.500",
    urgency: "NORMAL",
    ...overrides,
  };
}

export async function lawyer(verification: "VERIFIED" | "PENDING" = "VERIFIED"): Promise<{ user: Awaited<ReturnType<typeof createTestUser>>; actor: Actor }> {
  const user = await createTestUser({ verification });
  return { user, actor: actorOf(user) };
}

export async function postJob(poster: Actor, overrides: Record<string, unknown> = {}): Promise<string> {
  return (await createJob(poster, await jobInput(overrides))).id;
}

export async function applyAs(applicant: Actor, jobId: string, proposedFee?: string): Promise<string> {
  return (await applyToJob(applicant, { jobId, note: "Bu adliyede düzenli olarak çalışıyorum, katılabilirim.", proposedFee })).id;
}

/** A job posted by A, applied to by B and accepted: returns its id. */
export async function assignedJob(poster: Actor, assignee: Actor, overrides: Record<string, unknown> = {}): Promise<string> {
  const jobId = await postJob(poster, overrides);
  await acceptApplication(poster, { applicationId: await applyAs(assignee, jobId) });
  return jobId;
}

export async function doneJob(poster: Actor, assignee: Actor): Promise<string> {
  const jobId = await assignedJob(poster, assignee);
  await completeJob(assignee, { jobId, outcome: "KARAR_VERILDI", report: "Duruşmaya katıldım, tanık dinlendi; ara karar tutanağı ektedir." });
  return jobId;
}

/** The AppError a promise rejects with (fails the test if it resolves or throws something else). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the call to be refused");
    },
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw error;
  return error;
}
