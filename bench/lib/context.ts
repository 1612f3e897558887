// One run's identity and shared resources: its database and Redis prefix (named after a random tag so runs of
// several engineers on the shared PostgreSQL and Redis never meet), its folders, and the services it started.
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import type { Options } from "./options";
import { setLogDir, type Service } from "./services";

export type BenchContext = {
  opts: Options;
  runTag: string;
  dbName: string;
  /** the bench's own database */
  dbUrl: string;
  /** DATABASE_URL as given (PgBouncer points at its server) */
  baseDbUrl: URL;
  /** the `postgres` database of the same server, for pg_stat_activity */
  adminUrl: string;
  redisUrl: string;
  redisPrefix: string;
  authSecret: string;
  resultsDir: string;
  /** names this run's files in bench/results/ */
  stamp: string;
  profDir: string;
  workDir: string;
  /** every process the run started, in start order; cleanup stops what is left */
  services: Service[];
  /** servers the run started that are not Services (the --replica PostgreSQL pair): removed by the cleanup */
  servers: { remove(): Promise<void> }[];
  /** DATABASE_REPLICA_URLS for the app (--replica) */
  replicaUrl?: string;
  /** the bench's own connection (INFO commandstats, key cleanup) */
  redis: Redis;
};

export function createContext(opts: Options): BenchContext {
  const runTag = randomBytes(4).toString("hex");
  const baseDbUrl = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@localhost:5432/tevkil");
  baseDbUrl.searchParams.delete("schema");
  const dbName = `tevkil_bench_${runTag}`;
  const dbUrl = new URL(baseDbUrl);
  dbUrl.pathname = `/${dbName}`;
  const adminUrl = new URL(baseDbUrl);
  adminUrl.pathname = "/postgres";
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";
  const redisPrefix = `tevkil_bench_${runTag}`;
  const authSecret = randomBytes(32).toString("hex");
  // the bench process imports the app's session store: it must see the bench's Redis and prefix
  Object.assign(process.env, { DATABASE_URL: dbUrl.toString(), REDIS_URL: redisUrl, REDIS_PREFIX: redisPrefix, AUTH_SECRET: authSecret });

  const resultsDir = path.join("bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  setLogDir(path.resolve(resultsDir, `logs-${stamp}`));
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
  redis.on("error", () => undefined);
  return {
    opts,
    runTag,
    dbName,
    dbUrl: dbUrl.toString(),
    baseDbUrl,
    adminUrl: adminUrl.toString(),
    redisUrl,
    redisPrefix,
    authSecret,
    resultsDir,
    stamp,
    profDir: path.resolve(resultsDir, `prof-${stamp}`),
    workDir: path.join(tmpdir(), `tevkil-bench-${runTag}`),
    services: [],
    servers: [],
    redis,
  };
}

/** Points the run's database (not yet created) at another PostgreSQL server, e.g. the --replica primary. */
export function pointAtDatabaseServer(ctx: BenchContext, serverUrl: string): void {
  ctx.baseDbUrl = new URL(serverUrl);
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${ctx.dbName}`;
  ctx.dbUrl = dbUrl.toString();
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = "/postgres";
  ctx.adminUrl = adminUrl.toString();
  process.env.DATABASE_URL = ctx.dbUrl;
}

/** The measured servers: app instances and bare relays (not nginx or PgBouncer). */
export const serverServices = (ctx: BenchContext): Service[] => ctx.services.filter((s) => s.name.startsWith("app#") || s.name.startsWith("bare#"));
