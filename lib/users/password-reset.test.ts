import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Worker } from "bullmq";
import { startSmtpServer } from "@/test/fake-services";

// this file runs its own workers: its own Redis prefix keeps them off other test files' queued jobs
process.env.REDIS_PREFIX = `${inject("redisPrefix")}:password-reset`;

const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;

const { db } = await import("@/lib/db");
const { getRedis, redisKey, slotTag } = await import("@/lib/redis");
const { closeQueues, getQueue, NOTIFICATIONS_QUEUE } = await import("@/lib/queue/queues");
const { closeMailer } = await import("@/lib/notifications/channels/email");
const { startWorkers } = await import("@/workers/start-workers");
const { createTestUser, uniqueSuffix, TEST_PASSWORD } = await import("@/test/factories");
const { createSession, getSessionByToken, listSessions } = await import("@/lib/auth/session-store");
const { authenticateWithPassword } = await import("@/lib/users/authenticate-with-password");
const { requestPasswordReset, PASSWORD_RESET_REQUESTED_MESSAGE } = await import("@/lib/users/request-password-reset");
const { resetPassword, INVALID_RESET_LINK_MESSAGE } = await import("@/lib/users/reset-password");
const { isPasswordResetTokenLive, issuePasswordResetToken, PASSWORD_RESET_TTL_SECONDS } = await import("@/lib/users/password-reset-token");

let workers: Worker[] = [];
beforeAll(async () => {
  workers = await startWorkers({ log: () => undefined, backoffMs: 200 });
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await closeQueues();
  closeMailer();
  await smtp.close();
});

