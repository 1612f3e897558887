import { Ratelimit } from "@upstash/ratelimit";
import { rateLimitPolicies } from "@/lib/rate-limit/policies";
import { upstashRedisOver } from "@/lib/rate-limit/upstash-ioredis";
import { getRedis, redisKey } from "@/lib/redis";

/** Gives a test sender a full messageSend bucket again (test support, not used by the app). */
export async function resetRateLimit(userId: string): Promise<void> {
  const limiter = new Ratelimit({
    redis: upstashRedisOver(getRedis()),
    limiter: rateLimitPolicies.messageSend.limiter,
    prefix: redisKey("rl", "messageSend"),
    analytics: false,
  });
  await limiter.resetUsedTokens(userId);
}
