import { describe, expect, it } from "vitest";
import { getRedis, redisKey } from "@/lib/redis";
import {
  createSession,
  getSessionByToken,
  listSessions,
  revokeOtherSessions,
  revokeSession,
  sessionHandleOf,
  SESSION_IDLE_SECONDS,
} from "@/lib/auth/session-store";
import { uniqueSuffix } from "@/test/factories";

describe("Redis session store", () => {
  it("creates a session whose cookie token resolves to the user, stored only under its hash", async () => {
    const userId = `u-${uniqueSuffix()}`;
    const token = await createSession({ userId, userAgent: "Mozilla/5.0 Firefox/140.0", ip: "10.0.0.7" });
    const session = await getSessionByToken(token);
    expect(session).toMatchObject({ userId, userAgent: "Mozilla/5.0 Firefox/140.0", ip: "10.0.0.7" });
    expect(session!.id).toBe(sessionHandleOf(token));
    expect(session!.id).not.toBe(token);
    expect(await getRedis().exists(redisKey("sess", token))).toBe(0);
    const ttl = await getRedis().ttl(redisKey("sess", session!.id));
    expect(ttl).toBeGreaterThan(SESSION_IDLE_SECONDS - 5);
    expect(ttl).toBeLessThanOrEqual(SESSION_IDLE_SECONDS);
  });

  it("refuses unknown, malformed and revoked tokens", async () => {
    const userId = `u-${uniqueSuffix()}`;
    const token = await createSession({ userId });
    expect(await getSessionByToken(undefined)).toBeNull();
    expect(await getSessionByToken("not a token")).toBeNull();
    expect(await getSessionByToken("A".repeat(43))).toBeNull();
    expect(await revokeSession(userId, sessionHandleOf(token))).toBe(true);
    expect(await getSessionByToken(token)).toBeNull();
  });

  it("ends a session 30 days after it began, however active it was", async () => {
    const userId = `u-${uniqueSuffix()}`;
    const token = await createSession({ userId });
    const handle = sessionHandleOf(token);
    await getRedis().hset(redisKey("sess", handle), "createdAt", Date.now() - 31 * 24 * 3600 * 1000, "lastSeenAt", Date.now());
    expect(await getSessionByToken(token, { touch: true })).toBeNull();
    expect(await getRedis().exists(redisKey("sess", handle))).toBe(0);
  });

  it("slides the idle expiry when touched, at most once a minute", async () => {
    const userId = `u-${uniqueSuffix()}`;
    const token = await createSession({ userId });
    const key = redisKey("sess", sessionHandleOf(token));
    const twoMinutesAgo = Date.now() - 120_000;
    await getRedis().multi().hset(key, "lastSeenAt", twoMinutesAgo).expire(key, 100).exec();
    const touched = await getSessionByToken(token, { touch: true });
    expect(touched!.lastSeenAt).toBeGreaterThan(twoMinutesAgo);
    expect(await getRedis().ttl(key)).toBeGreaterThan(SESSION_IDLE_SECONDS - 5);
  });

  it("lists a user's sessions and never revokes another user's session", async () => {
    const alice = `u-${uniqueSuffix()}`;
    const mallory = `u-${uniqueSuffix()}`;
    const a1 = await createSession({ userId: alice });
    const a2 = await createSession({ userId: alice });
    const m1 = await createSession({ userId: mallory });
    expect((await listSessions(alice)).map((s) => s.id).sort()).toEqual([sessionHandleOf(a1), sessionHandleOf(a2)].sort());
    expect(await revokeSession(alice, sessionHandleOf(m1))).toBe(false);
    expect(await getSessionByToken(m1)).not.toBeNull();
  });

  it("signs out everywhere else but keeps the current session", async () => {
    const userId = `u-${uniqueSuffix()}`;
    const current = await createSession({ userId });
    const other1 = await createSession({ userId });
    const other2 = await createSession({ userId });
    const revoked = await revokeOtherSessions(userId, sessionHandleOf(current));
    expect(revoked.sort()).toEqual([sessionHandleOf(other1), sessionHandleOf(other2)].sort());
    expect(await getSessionByToken(current)).not.toBeNull();
    expect(await getSessionByToken(other1)).toBeNull();
    expect(await getSessionByToken(other2)).toBeNull();
    expect((await listSessions(userId)).map((s) => s.id)).toEqual([sessionHandleOf(current)]);
  });
});
