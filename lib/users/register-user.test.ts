import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { randomInt } from "node:crypto";
import { getQueue, NOTIFICATIONS_QUEUE } from "@/lib/queue/queues";
import { BAR_NUMBER_TAKEN, registerUser } from "@/lib/users/register-user";
import { randomBarNumber, uniqueSuffix } from "@/test/factories";

const newIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

// What the registration form posts (FormData values are strings).
function validInput(overrides: Record<string, unknown> = {}) {
  const suffix = uniqueSuffix();
  return {
    fullName: "Av. Ayşe Yılmaz",
    email: `Kayit-${suffix}@Example.COM`,
    password: "cok-gizli-sifre-1",
    provinceId: "6",
    barName: "Ankara Barosu",
    barNumber: randomBarNumber(),
    title: "AVUKAT",
    kvkkConsent: "on",
    ...overrides,
  };
}

/** Runs a promise expected to fail with AppError VALIDATION and returns the error. */
async function validationFailure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected registration to fail");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("VALIDATION");
  return error as AppError;
}

const usersWithEmail = (email: string) => db.user.count({ where: { email: email.toLowerCase() } });

describe("registerUser", () => {
  it("creates an unverified lawyer with an argon2id hash, lowercased e-mail and KVKK consent time", async () => {
    const input = validInput();
    const before = Date.now();
    const created = await registerUser(input, { ip: newIp() });
    expect(created.email).toBe(input.email.toLowerCase());

    const user = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(user).toMatchObject({
      email: input.email.toLowerCase(),
      fullName: "Av. Ayşe Yılmaz",
      provinceId: 6,
      barName: "Ankara Barosu",
      barNumber: input.barNumber,
      title: "AVUKAT",
      role: "LAWYER",
      verification: "PENDING",
      verifiedAt: null,
    });
    expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(user.passwordHash).not.toContain(input.password);
    expect(user.kvkkConsentAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(user.kvkkConsentAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it.each([
    ["password", { password: "kisa-123" }, /Şifre en az 10 karakter/],
    ["kvkkConsent", { kvkkConsent: undefined }, /KVKK aydınlatma metnini onaylamanız gerekiyor/],
    ["kvkkConsent", { kvkkConsent: "off" }, /KVKK aydınlatma metnini onaylamanız gerekiyor/],
    ["barName", { barName: "Atlantis Barosu" }, /Listeden bir baro seçin/],
    ["barName", { barName: undefined }, /^Listeden bir baro seçin\.$/],
    ["password", { password: "aaaaaaaaaa" }, /çok kolay tahmin edilir/],
    ["password", { password: "1212121212" }, /çok kolay tahmin edilir/],
    ["barNumber", { barNumber: "12A45" }, /yalnızca rakamlardan/],
    ["email", { email: "avukat-at-example.com" }, /Geçerli bir e-posta adresi girin/],
  ])("rejects a bad %s with a Turkish message on that field and creates nothing (%o)", async (field, overrides, message) => {
    const input = validInput(overrides);
    const error = await validationFailure(registerUser(input, { ip: newIp() }));
    expect(error.message).toBe("Lütfen işaretli alanları düzeltin.");
    expect(Object.keys(error.details.fieldErrors ?? {})).toEqual([field]);
    expect(error.details.fieldErrors![field].join(" ")).toMatch(message);
    if (typeof input.email === "string") expect(await usersWithEmail(input.email)).toBe(0);
    expect(await db.user.count({ where: { barName: input.barName as string, barNumber: input.barNumber } })).toBe(0);
  });

  it("counts only valid forms against the address's limit: ten attempts with mistakes, then the registration goes through", async () => {
    const ip = newIp();
    for (let i = 0; i < 10; i++) await validationFailure(registerUser(validInput({ password: "kisa" }), { ip }));
    await expect(registerUser(validInput(), { ip })).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("refuses an e-mail whose owner confirmed it, whatever its case", async () => {
    const first = validInput();
    const { id } = await registerUser(first, { ip: newIp() });
    await db.user.update({ where: { id }, data: { emailConfirmedAt: new Date() } });
    const again = validInput({ email: first.email.toUpperCase() });
    const error = await validationFailure(registerUser(again, { ip: newIp() }));
    expect(error.details.fieldErrors).toEqual({ email: ["Bu e-posta adresiyle kayıtlı bir hesap var."] });
    expect(await usersWithEmail(first.email)).toBe(1);
    expect(await db.user.count({ where: { barNumber: again.barNumber, barName: again.barName } })).toBe(0);
  });

  it("lets the owner of an address register when a sign-up nobody confirmed holds it: that account is replaced", async () => {
    const squatter = validInput();
    const { id: squatterId } = await registerUser(squatter, { ip: newIp() });
    const owner = validInput({ email: squatter.email, fullName: "Av. Gerçek Sahibi" });
    const { id: ownerId } = await registerUser(owner, { ip: newIp() });
    expect(ownerId).not.toBe(squatterId);
    expect(await db.user.findUnique({ where: { id: squatterId } })).toBeNull();
    expect(await db.user.findUniqueOrThrow({ where: { id: ownerId } })).toMatchObject({ fullName: "Av. Gerçek Sahibi", barNumber: owner.barNumber, emailConfirmedAt: null });
  });

  it("queues the confirmation e-mail of the new account and leaves it unconfirmed", async () => {
    const { id } = await registerUser(validInput(), { ip: newIp() });
    expect((await db.user.findUniqueOrThrow({ where: { id } })).emailConfirmedAt).toBeNull();
    const jobs = await getQueue(NOTIFICATIONS_QUEUE).getJobs(["waiting", "active", "completed", "failed", "delayed", "prioritized"]);
    expect(jobs.filter((job) => job.name === "email-confirmation" && job.data.userId === id)).toHaveLength(1);
  });

  it("refuses a bar registration number a verified lawyer of that bar holds; an unverified claim blocks nobody", async () => {
    const first = validInput();
    const { id: firstId } = await registerUser(first, { ip: newIp() });

    // the first claim is not verified: a second lawyer with the same number registers, and both wait for the admin
    const second = validInput({ barNumber: first.barNumber });
    await expect(registerUser(second, { ip: newIp() })).resolves.toMatchObject({ email: second.email.toLowerCase() });
    expect(await db.user.count({ where: { barName: first.barName, barNumber: first.barNumber } })).toBe(2);

    await db.user.update({ where: { id: firstId }, data: { verification: "VERIFIED" } });
    const third = validInput({ barNumber: first.barNumber });
    const error = await validationFailure(registerUser(third, { ip: newIp() }));
    expect(error.details.fieldErrors).toEqual({ barNumber: [BAR_NUMBER_TAKEN] });
    expect(await usersWithEmail(third.email)).toBe(0);

    const otherBar = validInput({ barNumber: first.barNumber, barName: "İzmir Barosu" });
    await expect(registerUser(otherBar, { ip: newIp() })).resolves.toMatchObject({ email: otherBar.email.toLowerCase() });
  });

  it("stores one account when the same e-mail registers twice at once", async () => {
    const email = `yaris-${uniqueSuffix()}@example.com`;
    const results = await Promise.allSettled([registerUser(validInput({ email }), { ip: newIp() }), registerUser(validInput({ email }), { ip: newIp() })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [rejected] = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.reason).toBeInstanceOf(AppError);
    expect((rejected.reason as AppError).code).toBe("VALIDATION");
    expect(Object.keys((rejected.reason as AppError).details.fieldErrors ?? {})).toEqual(["email"]);
    expect(await usersWithEmail(email)).toBe(1);
  });
});
