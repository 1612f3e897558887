import { getRedis, redisKey } from "@/lib/redis";

// Addresses a lawyer has logged in from, so throttling aimed at their account (guesses from elsewhere) slows
// strangers, not them. Kept 90 days after the last login from the set, at most 20 addresses.
const KEEP_SECONDS = 90 * 24 * 60 * 60;
const MAX_ADDRESSES = 20;
const key = (userId: string) => redisKey("login-known", userId);

export async function rememberLoginAddress(userId: string, ip: string): Promise<void> {
  await getRedis()
    .multi()
    .zadd(key(userId), Date.now(), ip)
    .zremrangebyrank(key(userId), 0, -(MAX_ADDRESSES + 1))
    .expire(key(userId), KEEP_SECONDS)
    .exec();
}

export async function isKnownLoginAddress(userId: string, ip: string): Promise<boolean> {
  return (await getRedis().zscore(key(userId), ip)) !== null;
}
