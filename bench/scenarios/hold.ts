// Hold: the sockets with no traffic. What each held socket costs the server in memory (RSS of the front
// process, which holds the sockets, and live heap after a full GC) and in idle CPU.
import type { BenchContext } from "../lib/context";
import { fmt, log } from "../lib/log";
import { measure, phaseSummary } from "../lib/measure";
import type { Report } from "../lib/report";
import { liveHeap, type Service } from "../lib/services";
import { rssKb } from "../lib/stats";
import type { Connected } from "./connect";

export async function runHold(ctx: BenchContext, apps: Service[], connected: Connected, report: Report): Promise<void> {
  const { crowd, baselineRss, baselineHeap } = connected;
  const perInstance = Math.max(1, connected.connected / apps.length);
  log(`hold: ${fmt(connected.connected)} sockets for ${ctx.opts.duration} s, no traffic`);
  const hold = await measure(ctx, crowd, "hold", ctx.opts.duration, 0);
  const rss = apps.map((a) => rssKb(a.pid));
  const perConnKb = rss.map((r, i) => Math.round(((r - baselineRss[i]) / perInstance) * 10) / 10);
  // the slope over the second half of the connects leaves out one-off growth (code loaded and compiled on
  // first use, the pg pool, the young generation filling up)
  const half = connected.half;
  const marginalKb = half ? rss.map((r, i) => Math.round(((r - half.rss[i]) / Math.max(1, (connected.connected - half.connected) / apps.length)) * 10) / 10) : perConnKb;
  const heldHeap = await liveHeap(apps);
  const liveHeapKb = heldHeap.map((h, i) => {
    const base = baselineHeap[i];
    return h === null || base === null ? null : Math.round(((h - base) / 1024 / perInstance) * 10) / 10;
  });
  const summary = phaseSummary(ctx, "hold", 0, hold);
  report.phases.hold = {
    ...summary,
    held: hold.merged.connected,
    serverRssBaselineMb: baselineRss.map((k) => Math.round(k / 1024)),
    rssPerConnectionKb: perConnKb,
    marginalRssPerConnectionKb: marginalKb,
    liveHeapPerConnectionKb: liveHeapKb,
    httpRequestsAtIdle: 0,
  };
  const children = summary.serverChildrenRssMb ? ` (children ${summary.serverChildrenRssMb.join("+")} MB, not counted per socket)` : "";
  log(`hold: ${fmt(hold.merged.connected)} held, ${hold.merged.drops} dropped, RSS ${rss.map((k) => Math.round(k / 1024)).join("+")} MB${children} (${perConnKb.join(", ")} KB per connection over the baseline, ${marginalKb.join(", ")} KB marginal; live heap after a full GC ${liveHeapKb.join(", ")} KB per connection), server CPU ${hold.server.pct} %`);
}
