import { db } from "@/lib/db";
import { takesJob } from "@/lib/availability/availability-rules";
import { checkedInUserIds } from "@/lib/check-ins/check-in-store";
import { toPayload, type JobSummary } from "@/lib/jobs/job-summary";
import { taskTypeLabels, urgencyLabels } from "@/lib/jobs/labels";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { getEmitter } from "@/lib/realtime/emitter";
import { userRoom } from "@/lib/realtime/rooms";

/**
 * An URGENT or VERY_URGENT job reaches the lawyers checked in at its courthouse first: `job:urgent` to their open
 * pages on every instance, then an URGENT_JOB_AT_COURTHOUSE notification (push and WhatsApp by default), queued
 * before the followers' ones. Their availability still applies ("görev alıyorum" off, task types not taken), except
 * the courthouse list: checking in there names the courthouse. Returns who was told, for the followers' fan-out to
 * leave out.
 */
export async function announceUrgentJob(job: JobSummary, posterId: string): Promise<string[]> {
  if (job.urgency === "NORMAL") return [];
  const present = (await checkedInUserIds(job.courthouseId)).filter((id) => id !== posterId);
  if (present.length === 0) return [];
  const users = await db.user.findMany({
    where: { id: { in: present }, verification: "VERIFIED", deletedAt: null, ...takesJob(job, { anyCourthouse: true }) },
    select: { id: true },
  });
  const userIds = users.map((u) => u.id);
  if (userIds.length === 0) return [];
  getEmitter().to(userIds.map(userRoom)).emit("job:urgent", toPayload(job));
  await notifyUsers(
    userIds.map((userId) => ({
      userId,
      type: "URGENT_JOB_AT_COURTHOUSE" as const,
      title: `${urgencyLabels[job.urgency]} ilan: ${job.courthouseName}`,
      body: `Bulunduğunuz adliyede ${taskTypeLabels[job.taskType].toLocaleLowerCase("tr")} · ${job.title}`,
      link: `/ilanlar/${job.id}`,
    })),
  );
  return userIds;
}
