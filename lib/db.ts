import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One client per process. server.ts and Next's bundles are separate module graphs in one process,
// so the instance lives on globalThis; otherwise each graph would open its own pool.
const globalForDb = globalThis as unknown as { tevkilPrisma?: PrismaClient; tevkilPgPool?: pg.Pool };

export function createPrismaClient(databaseUrl: string, poolMax: number): { prisma: PrismaClient; pool: pg.Pool } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema") ?? undefined;
  url.searchParams.delete("schema");
  // the schema also becomes the search path, so raw queries on the pool (getPgPool) see the same tables
  const pool = new pg.Pool({
    connectionString: url.toString(),
    max: poolMax,
    idleTimeoutMillis: 30_000,
    ...(schema ? { options: `-c search_path="${schema.replace(/"/g, '""')}"` } : {}),
  });
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

/**
 * The pg pool under the Prisma client, for the few hot paths where one hand-written statement replaces several
 * ORM round trips (sending a message). Same connections, same budget (DB_POOL_MAX).
 */
export function getPgPool(): pg.Pool {
  getPrisma();
  return globalForDb.tevkilPgPool!;
}

/** Lazily connected client: importing this module opens nothing. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function closeDb(): Promise<void> {
  const prisma = globalForDb.tevkilPrisma;
  const pool = globalForDb.tevkilPgPool;
  globalForDb.tevkilPrisma = undefined;
  globalForDb.tevkilPgPool = undefined;
  await prisma?.$disconnect();
  await pool?.end();
}
