import { Ratelimit } from "@upstash/ratelimit";

// Every rate limit of the platform, in one table. `limiter` follows @upstash/ratelimit's algorithms.
export const rateLimitPolicies = {
  /** every login attempt from one address (offices share an address behind NAT) */
  loginByIp: { limiter: Ratelimit.slidingWindow(50, "15 m") },
  /** failed logins for one e-mail, from any address: stops password guessing spread over many IPs */
  loginFailuresByEmail: { limiter: Ratelimit.slidingWindow(5, "15 m") },
  registerByIp: { limiter: Ratelimit.slidingWindow(5, "1 h") },
  passwordResetByEmail: { limiter: Ratelimit.slidingWindow(3, "1 h") },
  /** bursts of 20, then one message every half second */
  messageSend: { limiter: Ratelimit.tokenBucket(2, "1 s", 20) },
  jobPost: { limiter: Ratelimit.slidingWindow(20, "1 h") },
  application: { limiter: Ratelimit.slidingWindow(30, "1 h") },
  sessionRevoke: { limiter: Ratelimit.slidingWindow(30, "10 m") },
  adminVerify: { limiter: Ratelimit.slidingWindow(300, "10 m") },
  /** sending WhatsApp verification codes costs money and can be abused to message strangers */
  whatsappVerification: { limiter: Ratelimit.slidingWindow(3, "1 h") },
  notificationSettings: { limiter: Ratelimit.slidingWindow(60, "10 m") },
} as const;

export type RateLimitPolicy = keyof typeof rateLimitPolicies;
