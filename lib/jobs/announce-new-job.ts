import { db } from "@/lib/db";
import { toPayload, type JobSummary } from "@/lib/jobs/job-summary";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { getEmitter } from "@/lib/realtime/emitter";
import { userRoom } from "@/lib/realtime/rooms";
import { taskTypeLabels } from "@/lib/jobs/labels";

/**
 * Tells the lawyers who follow the job's province (all of it) or its courthouse: `job:new` to their open pages
 * on every instance, and a FOLLOWED_JOB_POSTED notification for the notifications worker to deliver.
 * Runs after the job has committed; a failure here is logged and never fails the post.
 */
export async function announceNewJob(job: JobSummary, posterId: string): Promise<string[]> {
  try {
    const follows = await db.follow.findMany({
      where: {
        userId: { not: posterId },
        OR: [{ provinceId: job.provinceId, courthouseId: null }, { courthouseId: job.courthouseId }],
        user: { verification: "VERIFIED" },
      },
      select: { userId: true },
      distinct: ["userId"],
    });
    const userIds = follows.map((f) => f.userId);
    if (userIds.length === 0) return [];
    getEmitter().to(userIds.map(userRoom)).emit("job:new", toPayload(job));
    await notifyUsers(
      userIds.map((userId) => ({
        userId,
        type: "FOLLOWED_JOB_POSTED" as const,
        title: `${job.courthouseName}: yeni ilan`,
        body: `${taskTypeLabels[job.taskType]} · ${job.title}`,
        link: `/ilanlar/${job.id}`,
      })),
    );
    return userIds;
  } catch (error) {
    console.error("announceNewJob failed", error);
    return [];
  }
}
