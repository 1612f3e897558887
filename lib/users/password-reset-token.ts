import { createHash, randomBytes } from "node:crypto";
import { redisScript } from "@/lib/messaging/redis-script";
import { getRedis, redisKey } from "@/lib/redis";

// Reset tokens live only in the e-mailed link. Redis keeps the token's SHA-256 → userId for an hour, and per user
// the hash of the one live token, so a newer link voids the older one. Consuming is a single GETDEL: a token works once.
export const PASSWORD_RESET_TTL_SECONDS = 60 * 60;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const tokenKey = (hash: string) => redisKey("pw-reset", hash);
const userTokenKey = (userId: string) => redisKey("pw-reset-user", userId);
const hashOf = (token: string) => createHash("sha256").update(token).digest("base64url");

// KEYS[1] the user's current-hash key, KEYS[2] the new token's key; ARGV: token key prefix, new hash, userId, TTL.
// One script, so two reset jobs of one user racing each other still leave exactly one live token.
const replaceToken = redisScript(
  "password_reset_replace",
  2,
  `local previous = redis.call('GET', KEYS[1])
if previous then redis.call('DEL', ARGV[1] .. previous) end
redis.call('SET', KEYS[2], ARGV[3], 'EX', ARGV[4])
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[4])
return 1`,
);

/** A fresh token for the user (32 random bytes, base64url); the previous one stops working. */
export async function issuePasswordResetToken(userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const hash = hashOf(token);
  await replaceToken(null, [userTokenKey(userId), tokenKey(hash)], [`${redisKey("pw-reset")}:`, hash, userId, PASSWORD_RESET_TTL_SECONDS]);
  return token;
}

/** Whether the link would still work, without using it up (for showing the form). */
export async function isPasswordResetTokenLive(token: string): Promise<boolean> {
  if (!TOKEN_PATTERN.test(token)) return false;
  return (await getRedis().exists(tokenKey(hashOf(token)))) === 1;
}

/** Uses the token up and returns its user, or null when it is malformed, expired, replaced or already used. */
export async function consumePasswordResetToken(token: string): Promise<string | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  return getRedis().getdel(tokenKey(hashOf(token)));
}
