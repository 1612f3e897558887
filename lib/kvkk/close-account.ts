import { removeCheckIn } from "@/lib/check-ins/check-in-store";
import { revokeOtherSessions } from "@/lib/auth/session-store";
import { invalidate } from "@/lib/cache";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { env } from "@/lib/env";
import { BOARD_NAMESPACE, invalidateJobs, jobNamespace } from "@/lib/jobs/job-cache";
import { invalidateConversationLists } from "@/lib/messaging/list-conversations";
import { notificationChannels, notificationTypes } from "@/lib/notifications/catalog";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { deleteAvatarFile } from "@/lib/profiles/avatar-storage";
import { getEmitter } from "@/lib/realtime/emitter";
import { userRoom } from "@/lib/realtime/rooms";
import { getStorage } from "@/lib/storage/storage";
import { userNamespace } from "@/lib/users/user-cache";

/** The name a closed account goes by wherever others still see it (their conversations, reviews, past jobs). */
export const DELETED_USER_NAME = "Silinmiş kullanıcı";
// .invalid is reserved (RFC 2606): never routable, and the user id keeps it unique
export const deletedEmailOf = (userId: string) => `silinmis-${userId}@silinmis.invalid`;
// not an argon2 string: verifying any password against it fails
const UNUSABLE_PASSWORD_HASH = "!hesap-kapatildi";
const JOB_CANCEL_REASON = "İlan sahibi Tevkil hesabını kapattı.";

// every event on every channel off: a peer writing into an old conversation mails nobody
const allNotificationsOff = Object.fromEntries(notificationTypes.map((type) => [type, Object.fromEntries(notificationChannels.map((c) => [c, false]))]));

/**
 * Closes an account whose deletion was asked for (lib/kvkk/request-account-deletion.ts) once the grace period is
 * over: the worker's delayed job calls this, and it does nothing if the lawyer logged in meanwhile (which cancels)
 * or the time has not come. Personal data is erased or anonymised in one transaction; what others need stays under
 * "Silinmiş kullanıcı": messages in their conversations, reviews, completed jobs (kept for the retention period
 * stated at /kvkk). Open jobs are cancelled and pending applications withdrawn. Then every session ends, sockets
 * close and cached pages showing the old name are retired.
 */
