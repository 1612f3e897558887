import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { getRedis, redisKey } from "@/lib/redis";

const HOUR = 3_600_000;
// work starting within (fromMs, toMs] of now; the 24-hour reminder is not sent for work already 2 hours away
const windows = [
  { name: "24h", fromMs: 2 * HOUR, toMs: 24 * HOUR, label: "24 saat içinde" },
  { name: "2h", fromMs: 0, toMs: 2 * HOUR, label: "2 saat içinde" },
] as const;

/**
 * Reminds assignees of ASSIGNED work starting within 24 hours and within 2 hours, once per job and window
 * (a Redis marker per job and window makes repeated scans and retries harmless). Returns reminders sent.
 */
export async function sendDeadlineReminders(now: Date = new Date()): Promise<number> {
  let sent = 0;
  for (const window of windows) {
    const due = await db.job.findMany({
      where: { status: "ASSIGNED", assigneeId: { not: null }, scheduledAt: { gt: new Date(now.getTime() + window.fromMs), lte: new Date(now.getTime() + window.toMs) } },
      select: { id: true, title: true, scheduledAt: true, assigneeId: true, courthouse: { select: { name: true } } },
      orderBy: { scheduledAt: "asc" },
      take: 1_000,
    });
    for (const job of due) {
      const marker = redisKey("reminder", job.id, window.name);
      const first = await getRedis().set(marker, "1", "EX", 3 * 24 * 3600, "NX");
      if (first !== "OK") continue;
      await notifyUsers([
        {
          userId: job.assigneeId!,
          type: "DEADLINE_REMINDER",
          title: `Göreviniz ${window.label}: ${job.title}`,
          body: `${formatDateTime(job.scheduledAt)} · ${job.courthouse.name}. Dosya bilgileri ve yetki belgesi ilan sayfasında.`,
          link: `/ilanlar/${job.id}`,
        },
      ]);
      sent++;
    }
  }
  return sent;
}
