import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { redisKey } from "@/lib/redis";
import { authenticateWithPassword, SLOWDOWN_MS } from "@/lib/users/authenticate-with-password";
import { createTestUser, TEST_PASSWORD, uniqueSuffix } from "@/test/factories";
import { deleteKeys, scanKeys } from "@/test/redis-keys";

// a fresh address per attempt, so the per-IP allowance (shared by every test file) never interferes
const newIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

describe("authenticateWithPassword", () => {
  it("logs in with the right password, whatever the case of the e-mail", async () => {
    const user = await createTestUser();
    const result = await authenticateWithPassword({ email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD }, { ip: newIp() });
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, fullName: user.fullName } });
  });

  it("answers the same 'invalid' for a wrong password and for an unknown e-mail", async () => {
    const user = await createTestUser();
    expect(await authenticateWithPassword({ email: user.email, password: "yanlis-sifre-123" }, { ip: newIp() })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(
      await authenticateWithPassword({ email: `kimse-${uniqueSuffix()}@example.com`, password: TEST_PASSWORD }, { ip: newIp() }),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateWithPassword({ email: user.email, password: "" }, { ip: newIp() })).toEqual({ ok: false, reason: "invalid" });
  });

  it("stops an address that keeps guessing one account, but not the owner elsewhere", async () => {
    const target = await createTestUser();
    const attacker = newIp();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const result = await authenticateWithPassword({ email: target.email, password: `tahmin-${attempt}-abcdef` }, { ip: attacker });
      expect(result, `attempt ${attempt}`).toEqual({ ok: false, reason: "invalid" });
    }
    const stopped = await authenticateWithPassword({ email: target.email.toUpperCase(), password: TEST_PASSWORD }, { ip: attacker });
    expect(stopped).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(stopped.ok === false && stopped.reason === "rate_limited" && stopped.retryAfterSeconds).toBeGreaterThan(0);
    expect(await authenticateWithPassword({ email: target.email, password: TEST_PASSWORD }, { ip: newIp() })).toMatchObject({ ok: true, user: { id: target.id } });
  });

  it("never locks the owner out when guesses come from many addresses: strangers are slowed down, the owner's known address is not", async () => {
    const target = await createTestUser();
    const ownerAddress = newIp();
    expect(await authenticateWithPassword({ email: target.email, password: TEST_PASSWORD }, { ip: ownerAddress })).toMatchObject({ ok: true });
    // 12 guesses from 12 addresses: the account-wide allowance (10) is used up
    for (let attempt = 1; attempt <= 12; attempt++) {
      const result = await authenticateWithPassword({ email: target.email, password: `tahmin-${attempt}-abcdef` }, { ip: newIp() });
      expect(result.ok, `guess ${attempt}`).toBe(false);
    }
    // a stranger's next attempt waits; the owner, from the address they logged in from, gets in at once
    let started = Date.now();
    expect(await authenticateWithPassword({ email: target.email, password: "bir-tahmin-daha-1" }, { ip: newIp() })).toEqual({ ok: false, reason: "invalid" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(SLOWDOWN_MS);
    started = Date.now();
    expect(await authenticateWithPassword({ email: target.email, password: TEST_PASSWORD }, { ip: ownerAddress })).toMatchObject({ ok: true, user: { id: target.id } });
    expect(Date.now() - started).toBeLessThan(SLOWDOWN_MS);
    // from a new address the owner is slowed down too, but let in
    started = Date.now();
    expect(await authenticateWithPassword({ email: target.email, password: TEST_PASSWORD }, { ip: newIp() })).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(SLOWDOWN_MS);
  }, 30_000);

  it("keeps no block in the process: a limit deleted in Redis is lifted at once", async () => {
    const target = await createTestUser();
    const attacker = newIp();
    for (let attempt = 1; attempt <= 6; attempt++) await authenticateWithPassword({ email: target.email, password: `tahmin-${attempt}-abcdef` }, { ip: attacker });
    expect(await authenticateWithPassword({ email: target.email, password: TEST_PASSWORD }, { ip: attacker })).toMatchObject({ reason: "rate_limited" });
    const keys = await scanKeys(redisKey("rl", "loginFailuresByAccountAndIp", "*"));
    await deleteKeys(keys.filter((k) => k.includes(target.email)));
    expect(await authenticateWithPassword({ email: target.email, password: TEST_PASSWORD }, { ip: attacker })).toMatchObject({ ok: true });
  });

  it("does not count successful logins as failures", async () => {
    const user = await createTestUser();
    for (let i = 0; i < 7; i++) {
      expect(await authenticateWithPassword({ email: user.email, password: TEST_PASSWORD }, { ip: newIp() })).toMatchObject({ ok: true });
    }
  });
});
