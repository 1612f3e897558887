// Rate steps: the highest message rate delivered at p99 ≤ 100 ms, for the app and (same ladder, same
// generators) for the bare relay, whose max is the transport's ceiling on this machine.
import type { BenchContext } from "../lib/context";
import { log } from "../lib/log";
import { measure, phaseSummary, settle, type CrowdLike } from "../lib/measure";

const LADDER = [250, 500, 750, 1_000, 1_500, 2_000, 3_000, 4_000, 5_000, 6_000, 8_000, 10_000, 12_000, 16_000];

type Step = Pick<ReturnType<typeof phaseSummary>, "deliveredPerS" | "latency" | "crossInstanceLatency" | "ackLatency" | "serverCpuPct" | "serverCpuByRole" | "postgresCpuPct" | "redisCpuPct" | "server" | "errors"> & {
  rate: number;
  pass: boolean;
  unackedAfterWait?: number;
  abandoned?: number;
};

/**
 * Offers rising rates (the ladder from `first`) until p99 > 100 ms or under 95 % of the rate is delivered,
 * then tries once between the last pass and the first miss. The max is the best delivered rate that passed.
 */
export async function stepRates(ctx: BenchContext, crowd: CrowdLike, label: string, first: number): Promise<{ steps: Step[]; maxRateAtP99Under100: number }> {
  const { opts } = ctx;
  const steps: Step[] = [];
  const run = async (rate: number) => {
    crowd.setRate(rate);
    const phase = await measure(ctx, crowd, `${label} ${rate}/s`, opts.stepSeconds, 3);
    crowd.setRate(0);
    const s = phaseSummary(ctx, label, rate, phase);
    const pass = s.latency.p99 <= 100 && s.deliveredPerS >= rate * 0.95;
    const { deliveredPerS, latency, crossInstanceLatency, ackLatency, serverCpuPct, serverCpuByRole, postgresCpuPct, redisCpuPct, server, errors } = s;
    log(`${label} step ${rate} msg/s: delivered ${deliveredPerS}/s, p50 ${latency.p50} p99 ${latency.p99} ms, server CPU ${serverCpuPct} % → ${pass ? "pass" : "over the line"}`);
    // the backlog clears (or is given up) before the next step
    const settled = await settle(crowd, 5);
    steps.push({ rate, deliveredPerS, latency, crossInstanceLatency, ackLatency, serverCpuPct, serverCpuByRole, postgresCpuPct, redisCpuPct, server, errors, pass, ...settled });
    return pass;
  };
  const ladder = opts.smoke ? [first] : LADDER.filter((r) => r >= first);
  let lastPass = 0;
  let firstMiss = 0;
  for (const rate of ladder) {
    if (await run(rate)) lastPass = rate;
    else {
      firstMiss = rate;
      break;
    }
  }
  if (!opts.smoke && firstMiss && lastPass === 0) {
    // not even the first rung: walk down until a rate passes
    for (let rate = Math.round((firstMiss * 0.6) / 25) * 25; rate >= 25; rate = Math.round((rate * 0.6) / 25) * 25) {
      if (await run(rate)) break;
    }
  } else if (!opts.smoke && firstMiss && firstMiss - lastPass > 100) await run(Math.round((lastPass + firstMiss) / 2 / 50) * 50);
  const best = Math.max(0, ...steps.filter((s) => s.pass).map((s) => s.deliveredPerS));
  return { steps, maxRateAtP99Under100: best };
}
