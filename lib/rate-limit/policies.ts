import { Ratelimit } from "@upstash/ratelimit";

// Every rate limit of the platform, in one table. `limiter` follows @upstash/ratelimit's algorithms. Windows are
// fixed, not sliding: a fixed window ends when its reset time says, so "try again in N minutes" is true (a sliding
// window still counts the previous window after its reset).
export const rateLimitPolicies = {
  /** every login attempt from one address (offices share an address behind NAT) */
  loginByIp: { limiter: Ratelimit.fixedWindow(50, "15 m") },
  /** failed logins for one e-mail, from any address: stops password guessing spread over many IPs */
  loginFailuresByEmail: { limiter: Ratelimit.fixedWindow(5, "15 m") },
  registerByIp: { limiter: Ratelimit.fixedWindow(5, "1 h") },
  passwordResetByEmail: { limiter: Ratelimit.fixedWindow(3, "1 h") },
  /** bursts of 20, then one message every half second */
  messageSend: { limiter: Ratelimit.tokenBucket(2, "1 s", 20) },
  jobPost: { limiter: Ratelimit.fixedWindow(20, "1 h") },
  application: { limiter: Ratelimit.fixedWindow(30, "1 h") },
  sessionRevoke: { limiter: Ratelimit.fixedWindow(30, "10 m") },
  adminVerify: { limiter: Ratelimit.fixedWindow(300, "10 m") },
  /** sending WhatsApp verification codes costs money and can be abused to message strangers */
  whatsappVerification: { limiter: Ratelimit.fixedWindow(3, "1 h") },
  notificationSettings: { limiter: Ratelimit.fixedWindow(60, "10 m") },
} as const;

export type RateLimitPolicy = keyof typeof rateLimitPolicies;
