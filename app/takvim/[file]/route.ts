import { buildCalendarFeed } from "@/lib/calendar/calendar-feed";

/** `/takvim/<token>.ics`: the private calendar feed. The token is the credential (calendar apps send no cookie). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const feed = file.endsWith(".ics") ? await buildCalendarFeed(file.slice(0, -4)) : null;
  if (!feed) return new Response("Takvim bulunamadı.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(feed, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="tevkil.ics"',
      "Cache-Control": "private, max-age=300",
    },
  });
}
