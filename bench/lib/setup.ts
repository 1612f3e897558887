// Bench data: its own database (migrated, reference data), N verified lawyers inserted in bulk with one
// precomputed argon2 hash, paired into 1:1 conversations, open jobs posted by some of them (so the pages the
// bench measures show content), and a session per user written straight into Redis.
import pg from "pg";
import { applyMigrations, ensureDatabase } from "@/lib/db-migrations";
import type { BenchUser } from "./protocol";

export const BENCH_PASSWORD = "tevkil-bench-2026";
const CHUNK = 5_000;

export const userId = (i: number) => `bench${String(i).padStart(6, "0")}`;
const conversationId = (pair: number) => `benchconv${String(pair).padStart(6, "0")}`;

export async function createBenchDatabase(databaseUrl: string, log: (line: string) => void): Promise<void> {
  await ensureDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
  const { createPrismaClient } = await import("@/lib/db");
  const { seedReferenceData } = await import("@/lib/reference/seed-reference-data");
  const { prisma, pool } = createPrismaClient(databaseUrl, 2);
  try {
    const seeded = await seedReferenceData(prisma);
    log(`database migrated, ${seeded.provinces} provinces and ${seeded.courthouses} courthouses loaded`);
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}

/** Inserts users 0..n-1 (n even) and the n/2 conversations pairing 2k with 2k+1. */
export async function insertUsers(databaseUrl: string, n: number): Promise<void> {
  const { hashPassword } = await import("@/lib/auth/password");
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let start = 0; start < n; start += CHUNK) {
      const ids: string[] = [];
      const emails: string[] = [];
      const names: string[] = [];
      const barNumbers: string[] = [];
      for (let i = start; i < Math.min(n, start + CHUNK); i++) {
        ids.push(userId(i));
        emails.push(`${userId(i)}@bench.tevkil.local`);
        names.push(`Av. Bench ${i}`);
        barNumbers.push(String(100_000 + i));
      }
      await client.query(
        `INSERT INTO "User" (id, email, "passwordHash", "fullName", "provinceId", "barName", "barNumber",
                             verification, "verifiedAt", "kvkkConsentAt", "updatedAt")
         SELECT id, email, $5, name, 34, 'İstanbul Barosu', bar, 'VERIFIED', now(), now(), now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(id, email, name, bar)`,
        [ids, emails, names, barNumbers, passwordHash],
      );
    }
    for (let start = 0; start < n / 2; start += CHUNK) {
      const convIds: string[] = [];
      const pairKeys: string[] = [];
      const a: string[] = [];
      const b: string[] = [];
      for (let pair = start; pair < Math.min(n / 2, start + CHUNK); pair++) {
        const [x, y] = [userId(2 * pair), userId(2 * pair + 1)].sort();
        convIds.push(conversationId(pair));
        pairKeys.push(`${x}:${y}:-`);
        a.push(x);
        b.push(y);
      }
      await client.query(`INSERT INTO "Conversation" (id, "pairKey") SELECT * FROM unnest($1::text[], $2::text[])`, [convIds, pairKeys]);
      await client.query(
        `INSERT INTO "ConversationMember" ("conversationId", "userId")
         SELECT c, u FROM unnest($1::text[], $2::text[], $3::text[]) AS p(c, a, b), LATERAL (VALUES (a), (b)) AS m(u)`,
        [convIds, a, b],
      );
    }
  } finally {
    await client.end();
  }
}

// İstanbul (the bench users' province), Ankara, İzmir, Bursa, Antalya
const JOB_PROVINCES = [34, 6, 35, 16, 7];
const JOB_POSTERS = 10;
const TASK_TYPES = ["DURUSMA", "DOSYA_INCELEME", "HACIZ_ICRA", "DILEKCE", "TEBLIGAT"];
const LAW_AREAS = ["Ticaret Hukuku", "İş Hukuku", "İcra ve İflas Hukuku", "Aile Hukuku", "Ceza Hukuku"];
const URGENCIES = ["NORMAL", "NORMAL", "URGENT", "NORMAL", "VERY_URGENT"];
const jobId = (i: number) => `benchjob${String(i).padStart(6, "0")}`;

/**
 * `n` open jobs (Prisma's Job model, written with plain SQL like the users) spread over five provinces and
 * posted by the first bench users; returns one job and its poster, whose pages the page-cost loop views.
 */
