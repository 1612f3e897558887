import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One client per process. server.ts and Next's bundles are separate module graphs in one process,
// so the instance lives on globalThis; otherwise each graph would open its own pool.
const globalForDb = globalThis as unknown as { tevkilPrisma?: PrismaClient; tevkilPgPool?: pg.Pool; tevkilWriterPool?: pg.Pool };

function createPgPool(databaseUrl: string, poolMax: number): { pool: pg.Pool; schema: string | undefined } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema") ?? undefined;
  url.searchParams.delete("schema");
  // the schema also becomes the search path, so raw queries on a pool of its own (getWriterPool) see the same tables
  const pool = new pg.Pool({
    connectionString: url.toString(),
    max: poolMax,
    idleTimeoutMillis: 30_000,
    ...(schema ? { options: `-c search_path="${schema.replace(/"/g, '""')}"` } : {}),
  });
  // a server that goes away (a crash, a restart, a failover) ends the idle connections with an error the pool
  // emits; unheard, it would kill the process. The pool drops the connection and opens a new one when asked.
  pool.on("error", (error) => console.error(`idle PostgreSQL connection lost: ${error.message}`));
  return { pool, schema };
}

export function createPrismaClient(databaseUrl: string, poolMax: number): { prisma: PrismaClient; pool: pg.Pool } {
  const { pool, schema } = createPgPool(databaseUrl, poolMax);
  const adapter = new PrismaPg(pool, schema ? { schema } : undefined);
  return { prisma: new PrismaClient({ adapter }), pool };
}

export function getPrisma(): PrismaClient {
  if (!globalForDb.tevkilPrisma) {
    const { DATABASE_URL, DB_POOL_MAX } = env();
    const { prisma, pool } = createPrismaClient(DATABASE_URL, DB_POOL_MAX);
    globalForDb.tevkilPrisma = prisma;
    globalForDb.tevkilPgPool = pool;
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
 * Connections of their own for the message batcher's inserts (lib/messaging/message-batcher.ts), outside
 * DB_POOL_MAX: an acknowledged send waits for its commit, and the commit must not queue behind the reads that
 * connects, syncs and page renders make on the shared pool (at 2,000 msg/s with cold caches ~850 of them waited).
 */
export function getWriterPool(connections: number): pg.Pool {
  globalForDb.tevkilWriterPool ??= createPgPool(env().DATABASE_URL, connections).pool;
  return globalForDb.tevkilWriterPool;
}

export async function closeDb(): Promise<void> {
  const prisma = globalForDb.tevkilPrisma;
  const pools = [globalForDb.tevkilPgPool, globalForDb.tevkilWriterPool];
  globalForDb.tevkilPrisma = undefined;
  globalForDb.tevkilPgPool = undefined;
  globalForDb.tevkilWriterPool = undefined;
  await prisma?.$disconnect();
  await Promise.all(pools.map((pool) => pool?.end()));
}
