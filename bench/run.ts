// `npm run bench`: the scale benchmark (issues 6 and 10). This file only orders the run: setup, the app's
// scenarios on one app stack and one crowd of sockets, the bare relay, the notification worker, the report.
// What each step measures is in bench/scenarios/, how it measures in bench/lib/; BENCHMARKS.md has the numbers.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { crashedApps, startAppStack, COOKIE_NAME } from "./lib/app-stack";
import { installCleanup } from "./lib/cleanup";
import { createContext, type BenchContext } from "./lib/context";
import { VIEWER_PATH, statusOf } from "./lib/http";
import { reconcile } from "./lib/ledger";
import { fmt, log, sleep } from "./lib/log";
import { pickBasePort, sourceAddresses } from "./lib/network";
import { APP_SCENARIOS, isFullRun, parseArgs } from "./lib/options";
import { PgActivitySampler, commandStatsDelta, pgStatStatements, redisCommandStats, summarizeCpuProfiles } from "./lib/profile";
import { reportFile, rewriteSections, writeJson, type Report } from "./lib/report";
import { renderProfile } from "./lib/report-profile";
import { renderStatus } from "./lib/report-status";
import { NODE_FLAGS, stopServices } from "./lib/services";
import { startReplicaPair } from "./lib/replica";
import { analyzeDatabase, createBenchDatabase, createSessions, insertJobs, insertUsers, storedClientIds } from "./lib/setup";
import { machineInfo } from "./lib/stats";
import { printSummary, smokeVerdict } from "./lib/summary";
import { evaluateTargets } from "./lib/targets";
import { runBare } from "./scenarios/bare";
import { runBoardAlone, runBoardMisses } from "./scenarios/board";
import { connectCrowd } from "./scenarios/connect";
import { runHold } from "./scenarios/hold";
import { runMessages } from "./scenarios/messages";
import { runMixed } from "./scenarios/mixed";
import { runNotificationThroughput } from "./scenarios/notifications";
import { runPageCost } from "./scenarios/page-cost";
import { stepRates } from "./scenarios/steps";

const opts = parseArgs(process.argv.slice(2));
if (!existsSync("dist/server.js") || !existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first (the bench measures dist/server.js and .next, it builds nothing).");
  process.exit(1);
}
const ctx = createContext(opts);
const cleanup = installCleanup(ctx);

function commitOf(): string {
  try {
    const dirty = execSync("git status --porcelain --untracked-files=no", { encoding: "utf8" }).trim();
    return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim() + (dirty ? "+dirty" : "");
  } catch {
    return "unknown";
  }
}

/** Every app scenario against one app stack and one crowd; then the ledger over all of them and the profiles. */
async function runApp(ctx: BenchContext, users: Awaited<ReturnType<typeof createSessions>>, content: { jobId: string; posterId: string }, basePort: number, generators: number, addresses: string[], report: Report) {
  const stack = await startAppStack(ctx, basePort);
  const cookies = users.slice(0, 200).map((u) => `${COOKIE_NAME}${u.token}`);
  const viewer = (await statusOf(`${stack.directUrl}${VIEWER_PATH}`, cookies[0], "application/json")) !== 404;
  report.config.viewer = viewer ? VIEWER_PATH : `none (${VIEWER_PATH} answers 404)`;
  log(viewer ? `${VIEWER_PATH} answers: page views fetch it after the page, as the header does` : `${VIEWER_PATH} answers 404 in this build: a page view is the page alone`);

  const connected = await connectCrowd(ctx, stack, users, generators, addresses, report);
  const { crowd } = connected;
  const redisBefore = await redisCommandStats(ctx.redis);
  const sampler = new PgActivitySampler(ctx.adminUrl, ctx.dbName);
  await sampler.start();
  const profileStarted = Date.now();
  const alive = () => !crashedApps(ctx, report);

  if (opts.only.has("hold") && alive()) await runHold(ctx, stack.apps, connected, report);
  if (opts.only.has("steps") && alive()) report.phases.appSteps = await stepRates(ctx, crowd, "app", 250);
  if (opts.only.has("page-cost") && alive()) await runPageCost(ctx, stack, cookies, content, viewer, addresses[0], report);
  if (opts.only.has("board") && alive()) await runBoardAlone(ctx, stack, crowd, cookies, addresses[0], report);
  if (opts.only.has("board") && opts.replica && alive()) await runBoardMisses(ctx, stack, crowd, cookies, addresses[0], report);
  // ANALYZE first: what autovacuum would have analyzed by then in production (the messages earlier phases stored)
  if (opts.only.has("mixed") && alive()) await analyzeDatabase(ctx.dbUrl);
  if (opts.only.has("mixed") && alive()) await runMixed(ctx, stack, crowd, cookies, viewer, addresses, report);
  if (opts.only.has("messages") && alive()) await analyzeDatabase(ctx.dbUrl);
  if (opts.only.has("messages") && alive()) await runMessages(ctx, stack.apps, crowd, report);
  crashedApps(ctx, report);

  // the ledger: nothing lost, nothing twice, over every phase
  const drainedPending = await crowd.drain(20_000);
  await sleep(3_000); // deliveries and syncs in flight
  report.ledger = reconcile(await crowd.ledger(), await storedClientIds(ctx.dbUrl), drainedPending);
  const l = report.ledger;
  log(`ledger: ${fmt(l.acked)} acked, ${fmt(l.stored ?? 0)} stored, ${fmt(l.delivered)} delivered · lost ${l.lost} · duplicated ${l.duplicated} · unacked at end ${l.unackedAtEnd}`);

  report.profile = {
    postgresActivity: await sampler.stop(),
    pgStatStatements: await pgStatStatements(ctx.dbUrl).catch((e) => ({ available: false, rows: [], error: String(e) })),
    redisCommandStats: commandStatsDelta(redisBefore, await redisCommandStats(ctx.redis), (Date.now() - profileStarted) / 1000),
    redisNote: "INFO commandstats is server-wide: other users of this Redis are included",
  };
  await crowd.close();
  await stopServices(ctx.services.splice(0));
  if (opts.cpuProf) {
    report.profile.cpu = summarizeCpuProfiles(ctx.profDir);
    log(`CPU profile: ${report.profile.cpu.files.length} file(s) in ${ctx.profDir}`);
  }
}

