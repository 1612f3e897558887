// The server's clock, for countdowns drawn in the browser (a device's clock may be minutes off). Asked once per
// page that shows a running countdown, never repeatedly.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ now: Date.now() }, { headers: { "cache-control": "no-store" } });
}
