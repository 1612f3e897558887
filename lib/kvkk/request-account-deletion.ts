import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { revokeOtherSessions } from "@/lib/auth/session-store";
import { db } from "@/lib/db";
import { conflict, forbidden } from "@/lib/errors";
import { accountDeletionGraceMs } from "@/lib/kvkk/close-account";
import { invalidateJobs } from "@/lib/jobs/job-cache";
import { addExportJob } from "@/lib/queue/queues";
import { getEmitter } from "@/lib/realtime/emitter";
import { userRoom } from "@/lib/realtime/rooms";
import { recordSecurityEvent, type SecurityContext } from "@/lib/security/record-security-event";
import { checkCurrentPassword } from "@/lib/users/check-current-password";
import { parseInput } from "@/lib/validation";

const requestSchema = z.object({
  currentPassword: z.string({ error: "Mevcut şifrenizi yazın." }).min(1, "Mevcut şifrenizi yazın.").max(200),
  confirm: z.literal("on", { error: "Hesabınızın kalıcı olarak kapatılacağını onaylayın." }),
});

/**
 * "Hesabımı sil" (KVKK md. 11), after the current password: every session ends and every socket closes at once,
 * pending applications are withdrawn (nobody can assign the lawyer meanwhile), and the account is closed by a
 * worker job when the grace period is over (lib/kvkk/close-account.ts). Logging in before then cancels it. While an
 * assignment is under way the account cannot be closed: the other lawyer still relies on it.
 */
export async function requestAccountDeletion(actor: Actor, input: unknown, context: SecurityContext): Promise<{ closesAt: Date }> {
  if (actor.role === "ADMIN") throw forbidden("Yönetici hesapları bu sayfadan kapatılamaz.");
  const { currentPassword } = parseInput(requestSchema, input);
  await checkCurrentPassword(actor.id, currentPassword);
  const underWay = await db.job.count({ where: { status: "ASSIGNED", OR: [{ posterId: actor.id }, { assigneeId: actor.id }] } });
  if (underWay > 0) {
    throw conflict("Devam eden bir görevlendirmeniz var. Hesabınızı kapatmadan önce görevi tamamlayın ya da görevlendirmeyi iptal edin.");
  }
  const now = new Date();
  const withdrawn = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { deletionRequestedAt: now } });
    return tx.application.updateManyAndReturn({ where: { applicantId: actor.id, status: "PENDING" }, data: { status: "WITHDRAWN", decidedAt: now }, select: { jobId: true } });
  });
  await revokeOtherSessions(actor.id, null);
  getEmitter().in(userRoom(actor.id)).disconnectSockets(true);
  await invalidateJobs([...new Set(withdrawn.map((a) => a.jobId))]);
  const grace = accountDeletionGraceMs();
  await addExportJob("close-account", { userId: actor.id }, { jobId: `close-account-${actor.id}-${now.getTime()}`, delay: grace });
  await recordSecurityEvent({ userId: actor.id, type: "ACCOUNT_DELETION_REQUESTED" }, context);
  return { closesAt: new Date(now.getTime() + grace) };
}

/** A login during the grace period keeps the account: the delayed job then finds nothing to close. */
export async function cancelAccountDeletion(userId: string, context: SecurityContext): Promise<void> {
  const { count } = await db.user.updateMany({ where: { id: userId, deletionRequestedAt: { not: null }, deletedAt: null }, data: { deletionRequestedAt: null } });
  if (count > 0) await recordSecurityEvent({ userId, type: "ACCOUNT_DELETION_CANCELLED" }, context);
}
