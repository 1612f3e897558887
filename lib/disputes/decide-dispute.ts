import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { startApplyPause } from "@/lib/fair-dealing/apply-pause";
import { loadDisputeFor } from "@/lib/disputes/dispute-parties";
import { disputeId, disputeText } from "@/lib/disputes/dispute-text";
import { invalidateJobs } from "@/lib/jobs/job-cache";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { requireAdministrator } from "@/lib/users/require-administrator";
import { parseInput } from "@/lib/validation";

const decideSchema = z.object({
  disputeId,
  note: disputeText("Karar notunu"),
  reviews: z.enum(["KEEP", "HIDE"], { error: "Değerlendirmeler için bir seçim yapın." }),
  sanction: z.enum(["NONE", "POSTER", "ASSIGNEE"], { error: "Yaptırım için bir seçim yapın." }).default("NONE"),
});

const reviewOutcomeLabels = { KEEP: "değerlendirmeler yayımlandı", HIDE: "değerlendirmeler gizlendi" } as const;

/**
 * An administrator decides an open dispute with a note: the held reviews are released (and counted in the ratings)
 * or hidden for good, and optionally one party's applying is paused for APPLY_PAUSE_DAYS.
 */
export async function decideDispute(actor: Actor, input: unknown): Promise<{ id: string }> {
  await requireAdministrator(actor);
  const data = parseInput(decideSchema, input);
  const dispute = await loadDisputeFor(actor, data.disputeId);
  const sanctionedUserId = data.sanction === "POSTER" ? dispute.posterId : data.sanction === "ASSIGNEE" ? dispute.assigneeId : null;
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Job" WHERE id = ${dispute.jobId} FOR UPDATE`;
    const { count } = await tx.dispute.updateMany({
      where: { id: dispute.id, status: "OPEN" },
      data: { status: "DECIDED", decisionNote: data.note, reviewOutcome: data.reviews, sanctionedUserId, decidedById: actor.id, decidedAt: new Date() },
    });
    if (count === 0) throw conflict("Bu uyuşmazlık zaten karara bağlandı.");
    const released = await tx.review.updateManyAndReturn({
      where: { jobId: dispute.jobId, state: "HELD" },
      data: { state: data.reviews === "KEEP" ? "VISIBLE" : "HIDDEN" },
      select: { subjectId: true, overall: true },
    });
    if (data.reviews === "KEEP") {
      for (const review of released) {
        await tx.user.update({ where: { id: review.subjectId }, data: { ratingSum: { increment: review.overall }, ratingCount: { increment: 1 } } });
      }
    }
    await recordAuditEntry(
      { actorId: actor.id, action: "DISPUTE_DECIDED", targetUserId: sanctionedUserId ?? undefined, detail: { disputeId: dispute.id, jobId: dispute.jobId, note: data.note, reviews: data.reviews, sanction: data.sanction } },
      tx,
    );
  });
  if (sanctionedUserId) await startApplyPause(sanctionedUserId, `Uyuşmazlık Masası kararı ("${dispute.jobTitle}"): ${data.note}`);
  await invalidateJobs([dispute.jobId]);
  const sanctionText = sanctionedUserId ? (sanctionedUserId === dispute.posterId ? " İlan sahibinin başvuruları duraklatıldı." : " Görevli avukatın başvuruları duraklatıldı.") : "";
  await notifyUsers(
    [dispute.posterId, dispute.assigneeId].map((userId) => ({
      userId,
      type: "DISPUTE_DECIDED" as const,
      title: "Uyuşmazlık karara bağlandı",
      body: `"${dispute.jobTitle}": ${reviewOutcomeLabels[data.reviews]}.${sanctionText} Karar notu: ${data.note}`,
      link: `/uyusmazlik/${dispute.id}`,
    })),
  );
  return { id: dispute.id };
}
