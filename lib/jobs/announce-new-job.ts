import { db } from "@/lib/db";
import { takesJob } from "@/lib/availability/availability-rules";
import { announceUrgentJob } from "@/lib/check-ins/announce-urgent-job";
import { toPayload, type JobSummary } from "@/lib/jobs/job-summary";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { getEmitter } from "@/lib/realtime/emitter";
import { userRoom } from "@/lib/realtime/rooms";
import { taskTypeLabels } from "@/lib/jobs/labels";

/**
 * Tells the lawyers at the courthouse first when the job is urgent ("Adliyedeyim", lib/check-ins/), then those who
 * follow the job's province (all of it) or its courthouse and take such work (lib/availability/): `job:new` to
 * their open pages on every instance, and a FOLLOWED_JOB_POSTED notification for the notifications worker to
 * deliver (one notification per lawyer: the checked-in ones already had theirs).
 * Runs after the job has committed; a failure here is logged and never fails the post.
 */
export async function announceNewJob(job: JobSummary, posterId: string): Promise<string[]> {
  try {
    const present = await announceUrgentJob(job, posterId).catch((error) => {
      console.error("announceUrgentJob failed", error);
      return [] as string[];
    });
    const follows = await db.follow.findMany({
      where: {
        userId: { notIn: [posterId, ...present] },
        OR: [{ provinceId: job.provinceId, courthouseId: null }, { courthouseId: job.courthouseId }],
        user: { verification: "VERIFIED", ...takesJob(job) },
      },
      select: { userId: true },
      distinct: ["userId"],
    });
    const userIds = follows.map((f) => f.userId);
    const live = [...present, ...userIds];
    if (live.length === 0) return [];
    getEmitter().to(live.map(userRoom)).emit("job:new", toPayload(job));
    await notifyUsers(
      userIds.map((userId) => ({
        userId,
        type: "FOLLOWED_JOB_POSTED" as const,
        title: `${job.courthouseName}: yeni ilan`,
        body: `${taskTypeLabels[job.taskType]} · ${job.title}`,
        link: `/ilanlar/${job.id}`,
        subjectId: job.id,
      })),
    );
    return live;
  } catch (error) {
    console.error("announceNewJob failed", error);
    return [];
  }
}