export async function insertJobs(databaseUrl: string, n: number, users: number): Promise<{ jobId: string; posterId: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: courthouses } = await client.query<{ id: number; provinceId: number }>(
      `SELECT DISTINCT ON ("provinceId") id, "provinceId" FROM "Courthouse" WHERE "provinceId" = ANY($1::int[]) ORDER BY "provinceId", id`,
      [JOB_PROVINCES],
    );
    if (!courthouses.length) throw new Error("no courthouses in the bench database: the reference data is missing");
    const day = 24 * 3600 * 1000;
    const cols = { id: [] as string[], poster: [] as string[], task: [] as string[], area: [] as string[], title: [] as string[], description: [] as string[], province: [] as number[], courthouse: [] as number[], scheduled: [] as Date[], deadline: [] as Date[], fee: [] as number[], urgency: [] as string[] };
    for (let i = 0; i < n; i++) {
      const place = courthouses[i % courthouses.length];
      cols.id.push(jobId(i));
      cols.poster.push(userId(i % Math.min(JOB_POSTERS, users)));
      cols.task.push(TASK_TYPES[i % TASK_TYPES.length]);
      cols.area.push(LAW_AREAS[i % LAW_AREAS.length]);
      cols.title.push(`Bench ilanı ${i + 1}: duruşmaya katılacak meslektaş aranıyor`);
      cols.description.push("Bench verisi. Dosya özeti ve vekaletname ilan verene yazıldığında paylaşılacaktır.");
      cols.province.push(place.provinceId);
      cols.courthouse.push(place.id);
      cols.scheduled.push(new Date(Date.now() + (3 + (i % 20)) * day));
      cols.deadline.push(new Date(Date.now() + (2 + (i % 20)) * day));
      cols.fee.push(250_000 + ((i * 37) % 40) * 25_000);
      cols.urgency.push(URGENCIES[i % URGENCIES.length]);
    }
    await client.query(
      `INSERT INTO "Job" (id, "posterId", "taskType", "lawArea", title, description, "provinceId", "courthouseId",
                          "scheduledAt", "deadlineAt", "feeKurus", urgency, status, "updatedAt") -- Prisma's timestamps are UTC
       SELECT id, poster, task::"TaskType", area, title, description, province, courthouse,
              scheduled AT TIME ZONE 'UTC', deadline AT TIME ZONE 'UTC', fee, urgency::"Urgency", 'OPEN', now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[],
                   $9::timestamptz[], $10::timestamptz[], $11::int[], $12::text[])
            AS j(id, poster, task, area, title, description, province, courthouse, scheduled, deadline, fee, urgency)`,
      Object.values(cols),
    );
    return { jobId: jobId(0), posterId: userId(0) };
  } finally {
    await client.end();
  }
}

/**
 * Planner statistics for every table, as autovacuum keeps them in production. This machine's PostgreSQL runs with
 * autovacuum off, so a freshly loaded bench database had none: the batched message INSERT then joined
 * ConversationMember by sequential scan (30,000 rows, twice per batch: 5.6 ms per batch of ten against 1.0 ms with
 * statistics). Run after the bulk load and again before the mixed and messages phases.
 */
export async function analyzeDatabase(databaseUrl: string): Promise<{ ms: number; autovacuum: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = Date.now();
    await client.query("ANALYZE");
    const { rows } = await client.query<{ setting: string }>("SELECT setting FROM pg_settings WHERE name = 'autovacuum'");
    return { ms: Date.now() - started, autovacuum: rows[0]?.setting ?? "unknown" };
  } finally {
    await client.end();
  }
}

/** One session per user through the app's own session store (REDIS_URL/REDIS_PREFIX must be set already). */
export async function createSessions(n: number): Promise<BenchUser[]> {
  const { createSession } = await import("@/lib/auth/session-store");
  const users: BenchUser[] = [];
  for (let start = 0; start < n; start += 1_000) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(1_000, n - start) }, (_, k) => {
        const i = start + k;
        return createSession({ userId: userId(i), userAgent: "tevkil-bench", ip: "127.0.0.2" }).then((token) => ({
          id: userId(i),
          token,
          conv: conversationId(Math.floor(i / 2)),
          peer: userId(i ^ 1),
        }));
      }),
    );
    users.push(...batch);
  }
  return users;
}

/** Users for the bare relay: no sessions, conversation "<a>|<b>" names both members. */
export function bareUsers(n: number): BenchUser[] {
  return Array.from({ length: n }, (_, i) => {
    const pair = [userId(i & ~1), userId(i | 1)];
    return { id: userId(i), conv: pair.join("|"), peer: userId(i ^ 1) };
  });
}

export async function countMessages(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Message"`);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

/** clientId → number of stored rows (the unique index makes >1 impossible; counted anyway). */
export async function storedClientIds(databaseUrl: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ clientId: string; n: number }>(
      `SELECT "clientId", count(*)::int AS n FROM "Message" GROUP BY "clientId"`,
    );
    return new Map(rows.map((r) => [r.clientId, r.n]));
  } finally {
    await client.end();
  }
}
