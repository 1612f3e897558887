import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { invalidateUsers } from "@/lib/users/user-cache";
import { recentStrikes, strikesLabel } from "@/lib/fair-dealing/strikes";

export type ApplyPauseView = { id: string; reason: string; endsAt: Date };

/** The pause on the lawyer's applying in force now, if any. */
export async function activeApplyPause(userId: string, now = new Date()): Promise<ApplyPauseView | null> {
  return db.applyPause.findFirst({
    where: { userId, liftedAt: null, endsAt: { gt: now } },
    orderBy: { endsAt: "desc" },
    select: { id: true, reason: true, endsAt: true },
  });
}

/** The refusal an apply meets while paused: why, and until when. */
export function applyPausedError(pause: ApplyPauseView): AppError {
  return new AppError("FORBIDDEN", `Başvurularınız ${formatDateTime(pause.endsAt)} tarihine kadar duraklatıldı. Neden: ${pause.reason}`);
}

/** Pauses the lawyer's applying for `days`, tells them why and until when, and shows it on their panel. */
export async function startApplyPause(userId: string, reason: string, days = env().APPLY_PAUSE_DAYS): Promise<ApplyPauseView> {
  const endsAt = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  const pause = await db.applyPause.create({ data: { userId, reason, endsAt }, select: { id: true, reason: true, endsAt: true } });
  await invalidateUsers([userId]);
  await notifyUsers([
    {
      userId,
      type: "APPLYING_PAUSED",
      title: "Başvurularınız duraklatıldı",
      body: `${formatDateTime(endsAt)} tarihine kadar ilanlara başvuramazsınız. Neden: ${reason}`,
      link: "/panel",
    },
  ]);
  return pause;
}

/**
 * After a cancellation by the assignee or a no-show report: past the threshold (APPLY_PAUSE_THRESHOLD in 12
 * months) applying is paused for APPLY_PAUSE_DAYS, unless a pause is already running.
 */
export async function pauseIfOverThreshold(userId: string): Promise<ApplyPauseView | null> {
  const strikes = await recentStrikes(userId);
  if (strikes.total < env().APPLY_PAUSE_THRESHOLD) return null;
  if (await activeApplyPause(userId)) return null;
  return startApplyPause(userId, `${strikesLabel(strikes)} (sınır: 12 ayda ${env().APPLY_PAUSE_THRESHOLD}).`);
}
