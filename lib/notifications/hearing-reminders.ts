import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { getRedis, redisKey } from "@/lib/redis";

const HOUR = 3_600_000;

/**
 * Reminds posters, the day before, of the next hearing an assignee reported on a done DURUSMA job (so they can
 * attend or post a tevkil for it). Run by the same periodic scan as the deadline reminders; a Redis marker per job
 * and hearing time sends each reminder once, and a hearing moved to another time is reminded again.
 */
export async function sendHearingReminders(now: Date = new Date()): Promise<number> {
  const due = await db.job.findMany({
    where: { status: "DONE", nextHearingAt: { gt: now, lte: new Date(now.getTime() + 24 * HOUR) } },
    select: { id: true, title: true, posterId: true, court: true, nextHearingAt: true, courthouse: { select: { name: true } } },
    orderBy: { nextHearingAt: "asc" },
    take: 1_000,
  });
  let sent = 0;
  for (const job of due) {
    const marker = redisKey("hearing-reminder", job.id, String(job.nextHearingAt!.getTime()));
    if ((await getRedis().set(marker, "1", "EX", 3 * 24 * 3600, "NX")) !== "OK") continue;
    await notifyUsers([
      {
        userId: job.posterId,
        type: "HEARING_REMINDER",
        title: `Yarın duruşma: ${job.title}`,
        body: `${formatDateTime(job.nextHearingAt!)} · ${job.courthouse.name}${job.court ? ` · ${job.court}` : ""}. Katılamayacaksanız ilan sayfasından "Sonraki duruşma için tevkil ver" ile ilan verebilirsiniz.`,
        link: `/ilanlar/${job.id}`,
      },
    ]);
    sent++;
  }
  return sent;
}
