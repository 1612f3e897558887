import { createHash } from "node:crypto";
import { z } from "zod";
import { readTolerantOfLag } from "@/lib/db";
import { cacheKey, cacheVersion, getOrLoad } from "@/lib/cache";
import { similarWordsMatch, wordsMatch, type TextMatch } from "@/lib/jobs/board-text-search";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";
import { parseIstanbulDate } from "@/lib/jobs/istanbul-time";
import { BOARD_NAMESPACE } from "@/lib/jobs/job-cache";
import type { JobSummary } from "@/lib/jobs/job-summary";
import { taskTypes, urgencies } from "@/lib/jobs/labels";
import { parseTurkishLira } from "@/lib/jobs/money";

export const PAGE_SIZE = 20;
const BOARD_TTL_SECONDS = 60;

// "relevance" only means something with a search, and is the default then
export const sortOptions = ["soonest", "newest", "fee", "relevance"] as const;
export type BoardSort = (typeof sortOptions)[number];

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const day = (endOfDay: boolean) =>
  z.string().transform((v, ctx) => {
    const date = parseIstanbulDate(v, endOfDay);
    if (!date) {
      ctx.addIssue({ code: "custom", message: "Geçerli bir tarih girin." });
      return z.NEVER;
    }
    return date;
  });

export const boardQuerySchema = z.object({
  provinceId: optional(z.coerce.number().int().min(1).max(81)),
  courthouseId: optional(z.coerce.number().int().positive()),
  taskType: optional(z.enum(taskTypes)),
  urgency: optional(z.enum(urgencies)),
  from: optional(day(false)),
  to: optional(day(true)),
  minFee: optional(
    z.string().transform((v, ctx) => {
      const kurus = parseTurkishLira(v);
      if (kurus === null) {
        ctx.addIssue({ code: "custom", message: "En düşük ücreti TL olarak girin." });
        return z.NEVER;
      }
      return kurus;
    }),
  ),
  q: optional(z.string().trim().max(200, "Arama en fazla 200 karakter olabilir.")),
  sort: optional(z.enum(sortOptions)),
  cursor: optional(z.string().max(200)),
  // "Bana uygun" (lib/availability/my-board-filter.ts): sets made by the server, never read from the URL
  courthouseIds: z.array(z.number().int().positive()).max(1000).optional(),
  taskTypes: z.array(z.enum(taskTypes)).max(taskTypes.length).optional(),
}).transform(({ sort, ...rest }) => ({ ...rest, sort: effectiveSort(sort, rest.q) }));

function effectiveSort(sort: BoardSort | undefined, q: string | undefined): BoardSort {
  if (!q) return sort === "relevance" || !sort ? "soonest" : sort;
  return sort ?? "relevance";
}

export type BoardQuery = z.output<typeof boardQuerySchema>;
/** `approximate`: nothing matched the words as typed, so these are the jobs whose text comes closest (a typo). */
export type BoardPage = { items: JobSummary[]; nextCursor: string | null; total: number; approximate: boolean };

type Cursor = { v: string | number; id: string };

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decodeCursor(text: string | undefined, sort: BoardSort): Cursor | null {
  if (!text) return null;
  try {
    const c = JSON.parse(Buffer.from(text, "base64url").toString()) as Cursor;
    const numeric = sort === "fee" ? Number.isInteger(c.v) : sort === "relevance" ? typeof c.v === "number" && Number.isFinite(c.v) : false;
    const valid = typeof c.id === "string" && (sort === "fee" || sort === "relevance" ? numeric : !Number.isNaN(Date.parse(String(c.v))));
    return valid ? c : null;
  } catch {
    return null;
  }
}

function filterSql(q: BoardQuery, text: TextMatch | null): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`j.status = 'OPEN'::"JobStatus"`];
  if (q.provinceId) conditions.push(Prisma.sql`j."provinceId" = ${q.provinceId}`);
  if (q.courthouseId) conditions.push(Prisma.sql`j."courthouseId" = ${q.courthouseId}`);
  if (q.taskType) conditions.push(Prisma.sql`j."taskType" = ${q.taskType}::"TaskType"`);
  if (q.urgency) conditions.push(Prisma.sql`j.urgency = ${q.urgency}::"Urgency"`);
  if (q.from) conditions.push(Prisma.sql`j."scheduledAt" >= ${q.from}`);
  if (q.to) conditions.push(Prisma.sql`j."scheduledAt" <= ${q.to}`);
  if (q.courthouseIds) conditions.push(Prisma.sql`j."courthouseId" = ANY(${q.courthouseIds}::int[])`);
  if (q.taskTypes?.length) conditions.push(Prisma.sql`j."taskType" = ANY(${q.taskTypes}::"TaskType"[])`);
  if (q.minFee) conditions.push(Prisma.sql`j."feeKurus" >= ${q.minFee}`);
  if (text) conditions.push(text.where);
  return Prisma.join(conditions, " AND ");
}

