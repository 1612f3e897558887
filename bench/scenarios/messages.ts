// Messages: --rate msg/s for --duration s after a short warm-up, each send from a random connected user to their
// peer, acked only after PostgreSQL's commit. Also what one message costs in statements and Redis commands.
import type { BenchContext } from "../lib/context";
import type { Crowd } from "../lib/crowd";
import { log } from "../lib/log";
import { logPhase, measure, phaseSummary, settle } from "../lib/measure";
import { commandStatsDelta, redisCommandStats } from "../lib/profile";
import type { Report } from "../lib/report";
import { queryStats, type Service } from "../lib/services";
import { countMessages } from "../lib/setup";

export async function runMessages(ctx: BenchContext, apps: Service[], crowd: Crowd, report: Report): Promise<void> {
  const { opts } = ctx;
  log(`messages: ${opts.rate} msg/s for ${opts.duration} s${opts.smoke ? ", with presence churn" : ""}`);
  const before = await countMessages(ctx.dbUrl);
  await queryStats(apps); // resets the counts
  const redisBefore = await redisCommandStats(ctx.redis);
  crowd.setRate(opts.rate);
  if (opts.smoke) crowd.setChurn(Math.max(1, opts.users / 100));
  const warm = Math.min(5, Math.ceil(opts.duration / 5));
  const phase = await measure(ctx, crowd, "messages", opts.duration, warm);
  crowd.setRate(0);
  crowd.setChurn(0);
  const queries = await queryStats(apps);
  const counted = phase.seconds + warm;
  const redisPhase = commandStatsDelta(redisBefore, await redisCommandStats(ctx.redis), counted, 12);
  const persisted = (await countMessages(ctx.dbUrl)) - before;
  // persisted counts the warm-up too: scale it to the measured share of the time
  const summary = phaseSummary(ctx, "messages", opts.rate, phase, persisted * (phase.seconds / counted));
  logPhase(summary);
  // what one message costs the database and Redis (counted over the phase including its warm-up)
  const perMessage = (n: number) => Math.round((n / Math.max(1, persisted)) * 100) / 100;
  const phaseReport = {
    ...summary,
    queriesPerMessage: queries.slice(0, 15).map((q) => ({ ...q, perMessage: perMessage(q.calls) })),
    queriesPerMessageTotal: perMessage(queries.reduce((s, q) => s + q.calls, 0)),
    redisCommands: redisPhase.map((c) => ({ ...c, perMessage: perMessage(c.perSecond * counted) })),
  };
  report.phases.messages = phaseReport;
  log(`per message: ${phaseReport.queriesPerMessageTotal} PostgreSQL statements, ${perMessage(redisPhase.reduce((s, c) => s + c.perSecond * counted, 0))} Redis commands (server-wide count)`);
  for (const q of queries.slice(0, 12)) log(`  ${perMessage(q.calls)}× mean ${q.meanMs} ms max ${q.maxMs} ms  ${q.sql}`);
  Object.assign(phaseReport, await settle(crowd));
}
