"use client";

let offset: Promise<number> | null = null;

/**
 * How far the server's clock is ahead of this device's, in ms: asked once per tab (`/api/saat`), halfway through
 * the round trip. A failed request counts as no difference, and the next countdown asks again.
 */
export function serverClockOffset(): Promise<number> {
  offset ??= (async () => {
    const sent = Date.now();
    const response = await fetch("/api/saat", { cache: "no-store" });
    if (!response.ok) throw new Error(`clock ${response.status}`);
    const { now } = (await response.json()) as { now: number };
    return now - (sent + Date.now()) / 2;
  })().catch(() => {
    offset = null;
    return 0;
  });
  return offset;
}
