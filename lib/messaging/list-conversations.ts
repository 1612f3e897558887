import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCanMessage } from "@/lib/messaging/membership";
import { messageId } from "@/lib/messaging/message-payload";
import { getRedis, redisKey, slotTag } from "@/lib/redis";
import { broadcastToUsers } from "@/lib/messaging/delivery";
import { parseInput, validationError } from "@/lib/validation";

export const CONVERSATION_PAGE_SIZE = 30;
/** Unread counts are shown up to this many per conversation ("99+" beyond). */
export const UNREAD_CAP = 100;
const PREVIEW_LENGTH = 140;
const CACHE_TTL_SECONDS = 10 * 60;

export type ConversationListItem = {
  id: string;
  jobId: string | null;
  jobTitle: string | null;
  peer: { id: string; fullName: string };
  lastMessage: { id: number; senderId: string; preview: string; hasAttachment: boolean; createdAt: string };
  unread: number;
};

export type ConversationList = {
  conversations: ConversationListItem[];
  /** opaque cursor of the next (older) page, or null */
  nextCursor: string | null;
};

export type ConversationSummary = ConversationList & {
  unreadTotal: number;
  /** the cache generation this summary was computed at: a client keeps the highest it has seen */
  version: number;
};

// Per-user cache of the first page and the unread total. Every write that changes them bumps the user's
// generation; a cached value is used only when it was computed at the current generation, so a computation
// that raced a write is never served. The generation key has no expiry (one small integer per user); values
// expire, and everything is recomputed from PostgreSQL when Redis is empty.
/** The counter that marks a user's cached conversation list stale when it moves. */
// tagged by user on a Redis Cluster: the two are read with one MGET
export const conversationListGenerationKey = (userId: string) => redisKey("msg", "list-gen", slotTag(userId));
const summaryKey = (userId: string) => redisKey("msg", "list", slotTag(userId));

/** Marks the users' conversation lists stale (after a read; a new message does it in its announce call). */
export async function invalidateConversationLists(userIds: string[]): Promise<void> {
  // plain commands on the shared, auto-pipelined connection, with no pipeline object per call
  const redis = getRedis();
  await Promise.all(userIds.map((id) => redis.incr(conversationListGenerationKey(id))));
}

type Row = {
  id: string;
  jobId: string | null;
  jobTitle: string | null;
  lastMessageAt: Date;
  peerId: string;
  peerName: string;
  lastMessageId: bigint;
  lastSenderId: string;
  lastBody: string;
  lastHasAttachment: boolean;
  unread: number;
};

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");

function decodeCursor(cursor: string): { at: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const date = new Date(at);
  return id && !Number.isNaN(date.getTime()) ? { at: date, id } : null;
}

// One query for the page: the actor's memberships (index on userId), each conversation, its peer, its last
// message (primary key) and its unread count (kept on the membership row). Conversations without a message
// yet are not listed: opening a conversation does not show up in the peer's list until something is said.
async function queryPage(userId: string, cursor: { at: Date; id: string } | null): Promise<ConversationList> {
  const after = cursor ? Prisma.sql`AND (c."lastMessageAt", c.id) < (${cursor.at}, ${cursor.id})` : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`
    SELECT c.id, c."jobId", j.title AS "jobTitle", c."lastMessageAt",
           p."userId" AS "peerId", u."fullName" AS "peerName",
           lm.id AS "lastMessageId", lm."senderId" AS "lastSenderId", left(lm.body, ${PREVIEW_LENGTH}) AS "lastBody",
           lm."attachmentId" IS NOT NULL AS "lastHasAttachment",
           LEAST(me."unreadCount", ${UNREAD_CAP}) AS unread
    FROM "ConversationMember" me
    JOIN "Conversation" c ON c.id = me."conversationId"
    JOIN "ConversationMember" p ON p."conversationId" = c.id AND p."userId" <> me."userId"
    JOIN "User" u ON u.id = p."userId"
    JOIN "Message" lm ON lm.id = c."lastMessageId"
    LEFT JOIN "Job" j ON j.id = c."jobId"
    WHERE me."userId" = ${userId} AND c."lastMessageAt" IS NOT NULL ${after}
    ORDER BY c."lastMessageAt" DESC, c.id DESC
    LIMIT ${CONVERSATION_PAGE_SIZE + 1}`;
  const page = rows.slice(0, CONVERSATION_PAGE_SIZE);
  const last = page.at(-1);
  return {
    conversations: page.map((r) => ({
      id: r.id,
      jobId: r.jobId,
      jobTitle: r.jobTitle,
      peer: { id: r.peerId, fullName: r.peerName },
      lastMessage: {
        id: messageId(r.lastMessageId),
        senderId: r.lastSenderId,
        preview: r.lastBody,
        hasAttachment: r.lastHasAttachment,
        createdAt: r.lastMessageAt.toISOString(),
      },
      unread: Number(r.unread),
    })),
    nextCursor: rows.length > CONVERSATION_PAGE_SIZE && last ? encodeCursor(last.lastMessageAt, last.id) : null,
  };
}

async function queryUnreadTotal(userId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ total: bigint }[]>`
    SELECT COALESCE(sum(LEAST("unreadCount", ${UNREAD_CAP})), 0) AS total FROM "ConversationMember" WHERE "userId" = ${userId}`;
  return Number(row.total);
}

/** The first page of the user's conversations and their unread total, from the cache when it is current. */
export async function conversationSummary(userId: string): Promise<ConversationSummary> {
  const redis = getRedis();
  const [generation, cached] = await redis.mget(conversationListGenerationKey(userId), summaryKey(userId));
  const version = Number(generation ?? 0);
  if (cached) {
    const summary = JSON.parse(cached) as ConversationSummary;
    if (summary.version === version) return summary;
  }
  const [page, unreadTotal] = await Promise.all([queryPage(userId, null), queryUnreadTotal(userId)]);
  const summary: ConversationSummary = { ...page, unreadTotal, version };
  await redis.set(summaryKey(userId), JSON.stringify(summary), "EX", CACHE_TTL_SECONDS);
  return summary;
}

const listConversationsSchema = z.object({ cursor: z.string().max(200).optional() });

/** A page of the actor's conversations, most recent first; the first page comes from the cache. */
export async function listConversations(actor: Actor, input: unknown = {}): Promise<ConversationList & { unreadTotal?: number }> {
  assertCanMessage(actor);
  const { cursor } = parseInput(listConversationsSchema, input);
  if (!cursor) return conversationSummary(actor.id);
  const position = decodeCursor(cursor);
  if (!position) throw validationError({ cursor: ["Sayfa bağlantısı geçersiz."] }, "Sayfa bağlantısı geçersiz.");
  return queryPage(actor.id, position);
}

/**
 * The user's unread total and the list generation it is at least as new as (the generation is read first).
 * One index lookup: used by the header badge on every page and by the `unread` pushes.
 */
export async function unreadSnapshot(userId: string): Promise<{ total: number; version: number }> {
  const version = Number((await getRedis().get(conversationListGenerationKey(userId))) ?? 0);
  return { total: await queryUnreadTotal(userId), version };
}

/** Sends the user's current unread total (`unread` event) to every tab they have open, on any instance. */
export async function pushUnreadTotal(userId: string): Promise<void> {
  broadcastToUsers([userId], "unread", await unreadSnapshot(userId));
}