const NEW_PASSWORD = "yeni-guclu-sifre-2026";
const origin = { ip: "10.76.0.1", userAgent: "vitest" };
let ipCounter = 0;
/** a client address of its own, so the per-address limits of one test do not spill into another */
const freshIp = () => `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

const mailsTo = (email: string) => smtp.received.filter((m) => m.envelopeTo.includes(email));
const resetJobs = async () => (await getQueue(NOTIFICATIONS_QUEUE).getJobs()).filter((j) => j.name === "password-reset");
const tokenFrom = (text: string | undefined) => /\/sifre-sifirla\/([A-Za-z0-9_-]{43})\b/.exec(text ?? "")?.[1];

/** Asks for a reset and waits for the e-mail; returns the token from its link. */
async function requestAndReceive(email: string): Promise<string> {
  const before = mailsTo(email).length;
  const answer = await requestPasswordReset({ email }, { ip: freshIp() });
  expect(answer).toEqual({ message: PASSWORD_RESET_REQUESTED_MESSAGE });
  await expect.poll(() => mailsTo(email).length, { timeout: 10_000 }).toBe(before + 1);
  const token = tokenFrom(mailsTo(email).at(-1)!.mail.text);
  expect(token).toBeDefined();
  return token!;
}

const logsIn = async (email: string, password: string) => (await authenticateWithPassword({ email, password }, { ip: freshIp() })).ok;

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { code?: string; message?: string; details?: { fieldErrors?: Record<string, string[]> } },
  );
  expect(error, "expected the call to be refused").not.toBeNull();
  return error!;
}

describe("requesting a reset", () => {
  it("answers an unknown e-mail exactly as a known one, and queues and sends nothing for it", async () => {
    const user = await createTestUser();
    const unknown = `kimse-${uniqueSuffix()}@example.com`;
    const jobsBefore = (await resetJobs()).length;

    const forUnknown = await requestPasswordReset({ email: unknown }, { ip: freshIp() });
    const forKnown = await requestPasswordReset({ email: `  ${user.email.toUpperCase()} ` }, { ip: freshIp() });

    expect(forUnknown).toEqual(forKnown);
    expect(forUnknown.message).toBe(PASSWORD_RESET_REQUESTED_MESSAGE);
    await expect.poll(() => mailsTo(user.email).length, { timeout: 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo(unknown)).toHaveLength(0);
    // one job, for the known account; its payload is the user id and nothing else
    const jobs = await resetJobs();
    expect(jobs).toHaveLength(jobsBefore + 1);
    expect(jobs.filter((j) => j.data.userId === user.id).map((j) => j.data)).toEqual([{ userId: user.id }]);
  });

  it("e-mails a Turkish message whose link carries a token kept in Redis only as its hash, for an hour", async () => {
    const user = await createTestUser();
    const token = await requestAndReceive(user.email);
    const { mail } = mailsTo(user.email)[0];
    expect(mail.subject).toBe("Şifre sıfırlama · Tevkil");
    expect(mail.text).toContain(`Sayın ${user.fullName},`);
    expect(mail.text).toContain(`http://localhost:3000/sifre-sifirla/${token}`);
    expect(mail.html).toContain(`href="http://localhost:3000/sifre-sifirla/${token}"`);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);

    const redis = getRedis();
    const hash = createHash("sha256").update(token).digest("base64url");
    expect(await redis.get(redisKey(slotTag("pw-reset"), hash))).toBe(user.id);
    expect(await redis.ttl(redisKey(slotTag("pw-reset"), hash))).toBeGreaterThan(PASSWORD_RESET_TTL_SECONDS - 60);
    expect(await redis.ttl(redisKey(slotTag("pw-reset"), hash))).toBeLessThanOrEqual(PASSWORD_RESET_TTL_SECONDS);
    expect(await redis.exists(redisKey(slotTag("pw-reset"), token))).toBe(0);
    // nothing in the queue holds the token
    const jobs = await resetJobs();
    expect(jobs.some((j) => JSON.stringify(j.data).includes(token) || JSON.stringify(j.returnvalue ?? "").includes(token))).toBe(false);
  });

  it("rejects a malformed e-mail with a Turkish VALIDATION message", async () => {
    const error = await refusal(requestPasswordReset({ email: "avukat-at-example" }, { ip: freshIp() }));
    expect(error.code).toBe("VALIDATION");
    expect(error.details?.fieldErrors?.email).toEqual(["Geçerli bir e-posta adresi girin."]);
  });

  it("limits requests per e-mail (known or not) after the allowance of 3", async () => {
    const user = await createTestUser();
    for (const email of [user.email, `yok-${uniqueSuffix()}@example.com`]) {
      for (let i = 0; i < 3; i++) await requestPasswordReset({ email }, { ip: freshIp() });
      const error = await refusal(requestPasswordReset({ email }, { ip: freshIp() }));
      expect(error.code).toBe("RATE_LIMITED");
      expect(error.message).toMatch(/^Çok fazla deneme yaptınız\. Lütfen \d+ dakika sonra tekrar deneyin\.$/);
    }
    // the refused request queued nothing: three e-mails, not four
    await expect.poll(() => mailsTo(user.email).length, { timeout: 10_000 }).toBe(3);
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo(user.email)).toHaveLength(3);
  });

  it("limits requests from one address after the allowance of 10, whatever the e-mail", async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) await requestPasswordReset({ email: `tarama-${i}-${uniqueSuffix()}@example.com` }, { ip });
    const error = await refusal(requestPasswordReset({ email: `tarama-${uniqueSuffix()}@example.com` }, { ip }));
    expect(error.code).toBe("RATE_LIMITED");
  });
});

