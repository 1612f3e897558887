import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Worker } from "bullmq";
import { startSmtpServer } from "@/test/fake-services";

// this file runs its own workers: its own Redis prefix keeps them off other test files' queued jobs
process.env.REDIS_PREFIX = `${inject("redisPrefix")}:change-email`;

const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;

const { db } = await import("@/lib/db");
const { closeQueues, getQueue, NOTIFICATIONS_QUEUE } = await import("@/lib/queue/queues");
const { closeMailer } = await import("@/lib/notifications/channels/email");
const { startWorkers } = await import("@/workers/start-workers");
const { actorOf, createTestUser, uniqueSuffix, TEST_PASSWORD } = await import("@/test/factories");
const { authenticateWithPassword } = await import("@/lib/users/authenticate-with-password");
const { recordSignIn } = await import("@/lib/security/record-sign-in");
const { EMAIL_IN_USE, requestEmailChange } = await import("@/lib/users/change-email");
const { WRONG_CURRENT_PASSWORD } = await import("@/lib/users/check-current-password");
const { confirmEmailChange, INVALID_EMAIL_CHANGE_LINK_MESSAGE } = await import("@/lib/users/confirm-email-change");

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

const here = { ip: "10.51.0.1", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0.0.0 Safari/537.36" };
const newAddress = () => `yeni-${uniqueSuffix()}@example.com`;
const mailsTo = (email: string) => smtp.received.filter((m) => m.envelopeTo.includes(email));
const tokenFrom = (text: string | undefined) => /\/eposta-degisikligi\/([A-Za-z0-9_-]{43})\b/.exec(text ?? "")?.[1];

/** Waits for the `nth` confirmation e-mail to the address and returns the token of its link. */
async function linkSentTo(email: string, nth = 1): Promise<string> {
  await expect.poll(() => mailsTo(email).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(nth);
  const mail = mailsTo(email)[nth - 1].mail;
  expect(mail.subject).toBe("Yeni e-posta adresinizi onaylayın · Tevkil");
  const token = tokenFrom(mail.text);
  expect(token).toBeDefined();
  return token!;
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as { code?: string; message?: string; details?: { fieldErrors?: Record<string, string[]> } });

describe("changing the e-mail address", () => {
  it("mails a link to the new address and a notice to the old one; the address changes once, on confirmation", async () => {
    const user = await createTestUser();
    const actor = actorOf(user);
    const target = newAddress();

    expect(await requestEmailChange(actor, { newEmail: `  ${target.toUpperCase()} `, currentPassword: TEST_PASSWORD }, here)).toEqual({ pendingEmail: target });
    // nothing changes before the link is confirmed
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, pendingEmail: true } })).toEqual({ email: user.email, pendingEmail: target });

    const token = await linkSentTo(target);
    await expect.poll(() => mailsTo(user.email).length, { timeout: 10_000 }).toBe(1);
    const notice = mailsTo(user.email)[0].mail;
    expect(notice.subject).toBe("E-posta adresinizi değiştirme isteği · Tevkil");
    expect(notice.text).toContain(target);
    expect(notice.text).not.toContain("/eposta-degisikligi/");

    // the queued jobs carry ids only, never an address
    const jobs = (await getQueue(NOTIFICATIONS_QUEUE).getJobs()).filter((j) => j.name.startsWith("email-change") && JSON.stringify(j.data).includes(user.id));
    for (const job of await getQueue(NOTIFICATIONS_QUEUE).getJobs()) expect(JSON.stringify(job.data)).not.toContain(target);
    expect(jobs.map((j) => j.data)).toEqual([{ userId: user.id }]);

    expect(await confirmEmailChange({ token }, here)).toEqual({ userId: user.id, email: target });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, pendingEmail: true } })).toEqual({ email: target, pendingEmail: null });
    expect((await authenticateWithPassword({ email: target, password: TEST_PASSWORD }, { ip: "10.51.1.1" })).ok).toBe(true);
    expect((await authenticateWithPassword({ email: user.email, password: TEST_PASSWORD }, { ip: "10.51.1.2" })).ok).toBe(false);

    // the link works once
    expect(await refusal(confirmEmailChange({ token }, here))).toMatchObject({ code: "VALIDATION", message: INVALID_EMAIL_CHANGE_LINK_MESSAGE });

    const events = await db.securityEvent.findMany({ where: { userId: user.id, type: { in: ["EMAIL_CHANGE_REQUESTED", "EMAIL_CHANGED"] } }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.type, e.detail])).toEqual([
      ["EMAIL_CHANGE_REQUESTED", { from: user.email, to: target }],
      ["EMAIL_CHANGED", { from: user.email, to: target }],
    ]);
  });

  it("refuses an address a confirmed account uses, and a wrong current password, sending nothing", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const taken = await refusal(requestEmailChange(actorOf(user), { newEmail: other.email, currentPassword: TEST_PASSWORD }, here));
    expect(taken).toMatchObject({ code: "VALIDATION", details: { fieldErrors: { newEmail: [EMAIL_IN_USE] } } });
    const same = await refusal(requestEmailChange(actorOf(user), { newEmail: user.email, currentPassword: TEST_PASSWORD }, here));
    expect(same).toMatchObject({ code: "VALIDATION", details: { fieldErrors: { newEmail: ["Bu adres zaten hesabınızın e-posta adresi."] } } });
    const target = newAddress();
    const wrong = await refusal(requestEmailChange(actorOf(user), { newEmail: target, currentPassword: "yanlis-sifre-2026" }, here));
    expect(wrong).toMatchObject({ code: "VALIDATION", details: { fieldErrors: { currentPassword: [WRONG_CURRENT_PASSWORD] } } });

    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo(other.email)).toHaveLength(0);
    expect(mailsTo(target)).toHaveLength(0);
    expect(mailsTo(user.email)).toHaveLength(0);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { pendingEmail: true } })).toEqual({ pendingEmail: null });
  });

  it("refuses at confirmation an address a confirmed account took meanwhile, and replaces an unconfirmed one", async () => {
    const user = await createTestUser();
    const target = newAddress();
    await requestEmailChange(actorOf(user), { newEmail: target, currentPassword: TEST_PASSWORD }, here);
    const token = await linkSentTo(target);
    const squatter = await createTestUser({ email: target });
    const taken = await refusal(confirmEmailChange({ token }, here));
    expect(taken).toMatchObject({ code: "CONFLICT", message: EMAIL_IN_USE });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } })).toEqual({ email: user.email });

    // an account that never proved the address does not keep its owner from moving to it
    await db.user.update({ where: { id: squatter.id }, data: { emailConfirmedAt: null } });
    await requestEmailChange(actorOf(user), { newEmail: target, currentPassword: TEST_PASSWORD }, here);
    const second = await linkSentTo(target, 2);
    expect(await confirmEmailChange({ token: second }, here)).toEqual({ userId: user.id, email: target });
    expect(await db.user.count({ where: { id: squatter.id } })).toBe(0);
  });

  it("voids the link of an earlier request, so it never confirms the later address", async () => {
    const user = await createTestUser();
    const first = newAddress();
    const second = newAddress();
    await requestEmailChange(actorOf(user), { newEmail: first, currentPassword: TEST_PASSWORD }, here);
    const firstToken = await linkSentTo(first);
    await requestEmailChange(actorOf(user), { newEmail: second, currentPassword: TEST_PASSWORD }, here);
    expect(await refusal(confirmEmailChange({ token: firstToken }, here))).toMatchObject({ message: INVALID_EMAIL_CHANGE_LINK_MESSAGE });
    expect(await confirmEmailChange({ token: await linkSentTo(second) }, here)).toEqual({ userId: user.id, email: second });
  });
});

describe("the new-device notice", () => {
  it("e-mails the owner when the account signs in from a device it has not used", async () => {
    const user = await createTestUser();
    const laptop = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
    const phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
    await recordSignIn(user.id, { ip: "10.52.0.1", userAgent: laptop });
    await recordSignIn(user.id, { ip: "10.52.0.1", userAgent: laptop });
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo(user.email)).toHaveLength(0);

    await recordSignIn(user.id, { ip: "10.52.0.9", userAgent: phone });
    await expect.poll(() => mailsTo(user.email).length, { timeout: 10_000 }).toBe(1);
    const mail = mailsTo(user.email)[0].mail;
    expect(mail.subject).toBe("Yeni bir cihazdan giriş yapıldı · Tevkil");
    expect(mail.text).toContain("10.52.0.9");
    expect(mail.text).toContain("Safari 18 · iOS 18.0 · telefon");
    expect(mail.text).toContain("/ayarlar/guvenlik");
  });
});
