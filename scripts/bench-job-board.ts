// Job-board response time: p50/p95 of GET /ilanlar over 200 sequential requests against the production build
// (dist/server.js), with the Redis cache warm and with it flushed before every request. Uses a database and Redis
// prefix of its own with 5,000 open jobs, and removes both afterwards.
//   npm run build && npx tsx scripts/bench-job-board.ts [port]
import "@/lib/load-dotenv";
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import { AppServer } from "@/e2e/support/app-server";
import { createPrismaClient } from "@/lib/db";
import { dropDatabase } from "@/lib/db-migrations";
import { prepareDatabase } from "@/test/prepare-database";
import { deleteRedisPrefix } from "@/test/redis-cleanup";
import { newTestNamespace, testRedisUrl } from "@/test/test-environment";

const JOBS = 5_000;
const REQUESTS = 200;
const WARMUP = 20;
const port = Number(process.argv[2] ?? 3221);
const taskTypes = ["DURUSMA", "DOSYA_INCELEME", "HACIZ_ICRA", "KESIF_DELIL_TESPITI", "DILEKCE", "TEBLIGAT"] as const;
const words = ["alacak", "boşanma", "kira", "tazminat", "işçilik", "miras", "tapu iptali", "icra takibi", "ceza", "nafaka"];

const namespace = newTestNamespace("e2e");
await prepareDatabase(namespace.databaseUrl, { demo: true });
const { prisma, pool } = createPrismaClient(namespace.databaseUrl, 4);
const posters = await prisma.user.findMany({ where: { role: "LAWYER" }, select: { id: true } });
const courthouses = await prisma.courthouse.findMany({ select: { id: true, provinceId: true } });
const now = Date.now();
for (let start = 0; start < JOBS; start += 1000) {
  await prisma.job.createMany({
    data: Array.from({ length: 1000 }, (_, k) => {
      const i = start + k;
      const c = courthouses[(i * 7919) % courthouses.length];
      const word = words[i % words.length];
      return {
        posterId: posters[i % posters.length].id, taskType: taskTypes[i % taskTypes.length], lawArea: "Borçlar Hukuku",
        title: `${word} davası duruşması ${i}`, description: `Dosya ${i}: ${word} konulu davada duruşmaya katılım ve tutanak alınması.`,
        provinceId: c.provinceId, courthouseId: c.id, scheduledAt: new Date(now + (2 + (i % 60)) * 86_400_000),
        deadlineAt: new Date(now + (1 + (i % 60)) * 86_400_000), feeKurus: 50_000 + (i % 200) * 5_000,
      };
    }),
  });
}
await prisma.$executeRawUnsafe(`ANALYZE "Job"`);
await prisma.$disconnect();
await pool.end();

process.env.E2E_DATABASE_URL = namespace.databaseUrl;
process.env.E2E_REDIS_URL = testRedisUrl();
process.env.E2E_REDIS_PREFIX = namespace.redisPrefix;
const app = new AppServer({ port });
await app.start();
const redis = new Redis(testRedisUrl());

async function flushCache() {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${namespace.redisPrefix}:cache:*`, "COUNT", 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== "0");
}

async function timeRequest(path: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${app.url}${path}`);
  const body = await response.text();
  const ms = performance.now() - started;
  if (!response.ok || !body.includes('data-testid="job-card"')) throw new Error(`${path}: HTTP ${response.status}`);
  return ms;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(path: string, flushed: boolean) {
  for (let i = 0; i < WARMUP; i++) await timeRequest(path);
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    if (flushed) await flushCache();
    samples.push(await timeRequest(path));
  }
  samples.sort((x, y) => x - y);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { path, cache: flushed ? "flushed" : "warm", p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), max: round(samples[samples.length - 1]) };
}

try {
  const results = [];
  for (const path of ["/ilanlar", "/ilanlar?il=34&sirala=fee", "/ilanlar?q=bo%C5%9Fanma&sirala=newest"]) {
    results.push(await measure(path, false), await measure(path, true));
  }
  console.log(`job board, ${JOBS} open jobs, ${REQUESTS} sequential requests per row (ms):`);
  console.table(results);
} finally {
  redis.disconnect();
  await app.stop();
  await dropDatabase(namespace.databaseUrl);
  await deleteRedisPrefix(testRedisUrl(), namespace.redisPrefix);
}
