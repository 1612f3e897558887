import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createLagTolerantReader, type LagTolerantReader } from "@/lib/db-replicas";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";

// One client per process. server.ts and Next's bundles are separate module graphs in one process,
// so the instance lives on globalThis; otherwise each graph would open its own pool.
const globalForDb = globalThis as unknown as {
  tevkilPrisma?: PrismaClient;
  tevkilPgPool?: pg.Pool;
  tevkilWriterPool?: pg.Pool;
  tevkilReplicaReader?: LagTolerantReader;
};

function createPgPool(databaseUrl: string, poolMax: number, connectTimeoutMs?: number): { pool: pg.Pool; schema: string | undefined } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema") ?? undefined;
  url.searchParams.delete("schema");
  // the schema also becomes the search path, so raw queries on a pool of its own (getWriterPool) see the same tables
  const pool = new pg.Pool({
    connectionString: url.toString(),
    max: poolMax,
    idleTimeoutMillis: 30_000,
    ...(connectTimeoutMs ? { connectionTimeoutMillis: connectTimeoutMs } : {}),
    ...(schema ? { options: `-c search_path="${schema.replace(/"/g, '""')}"` } : {}),
  });
  // a server that goes away (a crash, a restart, a failover) ends the idle connections with an error the pool
  // emits; unheard, it would kill the process. The pool drops the connection and opens a new one when asked.
  pool.on("error", (error) => logger().warn({ err: error.message }, "idle PostgreSQL connection lost"));
  return { pool, schema };
}

export function createPrismaClient(databaseUrl: string, poolMax: number, connectTimeoutMs?: number): { prisma: PrismaClient; pool: pg.Pool } {
  const { pool, schema } = createPgPool(databaseUrl, poolMax, connectTimeoutMs);
  const adapter = new PrismaPg(pool, schema ? { schema } : undefined);
  return { prisma: new PrismaClient({ adapter }), pool };
}

export function getPrisma(): PrismaClient {
  if (!globalForDb.tevkilPrisma) {
    const { DATABASE_URL, DB_POOL_MAX } = env();
    const { prisma, pool } = createPrismaClient(DATABASE_URL, DB_POOL_MAX);
    globalForDb.tevkilPrisma = prisma;
    globalForDb.tevkilPgPool = pool;
    metrics().sources.pools.set("shared", pool);
  }
  return globalForDb.tevkilPrisma;
}

/** Lazily connected client: importing this module opens nothing. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/**
 * For reads that tolerate a replica's lag (lib/db-replicas.ts): the client of a caught-up replica from
 * DATABASE_REPLICA_URLS, else the primary. Never inside a write path.
 */
export function readTolerantOfLag<T>(read: (client: PrismaClient) => Promise<T>): Promise<T> {
  if (!globalForDb.tevkilReplicaReader) {
    const { DATABASE_REPLICA_URLS, DB_POOL_MAX } = env();
    // a replica that is down must not hold a page for long: its connection attempts give up after 2 s
    const replicas = DATABASE_REPLICA_URLS.map((url, i) => {
      const { prisma, pool } = createPrismaClient(url, DB_POOL_MAX, 2_000);
      metrics().sources.pools.set(`replica-${i + 1}`, pool);
      return prisma;
    });
    globalForDb.tevkilReplicaReader = createLagTolerantReader(getPrisma(), replicas);
  }
  return globalForDb.tevkilReplicaReader.read(read);
}

/**
 * Connections of their own for the message batcher's inserts (lib/messaging/message-batcher.ts), outside
 * DB_POOL_MAX: an acknowledged send waits for its commit, and the commit must not queue behind the reads that
 * connects, syncs and page renders make on the shared pool (at 2,000 msg/s with cold caches ~850 of them waited).
 */
export function getWriterPool(connections: number): pg.Pool {
  if (!globalForDb.tevkilWriterPool) {
    globalForDb.tevkilWriterPool = createPgPool(env().DATABASE_URL, connections).pool;
    metrics().sources.pools.set("writer", globalForDb.tevkilWriterPool);
  }
  return globalForDb.tevkilWriterPool;
}

export async function closeDb(): Promise<void> {
  const prisma = globalForDb.tevkilPrisma;
  const replicaReader = globalForDb.tevkilReplicaReader;
  globalForDb.tevkilReplicaReader = undefined;
  await replicaReader?.close();
  const pools = [globalForDb.tevkilPgPool, globalForDb.tevkilWriterPool];
  globalForDb.tevkilPrisma = undefined;
  globalForDb.tevkilPgPool = undefined;
  globalForDb.tevkilWriterPool = undefined;
  await prisma?.$disconnect();
  await Promise.all(pools.map((pool) => pool?.end()));
}
