import { Ratelimit } from "@upstash/ratelimit";

// Every rate limit of the platform, in one table. `limiter` follows @upstash/ratelimit's algorithms. All are token
// buckets (burst of maxTokens, then `refill` tokens per interval): unlike windows they have no boundary where a burst
// can double, and their reset is the next refill, so "try again in N minutes" is exactly true.
export const rateLimitPolicies = {
  /** every login attempt from one address (offices share an address behind NAT) */
  loginByIp: { limiter: Ratelimit.tokenBucket(10, "3 m", 50) },
  /** failed logins for one account from one address: that address is stopped guessing that account */
  loginFailuresByAccountAndIp: { limiter: Ratelimit.tokenBucket(1, "5 m", 5) },
  /**
   * failed logins for one account from any address: past this every attempt from an address the owner has not
   * logged in from is slowed down (never refused), so guessing spread over many addresses crawls and the owner
   * still gets in (OWASP ASVS 2.2.1)
   */
  loginFailuresByAccount: { limiter: Ratelimit.tokenBucket(2, "5 m", 10) },
  /** codes tried for one account at its second login step or in its settings: 10, then one a minute */
  secondFactorByAccount: { limiter: Ratelimit.tokenBucket(1, "1 m", 10) },
  registerByIp: { limiter: Ratelimit.tokenBucket(1, "12 m", 5) },
  /** reset e-mails to one address, whoever asks: stops flooding someone's inbox */
  passwordResetByEmail: { limiter: Ratelimit.tokenBucket(1, "20 m", 3) },
  /** confirmation e-mails a lawyer asks for again: one every 10 minutes after a burst of 3 */
  emailConfirmationResend: { limiter: Ratelimit.tokenBucket(1, "10 m", 3) },
  /** reset requests from one address, for any e-mail: stops probing many addresses from one place */
  passwordResetByIp: { limiter: Ratelimit.tokenBucket(1, "2 m", 10) },
  /** bursts of 20, then one message every half second */
  messageSend: { limiter: Ratelimit.tokenBucket(2, "1 s", 20) },
  jobPost: { limiter: Ratelimit.tokenBucket(1, "3 m", 20) },
  application: { limiter: Ratelimit.tokenBucket(1, "2 m", 30) },
  sessionRevoke: { limiter: Ratelimit.tokenBucket(3, "1 m", 30) },
  /**
   * wrong current passwords typed into "change password" or "change e-mail", per account: like failed logins, a
   * stolen session cannot guess its way to the password; the owner who typed it right is never held up
   */
  currentPasswordFailures: { limiter: Ratelimit.tokenBucket(1, "5 m", 5) },
  /** e-mail change links sent, per account: each one mails two addresses, one of them typed by the user */
  emailChangeRequest: { limiter: Ratelimit.tokenBucket(1, "10 m", 3) },
  /** KVKK data exports: each one reads all of a lawyer's records and files into a ZIP in the worker */
  dataExportRequest: { limiter: Ratelimit.tokenBucket(1, "1 h", 3) },
  adminVerify: { limiter: Ratelimit.tokenBucket(30, "1 m", 300) },
  /** a rejected lawyer sending corrected bar details to the queue again */
  verificationResubmit: { limiter: Ratelimit.tokenBucket(1, "10 m", 3) },
  /** sending WhatsApp verification codes costs money and can be abused to message strangers */
  whatsappVerification: { limiter: Ratelimit.tokenBucket(1, "20 m", 3) },
  /**
   * WhatsApp, per number: messages from it the bot acts on, and messages sent to it (Meta also limits pairs, error
   * 131056); a flood is recorded and ignored, a notification over the limit waits and is retried
   */
  whatsappInboundByNumber: { limiter: Ratelimit.tokenBucket(10, "1 m", 30) },
  whatsappOutboundByNumber: { limiter: Ratelimit.tokenBucket(20, "1 m", 60) },
  notificationSettings: { limiter: Ratelimit.tokenBucket(6, "1 m", 60) },
  // socket events besides sending: generous for a person with several tabs, a wall for a script
  /** the browser sends "typing" at most every few seconds per conversation */
  socketTyping: { limiter: Ratelimit.tokenBucket(5, "1 s", 20) },
  socketRead: { limiter: Ratelimit.tokenBucket(5, "1 s", 40) },
  socketPresence: { limiter: Ratelimit.tokenBucket(2, "1 s", 20) },
  /** every (re)connect of every tab syncs; each answer may read up to 100 conversations */
  socketSync: { limiter: Ratelimit.tokenBucket(1, "1 s", 15) },
  socketOpenConversation: { limiter: Ratelimit.tokenBucket(1, "2 s", 20) },
  /** each photo is decoded and re-encoded (up to 36 megapixels) */
  avatarUpload: { limiter: Ratelimit.tokenBucket(1, "1 m", 5) },
} as const;

export type RateLimitPolicy = keyof typeof rateLimitPolicies;
