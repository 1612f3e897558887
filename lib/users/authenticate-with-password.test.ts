import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authenticateWithPassword } from "@/lib/users/authenticate-with-password";
import { createTestUser, TEST_PASSWORD, uniqueSuffix } from "@/test/factories";

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

  it("locks an e-mail after 5 failures spread over 5 addresses, even for the right password, and only that e-mail", async () => {
    const target = await createTestUser();
    const bystander = await createTestUser();

    for (let attempt = 1; attempt <= 5; attempt++) {
      const result = await authenticateWithPassword({ email: target.email, password: `tahmin-${attempt}-abcdef` }, { ip: newIp() });
      expect(result, `attempt ${attempt}`).toEqual({ ok: false, reason: "invalid" });
    }

    const locked = await authenticateWithPassword({ email: target.email, password: TEST_PASSWORD }, { ip: newIp() });
    expect(locked).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(locked.ok === false && locked.reason === "rate_limited" && locked.retryAfterSeconds).toBeGreaterThan(0);
    // the same e-mail in upper case is the same account, so it is locked too
    expect(await authenticateWithPassword({ email: target.email.toUpperCase(), password: TEST_PASSWORD }, { ip: newIp() })).toMatchObject({
      reason: "rate_limited",
    });

    expect(await authenticateWithPassword({ email: bystander.email, password: TEST_PASSWORD }, { ip: newIp() })).toMatchObject({
      ok: true,
      user: { id: bystander.id },
    });
  });

  it("does not count successful logins as failures", async () => {
    const user = await createTestUser();
    for (let i = 0; i < 7; i++) {
      expect(await authenticateWithPassword({ email: user.email, password: TEST_PASSWORD }, { ip: newIp() })).toMatchObject({ ok: true });
    }
  });
});
