import { db } from "@/lib/db";
import { notifyUsers } from "@/lib/notifications/notify-users";

/**
 * Run by the worker when an urgent job's response window ends: tells the poster how many applications came in,
 * once (the conditional update is the fence against a retried or duplicated job). Nothing is said for a job that
 * is no longer open: the poster has already chosen or closed it. Applications keep coming in after the window.
 */
export async function endResponseWindow(jobId: string, now = new Date()): Promise<{ notified: boolean }> {
  // a second of slack: the delayed job may be picked up by a worker whose clock is a little behind
  const claimed = await db.job.updateManyAndReturn({
    where: { id: jobId, status: "OPEN", responseWindowEndsAt: { lte: new Date(now.getTime() + 1_000) }, responseWindowNotifiedAt: null },
    data: { responseWindowNotifiedAt: now },
    select: { id: true, title: true, posterId: true },
  });
  const job = claimed[0];
  if (!job) return { notified: false };
  const count = await db.application.count({ where: { jobId, status: "PENDING" } });
  await notifyUsers([
    {
      userId: job.posterId,
      type: "RESPONSE_WINDOW_ENDED",
      title: "Başvuru penceresi doldu",
      body: count > 0
        ? `"${job.title}" ilanınızın başvuru penceresi doldu: ${count} başvuru var. Şimdi birini görevlendirebilirsiniz; yeni başvurular da gelmeye devam eder.`
        : `"${job.title}" ilanınızın başvuru penceresi doldu; henüz başvuru yok. İlan açık kaldıkça başvurular gelmeye devam eder.`,
      link: `/ilanlar/${job.id}`,
    },
  ]);
  return { notified: true };
}
