import { createHash, randomBytes } from "node:crypto";
import { getRedis, redisKey } from "@/lib/redis";
import { getEmitter } from "@/lib/realtime/emitter";
import { sessionRoom } from "@/lib/realtime/rooms";

// Sessions are Redis records; the cookie holds only a random token. Records are stored under the token's
// hash (the session "handle"), which is what listings, revocation and socket rooms use: a handle shown in a
// page cannot be replayed as a cookie. Sessions outlive any app process and expire after 7 idle days or
// 30 days in all.
export const SESSION_IDLE_SECONDS = 7 * 24 * 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 30 * 24 * 60 * 60;
// lastSeenAt is written at most this often per session, so page loads do not each cost a write
const TOUCH_INTERVAL_MS = 60_000;

export type SessionRecord = {
  /** the handle: hash of the cookie token */
  id: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  userAgent: string;
  ip: string;
};

const sessionKey = (sid: string) => redisKey("sess", sid);
const userSessionsKey = (userId: string) => redisKey("user-sessions", userId);
const SESSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const sessionHandleOf = (token: string) => createHash("sha256").update(token).digest("base64url");

function ttlSeconds(createdAt: number, now: number): number {
  const absoluteLeft = Math.floor((createdAt + SESSION_ABSOLUTE_SECONDS * 1000 - now) / 1000);
  return Math.min(SESSION_IDLE_SECONDS, absoluteLeft);
}

/** Creates a session and returns the token for the cookie. */
export async function createSession(input: { userId: string; userAgent?: string; ip?: string }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const id = sessionHandleOf(token);
  const now = Date.now();
  const redis = getRedis();
  // The record is found by the cookie alone and the index by the user, so on a Redis Cluster the two keys live in
  // different slots and cannot share a MULTI. The index is written first: an index entry without its record is
  // pruned by listSessions, whereas a record missing from the index would escape "sign out everywhere".
  await redis.multi().zadd(userSessionsKey(input.userId), now, id).expire(userSessionsKey(input.userId), SESSION_ABSOLUTE_SECONDS).exec();
  await redis
    .multi()
    .hset(sessionKey(id), {
      userId: input.userId,
      createdAt: now,
      lastSeenAt: now,
      userAgent: (input.userAgent ?? "").slice(0, 300),
      ip: (input.ip ?? "").slice(0, 64),
    })
    .expire(sessionKey(id), SESSION_IDLE_SECONDS)
    .exec();
  return token;
}

function parseRecord(id: string, raw: Record<string, string>): SessionRecord | null {
  if (!raw.userId) return null;
  return {
    id,
    userId: raw.userId,
    createdAt: Number(raw.createdAt),
    lastSeenAt: Number(raw.lastSeenAt),
    userAgent: raw.userAgent ?? "",
    ip: raw.ip ?? "",
  };
}

/** The live session for a cookie token, or null. `touch` slides the idle expiry (throttled). */
export async function getSessionByToken(token: string | undefined, options: { touch?: boolean } = {}): Promise<SessionRecord | null> {
  if (!token || !SESSION_TOKEN_PATTERN.test(token)) return null;
  return getSessionByHandle(sessionHandleOf(token), options);
}

export async function getSessionByHandle(id: string, options: { touch?: boolean } = {}): Promise<SessionRecord | null> {
  const redis = getRedis();
  const record = parseRecord(id, await redis.hgetall(sessionKey(id)));
  if (!record) return null;
  const now = Date.now();
  const ttl = ttlSeconds(record.createdAt, now);
  if (ttl <= 0) {
    await revokeSession(record.userId, id);
    return null;
  }
  if (options.touch && now - record.lastSeenAt > TOUCH_INTERVAL_MS) {
    await redis.multi().hset(sessionKey(id), "lastSeenAt", now).expire(sessionKey(id), ttl).exec();
    record.lastSeenAt = now;
  }
  return record;
}

/**
 * How long each session has left, in ms (0 when its record is gone), from the record's expiry in Redis, which
 * already is the earlier of the idle and the absolute limit.
 */
export async function sessionsTimeLeftMs(ids: string[]): Promise<number[]> {
  // one command per key, sent together by the auto-pipeline (per master on a cluster, where the keys' slots differ)
  const redis = getRedis();
  const results = await Promise.all(ids.map((id) => redis.pttl(sessionKey(id))));
  return results.map((ms) => (ms > 0 ? ms : 0));
}

/** The user's live sessions, newest first; ids whose record expired are pruned from the index. */
export async function listSessions(userId: string): Promise<SessionRecord[]> {
  const redis = getRedis();
  const ids = await redis.zrevrange(userSessionsKey(userId), 0, -1);
  if (ids.length === 0) return [];
  const results = await Promise.all(ids.map((id) => redis.hgetall(sessionKey(id)).catch(() => null)));
  const live: SessionRecord[] = [];
  const gone: string[] = [];
  results.forEach((raw, i) => {
    const record = raw ? parseRecord(ids[i], raw) : null;
    if (record && record.userId === userId) live.push(record);
    else gone.push(ids[i]);
  });
  if (gone.length) await redis.zrem(userSessionsKey(userId), ...gone);
  return live;
}

// A session that ends closes its sockets on every instance at once, however it ended (logout, revoke, a password
// reset): an open socket would otherwise keep acting for it until its next re-check.
function closeSessionSockets(ids: string[]): void {
  if (ids.length) getEmitter().in(ids.map(sessionRoom)).disconnectSockets(true);
}

/** Deletes one session (by handle) of this user and closes its sockets. A handle that belongs to someone else is left alone. */
export async function revokeSession(userId: string, id: string): Promise<boolean> {
  const redis = getRedis();
  const owner = await redis.hget(sessionKey(id), "userId");
  await redis.zrem(userSessionsKey(userId), id);
  if (owner !== userId) return false;
  await redis.del(sessionKey(id));
  closeSessionSockets([id]);
  return true;
}

/** Deletes every session of the user except `keepId` and closes their sockets; returns the handles it deleted. */
export async function revokeOtherSessions(userId: string, keepId: string | null): Promise<string[]> {
  const sessions = await listSessions(userId);
  const doomed = sessions.map((s) => s.id).filter((id) => id !== keepId);
  if (doomed.length) {
    // records first (each its own DEL: on a cluster they are spread over the slots), then the index entries
    const redis = getRedis();
    await Promise.all(doomed.map((id) => redis.del(sessionKey(id))));
    await redis.zrem(userSessionsKey(userId), ...doomed);
  }
  closeSessionSockets(doomed);
  return doomed;
}
