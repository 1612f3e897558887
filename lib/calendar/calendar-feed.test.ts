import { describe, expect, it } from "vitest";
import { buildCalendarFeed } from "@/lib/calendar/calendar-feed";
import { getCalendarToken, rotateCalendarToken } from "@/lib/calendar/calendar-token";
import { buildIcs } from "@/lib/calendar/ics";
import { assignedJob, lawyer, postJob } from "@/test/marketplace-test-support";

describe("calendar feed", () => {
  it("makes one private token on first use and serves the assignee's work as iCalendar", async () => {
    const a = await lawyer();
    const b = await lawyer();
    const jobId = await assignedJob(a.actor, b.actor, { title: "Kadıköy'de duruşma, tanık dinlenecek", fileNumber: "2026/88 E.", scheduledAt: "2028-04-10T10:00", deadlineAt: "2028-04-08T10:00" });
    await postJob(a.actor);
    const [t1, t2] = await Promise.all([getCalendarToken(b.actor), getCalendarToken(b.actor)]);
    expect(t1).toBe(t2);

    const feed = (await buildCalendarFeed(t1))!;
    expect(feed).toContain("BEGIN:VCALENDAR\r\n");
    expect(feed).toContain(`UID:${jobId}@tevkil`);
    expect(feed).toContain("DTSTART:20280410T070000Z");
    expect(feed).toContain("SUMMARY:Tevkil: Kadıköy'de duruşma\\, tanık dinlenecek");
    expect(feed.replace(/\r\n /g, "")).toContain("Dosya no: 2026/88 E.");
    expect((feed.match(/BEGIN:VEVENT/g) ?? []).length).toBe(1);

    const posterFeed = (await buildCalendarFeed(await getCalendarToken(a.actor)))!;
    expect(posterFeed).toContain("SUMMARY:Devredilen: Kadıköy'de duruşma");

    const rotated = await rotateCalendarToken(b.actor);
    expect(await buildCalendarFeed(t1)).toBeNull();
    expect(await buildCalendarFeed(rotated)).toContain(`UID:${jobId}@tevkil`);
  });

  it("folds long lines at 75 octets without splitting a Turkish character", () => {
    const ics = buildIcs("Takvim", [
      { uid: "x@tevkil", start: new Date(0), end: new Date(3_600_000), summary: "ğüşıöç".repeat(30), status: "CONFIRMED", updatedAt: new Date(0) },
    ]);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics.replace(/\r\n /g, "")).toContain(`SUMMARY:${"ğüşıöç".repeat(30)}`);
  });
});
