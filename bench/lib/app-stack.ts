// The app as the bench runs it: the production build per instance, nginx in front of several, PgBouncer in front
// of PostgreSQL when asked; and the check, between scenarios, that no instance has died under the load.
import path from "node:path";
import type { BenchContext } from "./context";
import { fmt, log } from "./log";
import type { Report } from "./report";
import { startNginx, startPgBouncer } from "./proxies";
import { extraNodeFlags, startApp, type AppEnv, type Service } from "./services";

export const COOKIE_NAME = "authjs.session-token=";

export type AppStack = {
  apps: Service[];
  /** where the sockets and the open-loop page load go: nginx with several instances, else the one instance */
  publicUrl: string;
  /** the first instance directly: closed loops measure what one instance sustains and costs */
  directUrl: string;
};

export async function startAppStack(ctx: BenchContext, basePort: number): Promise<AppStack> {
  const { opts } = ctx;
  let databaseUrl = ctx.dbUrl;
  if (opts.pgbouncer) {
    const pgbPort = basePort + 19;
    ctx.services.push(await startPgBouncer(path.join(ctx.workDir, "pgbouncer"), pgbPort, ctx.baseDbUrl, opts.dbPoolMax * opts.instances, log));
    const viaBouncer = new URL(ctx.dbUrl);
    viaBouncer.hostname = "127.0.0.1";
    viaBouncer.port = String(pgbPort);
    databaseUrl = viaBouncer.toString();
    log(`PgBouncer (transaction mode, pool ${opts.dbPoolMax * opts.instances}) on port ${pgbPort}`);
  }
  const appPorts = Array.from({ length: opts.instances }, (_, i) => basePort + 1 + i);
  const publicPort = opts.instances > 1 ? basePort : appPorts[0];
  const appEnv: AppEnv = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: ctx.redisUrl,
    REDIS_PREFIX: ctx.redisPrefix,
    AUTH_SECRET: ctx.authSecret,
    APP_URL: `http://localhost:${publicPort}`,
    DB_POOL_MAX: String(opts.dbPoolMax),
    ...(opts.instances > 1 ? { TRUST_PROXY: "1" } : {}),
    // Debian's PgBouncer (1.18) cannot keep named prepared statements in transaction mode
    ...(opts.pgbouncer ? { DB_PREPARED_STATEMENTS: "false" } : {}),
    ...(ctx.replicaUrl ? { DATABASE_REPLICA_URLS: ctx.replicaUrl } : {}),
    // the board phase reads who served its reads from /api/metrics
    METRICS_TOKEN: ctx.authSecret,
  };
  const extraFlags = [...(opts.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${ctx.profDir}`] : []), ...extraNodeFlags()];
  const t = Date.now();
  const apps = await Promise.all(appPorts.map((port, i) => startApp(i, port, appEnv, extraFlags)));
  ctx.services.push(...apps);
  log(`${apps.length} app instance(s) up in ${fmt((Date.now() - t) / 1000, 1)} s: ports ${appPorts.join(", ")}, pids ${apps.map((a) => a.pid).join(", ")}`);
  if (opts.instances > 1) {
    ctx.services.push(await startNginx(path.join(ctx.workDir, "nginx"), basePort, appPorts, opts.users, log));
    log(`nginx on port ${basePort} in front of ${appPorts.length} instances (least_conn, websocket-only clients)`);
  }
  return { apps, publicUrl: `http://127.0.0.1:${publicPort}`, directUrl: `http://127.0.0.1:${appPorts[0]}` };
}

/** An app instance that died (e.g. out of memory under overload) ends the app scenarios with the reason. */
export function crashedApps(ctx: BenchContext, report: Report): boolean {
  const dead = ctx.services.filter((s) => s.name.startsWith("app#") && (s.child.exitCode !== null || s.child.signalCode !== null));
  for (const s of dead) {
    const out = s.output();
    const reason = /heap out of memory/.test(out) ? "JavaScript heap out of memory" : `exit ${s.child.exitCode ?? s.child.signalCode}`;
    const message = `${s.name} (pid ${s.pid}) died: ${reason}`;
    if (!report.failures.includes(message)) {
      report.failures.push(message);
      log(`!! ${message}; the remaining app scenarios are skipped (log: bench/results/logs-${ctx.stamp}/)`);
    }
  }
  return dead.length > 0;
}
