import DataLoader from "dataloader";
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

// Conversations not cached here yet are looked up together: the sends of one tick (after a restart, every active
// conversation at once) make one Redis pipeline and, for what Redis does not hold, one PostgreSQL read, instead of
// a read each. At 2,000 msg/s with cold caches the reads one by one queued ~850 deep for the pool's ten
// connections, and every commit waited behind them. DataLoader (graphql/dataloader) batches by tick;
// its own cache is off: localMembers is the cache, and `loading` shares a lookup in flight between the sends that
// arrive meanwhile (both members, retries), also across ticks.
// Each socket frame is its own I/O callback, so the default batch (one tick) holds one load: setImmediate waits
// for the rest of the poll phase, i.e. every frame that had arrived by then, without adding a timer's delay.
const membersLoader = new DataLoader<string, string[] | null>(loadMembers, {
  cache: false,
  maxBatchSize: 500,
  batchScheduleFn: (callback) => setImmediate(callback),
});
const loading = new Map<string, Promise<string[] | null>>();

/** Members learnt elsewhere (the INSERT of a message returns them), for the next lookup. */
export function rememberMembers(conversationId: string, ids: string[]): void {
  if (!localMembers.has(conversationId)) rememberLocally(conversationId, ids);
}

/** The member ids of a conversation, or null when it does not exist. */
export function conversationMembers(conversationId: string): Promise<string[] | null> {
  const local = localMembers.get(conversationId);
  if (local) return Promise.resolve(local);
  let pending = loading.get(conversationId);
  if (!pending) {
    pending = membersLoader.load(conversationId).finally(() => loading.delete(conversationId));
    loading.set(conversationId, pending);
  }
  return pending;
}

async function loadMembers(conversationIds: readonly string[]): Promise<(string[] | null)[]> {
  const redis = getRedis();
  // a command per conversation, sent together by the auto-pipeline (grouped per master on a Redis Cluster)
  const cached = await Promise.all(conversationIds.map((id) => redis.smembers(membersKey(id)).catch(() => [] as string[])));
  const missing = conversationIds.filter((_, i) => cached[i].length === 0);
  const fromDb = new Map<string, string[]>();
  if (missing.length) {
    const rows = await db.conversationMember.findMany({ where: { conversationId: { in: missing } }, select: { conversationId: true, userId: true } });
    for (const row of rows) fromDb.set(row.conversationId, [...(fromDb.get(row.conversationId) ?? []), row.userId]);
    if (fromDb.size) {
      await Promise.all([...fromDb].map(([id, ids]) => redis.multi().sadd(membersKey(id), ...ids).expire(membersKey(id), MEMBERS_TTL_SECONDS).exec()));
    }
  }
  return conversationIds.map((id, i) => {
    const ids = cached[i].length ? cached[i] : (fromDb.get(id) ?? null);
    if (ids) rememberLocally(id, ids);
    return ids;
  });
}

function assertMember(actor: Actor, members: string[]): string[] {
  if (!members.includes(actor.id)) throw forbidden("Bu konuşmanın üyesi değilsiniz.");
  return members;
}

/** The conversation's members when the actor is one of them: NOT_FOUND or FORBIDDEN otherwise. */
export async function requireMembership(actor: Actor, conversationId: string): Promise<string[]> {
  const members = await conversationMembers(conversationId);
  if (!members) throw notFound("Konuşma bulunamadı.");
  return assertMember(actor, members);
}

/**
 * requireMembership from this process's cache alone: the members when cached and the actor is one of them,
 * FORBIDDEN when cached and not, undefined when this process has not cached them.
 */
export function cachedMembership(actor: Actor, conversationId: string): string[] | undefined {
  const members = localMembers.get(conversationId);
  return members && assertMember(actor, members);
}
