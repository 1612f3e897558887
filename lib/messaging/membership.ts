import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { forbidden, notFound, notVerified } from "@/lib/errors";
import { getRedis, redisKey } from "@/lib/redis";

// A conversation's members never change after it is created, so the set is cached without invalidation:
// in this process (no round trip on the hot path of every message) and in Redis for the other instances.
const MEMBERS_TTL_SECONDS = 24 * 60 * 60;
const LOCAL_CACHE_MAX = 50_000;
const localMembers = new Map<string, string[]>();

function rememberLocally(conversationId: string, ids: string[]): void {
  // a Map iterates in insertion order, so the first key is the oldest entry
  if (localMembers.size >= LOCAL_CACHE_MAX) localMembers.delete(localMembers.keys().next().value!);
  localMembers.set(conversationId, ids);
}
const membersKey = (conversationId: string) => redisKey("msg", "members", conversationId);

/** Only verified lawyers take part in messaging. */
export function assertCanMessage(actor: Actor): void {
  if (actor.verification !== "VERIFIED") throw notVerified();
}

// lookups in flight: concurrent sends to a conversation not cached yet (both members, retries) share one, instead
// of each taking a pool connection; the 3-instance bench, with cold caches, spent its pool on ~2 such reads per message
const loading = new Map<string, Promise<string[] | null>>();

/** The member ids of a conversation, or null when it does not exist. */
export function conversationMembers(conversationId: string): Promise<string[] | null> {
  const local = localMembers.get(conversationId);
  if (local) return Promise.resolve(local);
  let pending = loading.get(conversationId);
  if (!pending) {
    pending = loadMembers(conversationId).finally(() => loading.delete(conversationId));
    loading.set(conversationId, pending);
  }
  return pending;
}

async function loadMembers(conversationId: string): Promise<string[] | null> {
  const redis = getRedis();
  const cached = await redis.smembers(membersKey(conversationId));
  if (cached.length) {
    rememberLocally(conversationId, cached);
    return cached;
  }
  const rows = await db.conversationMember.findMany({ where: { conversationId }, select: { userId: true } });
  if (rows.length === 0) return null;
  const ids = rows.map((r) => r.userId);
  await redis.multi().sadd(membersKey(conversationId), ...ids).expire(membersKey(conversationId), MEMBERS_TTL_SECONDS).exec();
  rememberLocally(conversationId, ids);
  return ids;
}

/** The conversation's members when the actor is one of them: NOT_FOUND or FORBIDDEN otherwise. */
export async function requireMembership(actor: Actor, conversationId: string): Promise<string[]> {
  const members = await conversationMembers(conversationId);
  if (!members) throw notFound("Konuşma bulunamadı.");
  if (!members.includes(actor.id)) throw forbidden("Bu konuşmanın üyesi değilsiniz.");
  return members;
}
