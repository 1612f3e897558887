import { Redis } from "ioredis";
import pg from "pg";

/** One service the app cannot start without, found unreachable. */
export type UnreachableService = { service: "PostgreSQL" | "Redis"; address: string; reason: string; line: string };

const TIMEOUT_MS = 3_000;

// Compose service names in docker-compose.yml (profile "dev") and the Debian packages, for the hint.
const startHints = {
  PostgreSQL: "docker compose --profile dev up -d postgres   (or: sudo apt-get install postgresql && sudo service postgresql start)",
  Redis: "docker compose --profile dev up -d redis   (or: sudo apt-get install redis-server && sudo service redis-server start)",
} as const;

const addressOf = (url: string, defaultPort: number) => {
  const parsed = new URL(url);
  return `${parsed.hostname || "localhost"}:${parsed.port || defaultPort}`;
};

const reasonOf = (error: unknown) => {
  const e = error as { code?: string; message?: string };
  return e.code ?? e.message ?? String(error);
};

async function checkPostgres(url: string): Promise<string | null> {
  // the maintenance database: the app's own one may not exist yet (db:migrate creates it)
  const target = new URL(url);
  target.pathname = "/postgres";
  const client = new pg.Client({ connectionString: target.toString(), connectionTimeoutMillis: TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return reasonOf(error);
  } finally {
    await client.end().catch(() => {});
  }
}

async function checkRedis(url: string): Promise<string | null> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: TIMEOUT_MS, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // connect() rejects with "Connection is closed."; the socket's own error (ECONNREFUSED…) says more
  let socketError: unknown = null;
  redis.on("error", (error) => (socketError ??= error));
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return reasonOf(socketError ?? error);
  } finally {
    redis.disconnect();
  }
}

/** Checks both services at once; an empty list means the app can start. */
export async function findUnreachableServices(urls: { databaseUrl: string; redisUrl: string }): Promise<UnreachableService[]> {
  const checks = [
    { service: "PostgreSQL" as const, address: addressOf(urls.databaseUrl, 5432), variable: "DATABASE_URL", check: checkPostgres(urls.databaseUrl) },
    { service: "Redis" as const, address: addressOf(urls.redisUrl, 6379), variable: "REDIS_URL", check: checkRedis(urls.redisUrl) },
  ];
  const unreachable: UnreachableService[] = [];
  for (const { service, address, variable, check } of checks) {
    const reason = await check;
    if (reason === null) continue;
    unreachable.push({
      service,
      address,
      reason,
      line: `${service} is not reachable at ${address} (${variable}, ${reason}). Start it: ${startHints[service]}`,
    });
  }
  return unreachable;
}
