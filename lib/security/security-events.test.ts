import { describe, expect, inject, it, vi } from "vitest";

// a Redis prefix of this file's own: no worker of another test file picks up (and sends) the notices queued here
process.env.REDIS_PREFIX = `${inject("redisPrefix")}:security-events`;

const { db } = await import("@/lib/db");
const { getQueue, NOTIFICATIONS_QUEUE } = await import("@/lib/queue/queues");
const { authenticateWithPassword } = await import("@/lib/users/authenticate-with-password");
const { deleteExpiredSecurityEvents } = await import("@/lib/security/delete-expired-security-events");
const { listSecurityEvents } = await import("@/lib/security/list-security-events");
const { recordSignIn } = await import("@/lib/security/record-sign-in");
const { actorOf, createTestUser, uniqueSuffix, TEST_PASSWORD } = await import("@/test/factories");

const LAPTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const LAPTOP_UPDATED = LAPTOP.replace("Chrome/140.0.0.0", "Chrome/141.0.0.0");
const PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36";
let ipCounter = 0;
const freshIp = () => `10.41.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

const typesOf = async (userId: string) =>
  (await db.securityEvent.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { type: true } })).map((e) => e.type);
const noticeJobFor = (eventId: string) => getQueue(NOTIFICATIONS_QUEUE).getJob(`new-device-${eventId}`);

describe("sign-ins in the security log", () => {
  it("records a wrong password for the account, and a sign-in with device and address", async () => {
    const user = await createTestUser();
    const ip = freshIp();
    expect((await authenticateWithPassword({ email: user.email, password: "yanlis-sifre-2026" }, { ip, userAgent: LAPTOP })).ok).toBe(false);
    // the right password alone opens no session yet (a second step may follow): lib/auth/auth.ts logs the sign-in
    expect((await authenticateWithPassword({ email: user.email, password: TEST_PASSWORD }, { ip, userAgent: LAPTOP })).ok).toBe(true);
    expect(await typesOf(user.id)).toEqual(["LOGIN_FAILED"]);
    await recordSignIn(user.id, { ip, userAgent: LAPTOP });

    const events = await db.securityEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => ({ type: e.type, ip: e.ip, userAgent: e.userAgent }))).toEqual([
      { type: "LOGIN_FAILED", ip, userAgent: LAPTOP },
      { type: "LOGIN_SUCCEEDED", ip, userAgent: LAPTOP },
    ]);
  });

  it("writes nothing for an e-mail that has no account", async () => {
    const before = await db.securityEvent.count();
    await authenticateWithPassword({ email: `kimse-${uniqueSuffix()}@example.com`, password: "yanlis-sifre-2026" }, { ip: freshIp(), userAgent: LAPTOP });
    expect(await db.securityEvent.count()).toBe(before);
  });

  it("marks a sign-in from a new device or a new address, and queues a notice that carries only the event id", async () => {
    const user = await createTestUser();
    const office = freshIp();
    const login = (ip: string, userAgent: string) => recordSignIn(user.id, { ip, userAgent });

    await login(office, LAPTOP); // the first sign-in has nothing to compare with
    await login(office, LAPTOP_UPDATED); // a browser update is the same device
    await login(office, PHONE); // another device at the office
    await login(freshIp(), LAPTOP); // the laptop somewhere else
    await login(office, PHONE); // the phone again: known by now

    expect(await typesOf(user.id)).toEqual(["LOGIN_SUCCEEDED", "LOGIN_SUCCEEDED", "LOGIN_NEW_DEVICE", "LOGIN_NEW_DEVICE", "LOGIN_SUCCEEDED"]);
    const flagged = await db.securityEvent.findMany({ where: { userId: user.id, type: "LOGIN_NEW_DEVICE" }, select: { id: true } });
    for (const { id } of flagged) {
      const job = await noticeJobFor(id);
      expect(job?.name).toBe("new-device-notice");
      expect(job?.data).toEqual({ securityEventId: id });
    }
    const [first] = await db.securityEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" }, take: 1, select: { id: true } });
    expect(await noticeJobFor(first.id)).toBeUndefined();
  });

  it("never fails the sign-in when the log cannot be written", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await expect(recordSignIn("no-such-user", { ip: freshIp(), userAgent: LAPTOP })).resolves.toBeUndefined();
      expect(logged).toHaveBeenCalledWith(expect.stringContaining("LOGIN_SUCCEEDED for no-such-user not recorded"), expect.anything());
    } finally {
      logged.mockRestore();
    }
  });
});

describe("the lawyer's security log page", () => {
  it("lists only the lawyer's own events, newest first, with labels and devices, paging by cursor", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const base = Date.now() - 60 * 60_000;
    await db.securityEvent.createMany({
      data: Array.from({ length: 35 }, (_, i) => ({ userId: user.id, type: "LOGIN_SUCCEEDED" as const, ip: `10.42.0.${i}`, userAgent: PHONE, createdAt: new Date(base + i * 1000) })),
    });
    await db.securityEvent.create({ data: { userId: other.id, type: "LOGIN_FAILED", ip: "10.42.1.1", userAgent: LAPTOP } });

    const first = await listSecurityEvents(actorOf(user));
    expect(first.items).toHaveLength(30);
    expect(first.items[0]).toMatchObject({ label: "Giriş yapıldı", ip: "10.42.0.34", device: "Chrome 140 · Android 14 · telefon" });
    const second = await listSecurityEvents(actorOf(user), { cursor: first.nextCursor });
    expect(second.items.map((e) => e.ip)).toEqual(["10.42.0.4", "10.42.0.3", "10.42.0.2", "10.42.0.1", "10.42.0.0"]);
    expect(second.nextCursor).toBeNull();

    // someone else's event id as the cursor pages nothing of theirs and starts from the top
    const foreign = await db.securityEvent.findFirstOrThrow({ where: { userId: other.id }, select: { id: true } });
    expect((await listSecurityEvents(actorOf(user), { cursor: foreign.id })).items[0].ip).toBe("10.42.0.34");
    expect((await listSecurityEvents(actorOf(await createTestUser()))).items).toEqual([]);
  });
});

describe("retention", () => {
  it("deletes events older than 12 months and keeps the rest", async () => {
    const user = await createTestUser();
    const now = new Date("2027-06-15T12:00:00Z");
    const at = (iso: string) => ({ userId: user.id, type: "LOGIN_SUCCEEDED" as const, ip: iso, userAgent: LAPTOP, createdAt: new Date(iso) });
    await db.securityEvent.createMany({
      data: [at("2026-06-15T11:59:59Z"), at("2026-01-01T00:00:00Z"), at("2026-06-15T12:00:00Z"), at("2027-01-10T08:00:00Z")],
    });
    expect(await deleteExpiredSecurityEvents(now)).toBeGreaterThanOrEqual(2);
    const left = await db.securityEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" }, select: { ip: true } });
    expect(left.map((e) => e.ip)).toEqual(["2026-06-15T12:00:00Z", "2027-01-10T08:00:00Z"]);
  });
});
