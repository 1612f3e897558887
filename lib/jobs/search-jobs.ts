import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { cacheKey, cacheVersion, getOrLoad } from "@/lib/cache";
import { turkishSearchQuery, wantsWebSearchSyntax } from "@/lib/jobs/turkish-search-query";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";
import { parseIstanbulDate } from "@/lib/jobs/istanbul-time";
import { BOARD_NAMESPACE } from "@/lib/jobs/job-cache";
import type { JobSummary } from "@/lib/jobs/job-summary";
import { taskTypes, urgencies } from "@/lib/jobs/labels";
import { parseTurkishLira } from "@/lib/jobs/money";

export const PAGE_SIZE = 20;
const BOARD_TTL_SECONDS = 60;

export const sortOptions = ["soonest", "newest", "fee"] as const;
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
  sort: z.preprocess(blankToUndefined, z.enum(sortOptions).default("soonest")),
  cursor: optional(z.string().max(200)),
});

export type BoardQuery = z.output<typeof boardQuerySchema>;
export type BoardPage = { items: JobSummary[]; nextCursor: string | null; total: number };

type Cursor = { v: string | number; id: string };

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decodeCursor(text: string | undefined, sort: BoardSort): Cursor | null {
  if (!text) return null;
  try {
    const c = JSON.parse(Buffer.from(text, "base64url").toString()) as Cursor;
    const valid = typeof c.id === "string" && (sort === "fee" ? Number.isInteger(c.v) : !Number.isNaN(Date.parse(String(c.v))));
    return valid ? c : null;
  } catch {
    return null;
  }
}

function filterSql(q: BoardQuery): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`j.status = 'OPEN'::"JobStatus"`];
  if (q.provinceId) conditions.push(Prisma.sql`j."provinceId" = ${q.provinceId}`);
  if (q.courthouseId) conditions.push(Prisma.sql`j."courthouseId" = ${q.courthouseId}`);
  if (q.taskType) conditions.push(Prisma.sql`j."taskType" = ${q.taskType}::"TaskType"`);
  if (q.urgency) conditions.push(Prisma.sql`j.urgency = ${q.urgency}::"Urgency"`);
  if (q.from) conditions.push(Prisma.sql`j."scheduledAt" >= ${q.from}`);
  if (q.to) conditions.push(Prisma.sql`j."scheduledAt" <= ${q.to}`);
  if (q.minFee) conditions.push(Prisma.sql`j."feeKurus" >= ${q.minFee}`);
  // over the trigger-kept tsvector (title, task type, area, places, description), served by its GIN index
  if (q.q) {
    const prefixQuery = wantsWebSearchSyntax(q.q) ? null : turkishSearchQuery(q.q);
    conditions.push(
      prefixQuery
        ? Prisma.sql`j."searchVector" @@ to_tsquery('turkish', ${prefixQuery})`
        : Prisma.sql`j."searchVector" @@ websearch_to_tsquery('turkish', ${q.q})`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

// Each order has a matching (status, column, id) index (optionally led by province or courthouse), so a page is
// an index range scan from the cursor: no OFFSET, constant cost however deep the reader pages.
function orderSql(sort: BoardSort, cursor: Cursor | null): { keyset: Prisma.Sql | null; order: Prisma.Sql } {
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

async function loadPage(q: BoardQuery): Promise<Omit<BoardPage, "total">> {
  const { keyset, order } = orderSql(q.sort, decodeCursor(q.cursor, q.sort));
  const where = keyset ? Prisma.sql`${filterSql(q)} AND ${keyset}` : filterSql(q);
  const rows = await db.$queryRaw<JobSummary[]>`
    SELECT j.id, j.title, j."taskType", j."lawArea", j."provinceId", p.name AS "provinceName", j."courthouseId",
           c.name AS "courthouseName", j."scheduledAt", j."deadlineAt", j."feeKurus", j.urgency, j."createdAt",
           u."fullName" AS "posterName"
    FROM "Job" j
    JOIN "Province" p ON p.id = j."provinceId"
    JOIN "Courthouse" c ON c.id = j."courthouseId"
    JOIN "User" u ON u.id = j."posterId"
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${PAGE_SIZE + 1}`;
  const items = rows.slice(0, PAGE_SIZE);
  const last = items[items.length - 1];
  const sortValue = (job: JobSummary) =>
    q.sort === "fee" ? job.feeKurus : (q.sort === "newest" ? job.createdAt : job.scheduledAt).toISOString();
  return { items, nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor({ v: sortValue(last), id: last.id }) : null };
}

async function countMatches(q: BoardQuery): Promise<number> {
  const [{ count }] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "Job" j WHERE ${filterSql(q)}`;
  return count;
}

const hashOf = (value: unknown) => createHash("sha1").update(JSON.stringify(value)).digest("base64url");

/**
 * The job board: OPEN jobs by filters, sorted, one keyset page, with the total count. Served from Redis under
 * the board's cache version (every write that changes the board bumps it); nothing in it depends on the viewer.
 */
export async function searchJobs(input: unknown): Promise<BoardPage> {
  const q = parseInput(boardQuerySchema, input);
  const { cursor, sort, ...filters } = q;
  const version = await cacheVersion(BOARD_NAMESPACE);
  const [page, total] = await Promise.all([
    getOrLoad(cacheKey("board", version, "page", hashOf({ ...filters, sort, cursor })), BOARD_TTL_SECONDS, () => loadPage(q)),
    getOrLoad(cacheKey("board", version, "count", hashOf(filters)), BOARD_TTL_SECONDS, () => countMatches(q)),
  ]);
  return { ...page, total };
}
