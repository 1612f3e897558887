import { Ratelimit } from "@upstash/ratelimit";
import { AppError } from "@/lib/errors";
import { getRedis, redisKey } from "@/lib/redis";
import { rateLimitPolicies, type RateLimitPolicy } from "@/lib/rate-limit/policies";
import { upstashRedisOver } from "@/lib/rate-limit/upstash-ioredis";

const globalForLimits = globalThis as unknown as { tevkilLimiters?: Map<RateLimitPolicy, Ratelimit> };

function limiterFor(policy: RateLimitPolicy): Ratelimit {
  globalForLimits.tevkilLimiters ??= new Map();
  let limiter = globalForLimits.tevkilLimiters.get(policy);
  if (!limiter) {
    limiter = new Ratelimit({
      redis: upstashRedisOver(getRedis()),
      limiter: rateLimitPolicies[policy].limiter,
      prefix: redisKey("rl", policy),
      analytics: false,
      // the library would remember blocked identifiers in this process until their reset: Redis is the only truth,
      // so a limit lifted there (an operator deleting the key) is lifted everywhere at once
      ephemeralCache: false,
      // no race against a timer: the library would let a call through ("success", reason "timeout") after 5 s without
      // an answer, failing open, and it arms a timer and a promise for every call (every message sent)
      timeout: 0,
    });
    globalForLimits.tevkilLimiters.set(policy, limiter);
  }
  return limiter;
}

export type RateLimitResult = { success: boolean; retryAfterSeconds: number };

const retryAfter = (reset: number) => Math.max(1, Math.ceil((reset - Date.now()) / 1000));

/** Counts one hit against the policy for this identifier. */
export async function hitRateLimit(policy: RateLimitPolicy, identifier: string): Promise<RateLimitResult> {
  const { success, reset } = await limiterFor(policy).limit(identifier);
  return { success, retryAfterSeconds: success ? 0 : retryAfter(reset) };
}

/** Whether the identifier is out of allowance, without counting a hit. */
export async function peekRateLimit(policy: RateLimitPolicy, identifier: string): Promise<RateLimitResult> {
  const { remaining, reset } = await limiterFor(policy).getRemaining(identifier);
  return { success: remaining > 0, retryAfterSeconds: remaining > 0 ? 0 : retryAfter(reset) };
}

export function formatRetryAfter(seconds: number): string {
  if (seconds < 60) return `${seconds} saniye`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} dakika`;
  return `${Math.ceil(minutes / 60)} saat`;
}

export function rateLimitedError(retryAfterSeconds: number): AppError {
  return new AppError(
    "RATE_LIMITED",
    `Çok fazla deneme yaptınız. Lütfen ${formatRetryAfter(retryAfterSeconds)} sonra tekrar deneyin.`,
    { retryAfterSeconds },
  );
}

/** Counts a hit and throws RATE_LIMITED (with when to retry) when over the limit. */
export async function enforceRateLimit(policy: RateLimitPolicy, identifier: string): Promise<void> {
  const result = await hitRateLimit(policy, identifier);
  if (!result.success) throw rateLimitedError(result.retryAfterSeconds);
}
