import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkSecondFactor } from "@/lib/two-factor/check-second-factor";
import { confirmTwoFactorEnrolment, disableTwoFactor, getTwoFactorState, startTwoFactorEnrolment } from "@/lib/two-factor/manage-two-factor";
import { consumeRecoveryCode, hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from "@/lib/two-factor/recovery-codes";
import { open, seal } from "@/lib/two-factor/secret-box";
import { actorOf, createTestUser } from "@/test/factories";

const codeFor = (secretBase32: string, offsetSteps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secretBase32) }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });
const context = { ip: "203.0.113.7", userAgent: "vitest" };
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a failure"); }, (e: AppError) => e);

/** A lawyer who turned two-step login on through the use cases, with the secret their app holds. */
async function enrolledLawyer() {
  const user = await createTestUser();
  const actor = actorOf(user);
  const { manualKey } = await startTwoFactorEnrolment(actor);
  const secret = manualKey.replace(/\s/g, "");
  const { recoveryCodes } = await confirmTwoFactorEnrolment(actor, { code: codeFor(secret) }, context);
  return { user, actor, secret, recoveryCodes };
}

describe("recovery codes", () => {
  it("are ten distinct codes, stored only as keyed hashes, read whatever the case, spaces or dash", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const [code] = codes;
    expect(normaliseRecoveryCode(code.toUpperCase().replace("-", " "))).toBe(code);
    expect(normaliseRecoveryCode("abc")).toBeNull();
    expect(normaliseRecoveryCode("abcde-fghi1")).toBeNull(); // 1 is not in the alphabet
    expect(hashRecoveryCode(code)).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(code)).not.toContain(code);
    expect(hashRecoveryCode(code)).not.toBe(hashRecoveryCode(codes[1]));
  });

  it("each works once, even when submitted twice at once", async () => {
    const { user, recoveryCodes } = await enrolledLawyer();
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.codeHash)).not.toContain(recoveryCodes[0]);
    const results = await Promise.all([consumeRecoveryCode(user.id, recoveryCodes[0]), consumeRecoveryCode(user.id, recoveryCodes[0])]);
    expect(results.sort()).toEqual([false, true]);
    expect(await consumeRecoveryCode(user.id, recoveryCodes[0])).toBe(false);
    const other = await createTestUser();
    expect(await consumeRecoveryCode(other.id, recoveryCodes[1])).toBe(false); // another account's code
    expect((await getTwoFactorState(actorOf(user))).recoveryCodesLeft).toBe(9);
  });
});

describe("second-factor codes", () => {
  it("accept the app's current code once: the same code again is refused", async () => {
    const { user, secret } = await enrolledLawyer();
    const code = codeFor(secret, 1); // the enrolment used the current step
    await expect(checkSecondFactor(user.id, code)).resolves.toEqual({ usedRecoveryCode: false });
    expect((await failure(checkSecondFactor(user.id, code))).code).toBe("VALIDATION");
  });

  it("are throttled per account: after ten tries even the right code waits", async () => {
    const { user, secret, recoveryCodes } = await enrolledLawyer();
    // the enrolment's code was the first try
    for (let i = 0; i < 8; i++) expect((await failure(checkSecondFactor(user.id, "000000"))).code).toBe("VALIDATION");
    const limited = await failure(checkSecondFactor(user.id, codeFor(secret, -1)).then(() => checkSecondFactor(user.id, recoveryCodes[0])));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.message).toMatch(/tekrar deneyin/);
    // the throttled attempt did not use the recovery code up
    expect((await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } }))).toBe(10);
  });

  it("keep the secret sealed at rest; disabling takes a valid code and removes secret and codes", async () => {
    const { user, actor, secret } = await enrolledLawyer();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true } });
    expect(row.totpSecret).not.toContain(secret);
    expect(open(row.totpSecret!)).toBe(secret);
    const [version, iv, tag, sealed] = seal("gizli").split(".");
    const flipped = Buffer.from(sealed, "base64url").map((b) => b ^ 1);
    expect(open([version, iv, tag, Buffer.from(flipped).toString("base64url")].join("."))).toBeNull(); // tampered
    expect((await failure(disableTwoFactor(actor, { code: "123456" }, context))).code).toBe("VALIDATION");
    await disableTwoFactor(actor, { code: codeFor(secret, 1) }, context);
    const events = await db.securityEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" }, select: { type: true } });
    expect(events.map((e) => e.type)).toEqual(["TWO_FACTOR_ENABLED", "TWO_FACTOR_DISABLED"]);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } })).toEqual({ totpSecret: null, totpEnabledAt: null });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });

  it("turn on only with a code from the shown secret; administrators cannot turn it off", async () => {
    const actor = actorOf(await createTestUser());
    await startTwoFactorEnrolment(actor);
    expect((await failure(confirmTwoFactorEnrolment(actor, { code: "000000" }, context))).code).toBe("VALIDATION");
    expect((await getTwoFactorState(actor)).enabled).toBe(false);
    const admin = actorOf(await createTestUser({ role: "ADMIN" }));
    expect((await failure(disableTwoFactor(admin, { code: "000000" }, context))).code).toBe("FORBIDDEN");
  });
});