describe("resetting the password with the link", () => {
  it("works once: the new password logs in, the old one does not, and every session is ended", async () => {
    const user = await createTestUser();
    const sessionTokens = [await createSession({ userId: user.id }), await createSession({ userId: user.id, userAgent: "telefon" })];
    const token = await requestAndReceive(user.email);
    expect(await isPasswordResetTokenLive(token)).toBe(true);

    await expect(resetPassword({ token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, origin)).resolves.toEqual({ userId: user.id });

    expect(await logsIn(user.email, TEST_PASSWORD)).toBe(false);
    expect(await logsIn(user.email, NEW_PASSWORD)).toBe(true);
    expect(await listSessions(user.id)).toEqual([]);
    for (const sessionToken of sessionTokens) expect(await getSessionByToken(sessionToken)).toBeNull();
    // the owner's security log says so, with how many sessions it ended
    const reset = await db.securityEvent.findFirst({ where: { userId: user.id, type: "PASSWORD_RESET" } });
    expect(reset).toMatchObject({ ip: origin.ip, userAgent: origin.userAgent, detail: { revokedSessions: 2 } });

    // the same link a second time
    expect(await isPasswordResetTokenLive(token)).toBe(false);
    const again = await refusal(resetPassword({ token, password: "baska-bir-sifre-2026", passwordConfirm: "baska-bir-sifre-2026" }, origin));
    expect(again.code).toBe("VALIDATION");
    expect(again.message).toBe(INVALID_RESET_LINK_MESSAGE);
    expect(await logsIn(user.email, NEW_PASSWORD)).toBe(true);
  });

  it("lets only one of two simultaneous submits of the same link through", async () => {
    const user = await createTestUser();
    const token = await requestAndReceive(user.email);
    const results = await Promise.allSettled(
      ["ilk-yeni-sifre-2026", "ikinci-yeni-sifre-2026"].map((password) => resetPassword({ token, password, passwordConfirm: password }, origin)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.message)).toEqual([INVALID_RESET_LINK_MESSAGE]);
  });

  it("voids the earlier link when a newer one is sent", async () => {
    const user = await createTestUser();
    const first = await requestAndReceive(user.email);
    const second = await requestAndReceive(user.email);
    expect(second).not.toBe(first);
    expect(await isPasswordResetTokenLive(first)).toBe(false);
    const error = await refusal(resetPassword({ token: first, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, origin));
    expect(error.message).toBe(INVALID_RESET_LINK_MESSAGE);
    await resetPassword({ token: second, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, origin);
    expect(await logsIn(user.email, NEW_PASSWORD)).toBe(true);
  });

  it("refuses an expired, a forged and a malformed token with the Turkish message, changing nothing", async () => {
    const user = await createTestUser();
    const expired = await issuePasswordResetToken(user.id);
    const hash = createHash("sha256").update(expired).digest("base64url");
    await getRedis().pexpire(redisKey(slotTag("pw-reset"), hash), 1);
    await new Promise((r) => setTimeout(r, 20));

    const forged = Buffer.alloc(32, 7).toString("base64url");
    for (const token of [expired, forged, "abc", "../../etc/passwd", ""]) {
      expect(await isPasswordResetTokenLive(token)).toBe(false);
      const error = await refusal(resetPassword({ token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, origin));
      expect(error.code).toBe("VALIDATION");
      expect(error.message).toBe(INVALID_RESET_LINK_MESSAGE);
    }
    expect(await logsIn(user.email, TEST_PASSWORD)).toBe(true);
  });

  it("refuses a short or mismatched password with VALIDATION, keeping the link, the password and the sessions", async () => {
    const user = await createTestUser();
    const session = await createSession({ userId: user.id });
    const token = await requestAndReceive(user.email);

    // 9 characters: one short of PASSWORD_MIN_LENGTH
    const short = await refusal(resetPassword({ token, password: "kisa-sifr", passwordConfirm: "kisa-sifr" }, origin));
    expect(short.code).toBe("VALIDATION");
    expect(short.details?.fieldErrors?.password).toEqual(["Şifre en az 10 karakter olmalı."]);

    const mismatch = await refusal(resetPassword({ token, password: NEW_PASSWORD, passwordConfirm: `${NEW_PASSWORD}x` }, origin));
    expect(mismatch.code).toBe("VALIDATION");
    expect(mismatch.details?.fieldErrors?.passwordConfirm).toEqual(["Şifreler eşleşmiyor."]);

    const missing = await refusal(resetPassword({ token }, origin));
    expect(missing.code).toBe("VALIDATION");

    expect(await logsIn(user.email, TEST_PASSWORD)).toBe(true);
    expect(await getSessionByToken(session)).not.toBeNull();
    expect(await isPasswordResetTokenLive(token)).toBe(true);
    // and the link still works for a proper password
    await resetPassword({ token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, origin);
    expect(await logsIn(user.email, NEW_PASSWORD)).toBe(true);
    expect(await getSessionByToken(session)).toBeNull();
  });
});

describe("the worker", () => {
  it("sends nothing for a user deleted before the job ran", async () => {
    const user = await createTestUser();
    await db.user.delete({ where: { id: user.id } });
    const { sendPasswordResetEmail } = await import("@/lib/users/password-reset-email");
    expect(await sendPasswordResetEmail(user.id)).toBe("skipped");
    expect(mailsTo(user.email)).toHaveLength(0);
  });
});
