import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { enforceRateLimit, formatRetryAfter, hitRateLimit, peekRateLimit } from "@/lib/rate-limit/limiter";
import { uniqueSuffix } from "@/test/factories";

const REGISTER_ALLOWANCE = 5; // registerByIp: a burst of 5 per identifier, then one more every 12 minutes

async function rateLimitedError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected RATE_LIMITED");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("RATE_LIMITED");
  return error as AppError;
}

describe("enforceRateLimit", () => {
  it("allows the policy's allowance, then refuses with a Turkish message saying when to retry", async () => {
    const ip = `203.0.113.${uniqueSuffix()}`;
    for (let i = 0; i < REGISTER_ALLOWANCE; i++) await enforceRateLimit("registerByIp", ip);

    const error = await rateLimitedError(enforceRateLimit("registerByIp", ip));
    const retryAfter = error.details.retryAfterSeconds!;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(error.message).toMatch(/^Çok fazla deneme yaptınız\. Lütfen \d+ (saniye|dakika|saat) sonra tekrar deneyin\.$/);
    expect(error.message).toContain(formatRetryAfter(retryAfter));

    // still refused: refusals do not reset the window
    await rateLimitedError(enforceRateLimit("registerByIp", ip));
  });

  it("counts each identifier separately", async () => {
    const busy = `203.0.113.${uniqueSuffix()}`;
    const other = `203.0.113.${uniqueSuffix()}`;
    for (let i = 0; i < REGISTER_ALLOWANCE; i++) await enforceRateLimit("registerByIp", busy);
    await rateLimitedError(enforceRateLimit("registerByIp", busy));
    await expect(enforceRateLimit("registerByIp", other)).resolves.toBeUndefined();
  });

  it("keeps policies apart for the same identifier", async () => {
    const email = `limit-${uniqueSuffix()}@example.com`;
    for (let i = 0; i < 3; i++) await enforceRateLimit("passwordResetByEmail", email);
    await rateLimitedError(enforceRateLimit("passwordResetByEmail", email));
    await expect(enforceRateLimit("loginFailuresByAccount", email)).resolves.toBeUndefined();
  });
});

describe("peekRateLimit", () => {
  it("reports the state without using up the allowance", async () => {
    const ip = `198.51.100.${uniqueSuffix()}`;
    for (let i = 0; i < 10; i++) expect(await peekRateLimit("registerByIp", ip)).toEqual({ success: true, retryAfterSeconds: 0 });

    for (let i = 0; i < REGISTER_ALLOWANCE; i++) expect((await hitRateLimit("registerByIp", ip)).success).toBe(true);
    const peeked = await peekRateLimit("registerByIp", ip);
    expect(peeked.success).toBe(false);
    expect(peeked.retryAfterSeconds).toBeGreaterThan(0);
    const hit = await hitRateLimit("registerByIp", ip);
    expect(hit.success).toBe(false);
    expect(hit.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe("formatRetryAfter", () => {
  it.each([
    [1, "1 saniye"],
    [59, "59 saniye"],
    [60, "1 dakika"],
    [61, "2 dakika"],
    [15 * 60, "15 dakika"],
    [59 * 60, "59 dakika"],
    [3600, "1 saat"],
    [2 * 3600, "2 saat"],
  ])("%i s → %s", (seconds, text) => {
    expect(formatRetryAfter(seconds)).toBe(text);
  });
});