// Each order has a matching (status, column, id) index (optionally led by province or courthouse), so a page is
// an index range scan from the cursor: no OFFSET, constant cost however deep the reader pages.
function orderSql(sort: BoardSort, cursor: Cursor | null, text: TextMatch | null): { keyset: Prisma.Sql | null; order: Prisma.Sql } {
  if (sort === "relevance" && text) {
    // rounded, so the cursor's copy of a score compares equal to the row's (a float through JSON may not)
    const score = Prisma.sql`round((${text.rank})::numeric, 6)`;
    return {
      keyset: cursor ? Prisma.sql`(${score}, j.id) < (${Number(cursor.v)}, ${cursor.id})` : null,
      order: Prisma.sql`${score} DESC, j.id DESC`,
    };
  }
  if (sort === "fee") {
    return {
      keyset: cursor ? Prisma.sql`(j."feeKurus", j.id) < (${Number(cursor.v)}, ${cursor.id})` : null,
      order: Prisma.sql`j."feeKurus" DESC, j.id DESC`,
    };
  }
  if (sort === "newest") {
    return {
      keyset: cursor ? Prisma.sql`(j."createdAt", j.id) < (${new Date(String(cursor.v))}, ${cursor.id})` : null,
      order: Prisma.sql`j."createdAt" DESC, j.id DESC`,
    };
  }
  return {
    keyset: cursor ? Prisma.sql`(j."scheduledAt", j.id) > (${new Date(String(cursor.v))}, ${cursor.id})` : null,
    order: Prisma.sql`j."scheduledAt" ASC, j.id ASC`,
  };
}

async function loadPage(q: BoardQuery, text: TextMatch | null): Promise<Pick<BoardPage, "items" | "nextCursor">> {
  const { keyset, order } = orderSql(q.sort, decodeCursor(q.cursor, q.sort), text);
  const where = keyset ? Prisma.sql`${filterSql(q, text)} AND ${keyset}` : filterSql(q, text);
  const score = text ? Prisma.sql`round((${text.rank})::numeric, 6)::float8` : Prisma.sql`0::float8`;
  const rows = await readTolerantOfLag((client) => client.$queryRaw<(JobSummary & { score: number })[]>`
    SELECT ${score} AS score, j.id, j.title, j."taskType", j."lawArea", j."provinceId", p.name AS "provinceName", j."courthouseId",
           c.name AS "courthouseName", j."scheduledAt", j."deadlineAt", j."feeKurus", j.urgency, j."responseWindowEndsAt",
           j."createdAt", u."fullName" AS "posterName"
    FROM "Job" j
    JOIN "Province" p ON p.id = j."provinceId"
    JOIN "Courthouse" c ON c.id = j."courthouseId"
    JOIN "User" u ON u.id = j."posterId"
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${PAGE_SIZE + 1}`);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  const sortValue = (job: (typeof rows)[number]) =>
    q.sort === "relevance" ? job.score : q.sort === "fee" ? job.feeKurus : (q.sort === "newest" ? job.createdAt : job.scheduledAt).toISOString();
  return {
    items: page.map(({ score, ...job }) => job),
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor({ v: sortValue(last), id: last.id }) : null,
  };
}

async function countMatches(q: BoardQuery, text: TextMatch | null): Promise<number> {
  const [{ count }] = await readTolerantOfLag(
    (client) => client.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "Job" j WHERE ${filterSql(q, text)}`,
  );
  return count;
}

/** The words as typed; when they match nothing, the closest spellings. Which one applies depends on the count. */
async function countWithFallback(q: BoardQuery): Promise<{ total: number; approximate: boolean }> {
  const exact = q.q ? wordsMatch(q.q) : null;
  const total = await countMatches(q, exact);
  const similar = total === 0 && q.q ? similarWordsMatch(q.q) : null;
  return similar ? { total: await countMatches(q, similar), approximate: true } : { total, approximate: false };
}

const hashOf = (value: unknown) => createHash("sha1").update(JSON.stringify(value)).digest("base64url");

/**
 * The job board: OPEN jobs by filters, sorted, one keyset page, with the total count. Served from Redis under
 * the board's cache version (every write that changes the board bumps it); nothing in it depends on the viewer
 * (a "Bana uygun" query is cached by its courthouse and task-type sets, which any lawyer with the same sets shares).
 */
export async function searchJobs(input: unknown): Promise<BoardPage> {
  const q = parseInput(boardQuerySchema, input);
  const { cursor, sort, ...filters } = q;
  const version = await cacheVersion(BOARD_NAMESPACE);
  const { total, approximate } = await getOrLoad(cacheKey("board", version, "matches", hashOf(filters)), BOARD_TTL_SECONDS, () => countWithFallback(q));
  const text = q.q ? (approximate ? similarWordsMatch(q.q) : wordsMatch(q.q)) : null;
  const page = await getOrLoad(cacheKey("board", version, "page", hashOf({ ...filters, sort, cursor, approximate })), BOARD_TTL_SECONDS, () =>
    loadPage(q, text),
  );
  return { ...page, total, approximate };
}