export async function closeAccount(userId: string, now = new Date()): Promise<{ closed: boolean }> {
  const due = await db.user.findFirst({
    where: { id: userId, deletedAt: null, deletionRequestedAt: { not: null, lte: new Date(now.getTime() - accountDeletionGraceMs()) } },
    select: { id: true },
  });
  if (!due) return { closed: false };

  const closed = await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { avatarPath: true, deletedAt: true } });
    if (!before || before.deletedAt) throw conflict("Bu hesap zaten kapatılmış.");
    await tx.user.update({
      where: { id: userId },
      data: {
        fullName: DELETED_USER_NAME, email: deletedEmailOf(userId), passwordHash: UNUSABLE_PASSWORD_HASH, pendingEmail: null, phone: null,
        bio: null, avatarPath: null, specialities: [], barName: "", barNumber: "", tbbNumber: null, verification: "REJECTED",
        verificationNote: null, whatsappNumber: null, whatsappVerifiedAt: null, calendarToken: null, totpSecret: null, totpEnabledAt: null, showPhone: false, showEmail: false,
        showPresence: false, notificationPrefs: allNotificationsOff, lastSeenAt: null, deletedAt: now, deletionRequestedAt: null,
      },
    });
    const cancelledJobs = await tx.job.updateManyAndReturn({
      where: { posterId: userId, status: "OPEN" },
      data: { status: "CANCELLED", cancelReason: JOB_CANCEL_REASON, cancelledById: userId, cancelledAt: now },
      select: { id: true, title: true },
    });
    const rejected = await tx.application.updateManyAndReturn({
      where: { jobId: { in: cancelledJobs.map((j) => j.id) }, status: "PENDING" },
      data: { status: "REJECTED", decidedAt: now },
      select: { applicantId: true, jobId: true },
    });
    const withdrawn = await tx.application.updateManyAndReturn({
      where: { applicantId: userId, status: "PENDING" },
      data: { status: "WITHDRAWN", decidedAt: now },
      select: { jobId: true },
    });
    const exports = await tx.dataExport.findMany({ where: { userId }, select: { storageKey: true } });
    await Promise.all([
      tx.follow.deleteMany({ where: { userId } }),
      tx.jobAvailability.deleteMany({ where: { userId } }),
      tx.favorite.deleteMany({ where: { userId } }),
      tx.pushSubscription.deleteMany({ where: { userId } }),
      tx.recoveryCode.deleteMany({ where: { userId } }),
      tx.passkey.deleteMany({ where: { userId } }),
      tx.notification.deleteMany({ where: { userId } }),
      tx.securityEvent.deleteMany({ where: { userId } }),
      tx.dataExport.deleteMany({ where: { userId } }),
    ]);
    // everyone whose pages show this lawyer's name: conversation peers, and the other side of every job
    const [peers, involvedJobs, applicantsOfOwnJobs] = await Promise.all([
      tx.conversationMember.findMany({ where: { conversation: { members: { some: { userId } } }, userId: { not: userId } }, select: { userId: true } }),
      tx.job.findMany({
        where: { OR: [{ posterId: userId }, { assigneeId: userId }, { applications: { some: { applicantId: userId } } }] },
        select: { id: true, posterId: true, assigneeId: true },
      }),
      tx.application.findMany({ where: { job: { posterId: userId } }, select: { applicantId: true }, distinct: ["applicantId"] }),
    ]);
    return { avatarPath: before.avatarPath, cancelledJobs, rejected, withdrawn, exports, peers, involvedJobs, applicantsOfOwnJobs };
  });

  // sessions and sockets first: nothing may keep acting for the account while the rest is tidied up
  await revokeOtherSessions(userId, null);
  getEmitter().in(userRoom(userId)).disconnectSockets(true);
  // a closed account is no longer counted at a courthouse ("Adliyedeyim")
  await removeCheckIn(userId).catch((error) => console.error("check-out of a closed account failed", error));

  const storage = getStorage();
  await Promise.allSettled([
    ...closed.exports.flatMap((e) => (e.storageKey ? [storage.delete(e.storageKey)] : [])),
    closed.avatarPath ? deleteAvatarFile(closed.avatarPath) : Promise.resolve(),
  ]);

  const peerIds = closed.peers.map((p) => p.userId);
  const otherSides = closed.involvedJobs.flatMap((j) => [j.posterId, j.assigneeId ?? ""]).filter((id) => id && id !== userId);
  const affectedUsers = [...new Set([userId, ...peerIds, ...otherSides, ...closed.applicantsOfOwnJobs.map((a) => a.applicantId)])];
  await invalidateJobs([...new Set([...closed.cancelledJobs.map((j) => j.id), ...closed.withdrawn.map((a) => a.jobId)])]);
  await invalidate({ namespaces: [BOARD_NAMESPACE, ...closed.involvedJobs.map((j) => jobNamespace(j.id)), ...affectedUsers.map(userNamespace)] });
  await invalidateConversationLists([...new Set([userId, ...peerIds])]);

  const titleOf = new Map(closed.cancelledJobs.map((j) => [j.id, j.title]));
  await notifyUsers(
    closed.rejected.map(({ applicantId, jobId }) => ({
      userId: applicantId,
      type: "APPLICATION_REJECTED" as const,
      title: "Başvurduğunuz ilan iptal edildi",
      body: `"${titleOf.get(jobId)}" ilanı, sahibi hesabını kapattığı için iptal edildi.`,
      link: `/ilanlar/${jobId}`,
    })),
  );
  return { closed: true };
}

/** How long a lawyer has to change their mind (ACCOUNT_DELETION_GRACE_HOURS, 7 days by default). */
export function accountDeletionGraceMs(): number {
  return env().ACCOUNT_DELETION_GRACE_HOURS * 3600 * 1000;
}
