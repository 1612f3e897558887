import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { buildIcs, type IcsEvent } from "@/lib/calendar/ics";
import { taskTypeLabels } from "@/lib/jobs/labels";

const HOUR = 3_600_000;
const HISTORY_DAYS = 90;
const MAX_EVENTS = 500;

/**
 * The private `.ics` feed behind a calendar token: the work the user is assigned (and the work they handed over
 * that has an assignee), from 90 days back. Null for an unknown token. The token is the only credential, so the
 * feed holds what its owner may see, file numbers included.
 */
export async function buildCalendarFeed(token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const user = await db.user.findUnique({ where: { calendarToken: token }, select: { id: true } });
  if (!user) return null;
  const since = new Date(Date.now() - HISTORY_DAYS * 24 * HOUR);
  const select = {
    id: true, title: true, taskType: true, court: true, fileNumber: true, scheduledAt: true, status: true, updatedAt: true, posterId: true,
    courthouse: { select: { name: true } }, province: { select: { name: true } },
    poster: { select: { fullName: true } }, assignee: { select: { fullName: true } },
  } as const;
  const [assigned, handedOver, nextHearings] = await Promise.all([
    db.job.findMany({ where: { assigneeId: user.id, status: { in: ["ASSIGNED", "DONE"] }, scheduledAt: { gte: since } }, orderBy: { scheduledAt: "asc" }, take: MAX_EVENTS, select }),
    db.job.findMany({ where: { posterId: user.id, status: { in: ["ASSIGNED", "DONE"] }, scheduledAt: { gte: since } }, orderBy: { scheduledAt: "asc" }, take: MAX_EVENTS, select }),
    // the next hearings the assignees reported on the user's done hearings: theirs to cover (or to post again)
    db.job.findMany({
      where: { posterId: user.id, status: "DONE", nextHearingAt: { gte: since } },
      orderBy: { nextHearingAt: "asc" },
      take: MAX_EVENTS,
      select: { id: true, title: true, court: true, fileNumber: true, nextHearingAt: true, updatedAt: true, courthouse: { select: { name: true } }, province: { select: { name: true } } },
    }),
  ]);
  const appUrl = env().APP_URL.replace(/\/$/, "");
  const events: IcsEvent[] = [...assigned, ...handedOver].map((job) => {
    const mine = job.posterId !== user.id;
    const details = [
      `${taskTypeLabels[job.taskType]}${job.court ? ` · ${job.court}` : ""}`,
      job.fileNumber ? `Dosya no: ${job.fileNumber}` : null,
      mine ? `İlan sahibi: ${job.poster.fullName}` : `Görevli: ${job.assignee?.fullName ?? "-"}`,
      `${appUrl}/ilanlar/${job.id}`,
    ].filter(Boolean);
    return {
      uid: `${job.id}@tevkil`,
      start: job.scheduledAt,
      end: new Date(job.scheduledAt.getTime() + HOUR),
      summary: `${mine ? "Tevkil" : "Devredilen"}: ${job.title}`,
      location: `${job.courthouse.name}, ${job.province.name}`,
      description: details.join("\n"),
      url: `${appUrl}/ilanlar/${job.id}`,
      status: "CONFIRMED",
      updatedAt: job.updatedAt,
    };
  });
  for (const job of nextHearings) {
    const start = job.nextHearingAt!;
    events.push({
      uid: `${job.id}-sonraki-durusma@tevkil`,
      start,
      end: new Date(start.getTime() + HOUR),
      summary: `Sonraki duruşma: ${job.title}`,
      location: `${job.courthouse.name}, ${job.province.name}`,
      description: [job.court, job.fileNumber ? `Dosya no: ${job.fileNumber}` : null, `Tevkil vermek için: ${appUrl}/ilanlar/${job.id}`].filter(Boolean).join("\n"),
      url: `${appUrl}/ilanlar/${job.id}`,
      status: "CONFIRMED",
      updatedAt: job.updatedAt,
      alarms: [
        { before: "P1D", description: `Yarın duruşma: ${job.title}` },
        { before: "PT2H", description: `2 saat sonra duruşma: ${job.title}` },
      ],
    });
  }
  return buildIcs("Tevkil görevlerim", events);
}
