import { createHash, randomBytes } from "node:crypto";
import { redisScript } from "@/lib/messaging/redis-script";
import { getRedis, redisKey, slotTag } from "@/lib/redis";

// Tokens of e-mailed links (password reset, e-mail confirmation) live only in the link. Redis keeps the token's
// SHA-256 → userId for the link's lifetime, and per user the hash of the one live token, so a newer link voids the
// older one. Consuming is a single GETDEL: a token works once.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string) => createHash("sha256").update(token).digest("base64url");

// KEYS[1] the user's current-hash key, KEYS[2] the new token's key; ARGV: token key prefix, new hash, userId, TTL.
// One script, so two jobs of one user racing each other still leave exactly one live token.
const replaceToken = redisScript(
  "one_time_link_token_replace",
  2,
  `local previous = redis.call('GET', KEYS[1])
if previous then redis.call('DEL', ARGV[1] .. previous) end
redis.call('SET', KEYS[2], ARGV[3], 'EX', ARGV[4])
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[4])
return 1`,
);

// KEYS[1] the user's current-hash key; ARGV[1] the token key prefix. Voids the user's live token, if any.
const revokeToken = redisScript(
  "one_time_link_token_revoke",
  1,
  `local previous = redis.call('GET', KEYS[1])
if previous then redis.call('DEL', ARGV[1] .. previous) end
redis.call('DEL', KEYS[1])
return 1`,
);

export type OneTimeLinkTokens = {
  ttlSeconds: number;
  /** a fresh token for the user (32 random bytes, base64url); the previous one stops working */
  issue(userId: string): Promise<string>;
  /** whether the link would still work, without using it up (for showing its page) */
  isLive(token: string): Promise<boolean>;
  /** uses the token up and returns its user, or null when it is malformed, expired, replaced or already used */
  consume(token: string): Promise<string | null>;
  /** voids the user's live token (a link whose purpose has changed must stop working before the next one is out) */
  revoke(userId: string): Promise<void>;
};

/** Tokens of one kind of link; `kind` names their Redis keys (kept as they were for password resets). */
export function oneTimeLinkTokens(kind: string, ttlSeconds: number): OneTimeLinkTokens {
  // the scripts touch both keys and the previous token's: on a Redis Cluster the kind is their hash tag (one slot
  // per kind of link; these are written a few times per user and month, no shard notices them)
  // read when a link is used, not when the module loads: `next build` loads it without any configuration
  const tag = () => slotTag(kind);
  const tokenKey = (hash: string) => redisKey(tag(), hash);
  const userTokenKey = (userId: string) => redisKey(`${tag()}-user`, userId);
  return {
    ttlSeconds,
    async issue(userId) {
      const token = randomBytes(32).toString("base64url");
      const hash = hashOf(token);
      await replaceToken(null, [userTokenKey(userId), tokenKey(hash)], [`${redisKey(tag())}:`, hash, userId, ttlSeconds]);
      return token;
    },
    async isLive(token) {
      if (!TOKEN_PATTERN.test(token)) return false;
      return (await getRedis().exists(tokenKey(hashOf(token)))) === 1;
    },
    async consume(token) {
      if (!TOKEN_PATTERN.test(token)) return null;
      return getRedis().getdel(tokenKey(hashOf(token)));
    },
    async revoke(userId) {
      await revokeToken(null, [userTokenKey(userId)], [`${redisKey(tag())}:`]);
    },
  };
}