async function main(): Promise<Report> {
  const command = `npm run bench --${process.argv.slice(2).length ? " " + process.argv.slice(2).join(" ") : ""}`.replace(/ --$/, "");
  const others = execSync("ps -eo args", { encoding: "utf8" }).split("\n").filter((l) => /playwright|vitest|next build/.test(l) && !l.includes("grep")).length;
  if (others) log(`note: ${others} test/build processes of others are running; the machine is shared, numbers will be noisier`);
  log(`${command}: ${fmt(opts.users)} users, ${opts.instances} instance(s)${opts.pgbouncer ? " through PgBouncer" : ""}${opts.replica ? ", a read replica" : ""}, ${opts.rate} msg/s, ${opts.duration} s; scenarios ${[...opts.only].join(", ")}`);

  const basePort = await pickBasePort();
  const generators = Math.max(2, Math.ceil(opts.users / 5_000 / 2) * 2);
  const addresses = sourceAddresses(Math.max(generators * 2, Math.ceil(opts.users / 4_000) * 2));
  const report: Report = {
    machine: { ...machineInfo(), nproc: availableParallelism() },
    date: new Date().toISOString(),
    commit: commitOf(),
    command,
    file: reportFile(ctx.resultsDir, ctx.stamp),
    config: { ...opts, only: [...opts.only], generators, basePort, sourceAddresses: `${addresses[0]}–${addresses.at(-1)}`, nodeFlags: NODE_FLAGS, othersRunning: others },
    setup: {},
    phases: {},
    targets: [],
    failures: [],
  };

  await ctx.redis.connect();
  if (opts.replica) await startReplicaPair(ctx, basePort);
  let t = Date.now();
  await createBenchDatabase(ctx.dbUrl, log);
  await insertUsers(ctx.dbUrl, opts.users);
  const content = await insertJobs(ctx.dbUrl, 50, opts.users);
  report.setup.usersMs = Date.now() - t;
  log(`${fmt(opts.users)} users, ${fmt(opts.users / 2)} conversations and 50 open jobs inserted in ${fmt((Date.now() - t) / 1000, 1)} s (database ${ctx.dbName})`);
  const analyzed = await analyzeDatabase(ctx.dbUrl);
  log(`ANALYZE in ${fmt(analyzed.ms)} ms (the server's autovacuum: ${analyzed.autovacuum}; repeated before the mixed and messages phases, over what the phases before them stored)`);
  t = Date.now();
  const users = await createSessions(opts.users);
  report.setup.sessionsMs = Date.now() - t;
  log(`${fmt(users.length)} sessions written to Redis in ${fmt((Date.now() - t) / 1000, 1)} s (prefix ${ctx.redisPrefix}:)`);

  if (APP_SCENARIOS.some((s) => opts.only.has(s))) await runApp(ctx, users, content, basePort, generators, addresses, report);
  if (opts.only.has("bare")) await runBare(ctx, basePort, generators, addresses, report);
  if (opts.only.has("notifications")) report.phases.notifications = runNotificationThroughput();

  evaluateTargets(report);
  writeJson(report);
  log(`report: ${report.file}`);
  if (opts.record && isFullRun(opts)) {
    rewriteSections("BENCHMARKS.md", { status: renderStatus(report), profile: renderProfile(report) });
    log("BENCHMARKS.md: Status and Profile rewritten from this run");
  } else if (opts.record) log("BENCHMARKS.md left as it is: only a full run (every scenario, 10,000 sockets, one instance) rewrites its Status");
  printSummary(report);
  return report;
}

let exitCode = 0;
try {
  const report = await main();
  if (opts.smoke) {
    const problems = smokeVerdict(report, APP_SCENARIOS.some((s) => opts.only.has(s)));
    if (problems.length) {
      console.error(`bench smoke FAILED:\n  ${problems.join("\n  ")}`);
      exitCode = 1;
    } else console.log("bench smoke passed: no connect failures, no drops, nothing lost or duplicated");
  }
} catch (error) {
  console.error("bench failed:", error);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
