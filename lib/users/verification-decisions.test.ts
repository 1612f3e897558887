import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError, type ErrorCode } from "@/lib/errors";
import { decideVerification, listPendingLawyers } from "@/lib/users/verification-decisions";
import { actorOf, createTestUser } from "@/test/factories";

async function failsWith(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

const verificationOf = (id: string) =>
  db.user.findUniqueOrThrow({ where: { id }, select: { verification: true, verifiedAt: true, verificationNote: true } });

const newAdmin = async () => actorOf(await createTestUser({ role: "ADMIN" }));

describe("verification decisions", () => {
  it("are for admins only: a lawyer is FORBIDDEN and nothing changes", async () => {
    const lawyer = actorOf(await createTestUser());
    const pending = await createTestUser({ verification: "PENDING" });

    const listError = await failsWith(listPendingLawyers(lawyer), "FORBIDDEN");
    expect(listError.message).toBe("Bu sayfa yalnızca yöneticilere açıktır.");
    await failsWith(decideVerification(lawyer, { userId: pending.id, decision: "VERIFY" }), "FORBIDDEN");
    await failsWith(decideVerification(lawyer, { userId: pending.id, decision: "REJECT", reason: "Sicil kaydı bulunamadı" }), "FORBIDDEN");
    // a lawyer cannot verify themselves either
    const self = await createTestUser({ verification: "PENDING" });
    await failsWith(decideVerification(actorOf(self), { userId: self.id, decision: "VERIFY" }), "FORBIDDEN");

    expect(await verificationOf(pending.id)).toEqual({ verification: "PENDING", verifiedAt: null, verificationNote: null });
    expect((await verificationOf(self.id)).verification).toBe("PENDING");
  });

  it("verifies a pending lawyer, stamping verifiedAt, and takes them off the pending list", async () => {
    const admin = await newAdmin();
    const pending = await createTestUser({ verification: "PENDING" });
    const before = Date.now();

    expect(await decideVerification(admin, { userId: pending.id, decision: "VERIFY" })).toEqual({ userId: pending.id, verification: "VERIFIED" });
    const after = await verificationOf(pending.id);
    expect(after.verification).toBe("VERIFIED");
    expect(after.verificationNote).toBeNull();
    expect(after.verifiedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await allPendingIds(admin)).not.toContain(pending.id);
  });

  it("rejects only with a reason of at least 5 characters, and keeps the reason", async () => {
    const admin = await newAdmin();
    const pending = await createTestUser({ verification: "PENDING" });

    for (const reason of [undefined, "", "   kısa  "]) {
      const error = await failsWith(decideVerification(admin, { userId: pending.id, decision: "REJECT", reason }), "VALIDATION");
      expect(Object.keys(error.details.fieldErrors ?? {})).toEqual(["reason"]);
    }
    const short = await failsWith(decideVerification(admin, { userId: pending.id, decision: "REJECT", reason: "yok" }), "VALIDATION");
    expect(short.details.fieldErrors).toEqual({ reason: ["Ret gerekçesi en az 5 karakter olmalı."] });
    await failsWith(decideVerification(admin, { userId: pending.id, decision: "MAYBE" }), "VALIDATION");
    expect((await verificationOf(pending.id)).verification).toBe("PENDING");

    expect(
      await decideVerification(admin, { userId: pending.id, decision: "REJECT", reason: "  Baro sicil numarası doğrulanamadı.  " }),
    ).toEqual({ userId: pending.id, verification: "REJECTED" });
    expect(await verificationOf(pending.id)).toEqual({
      verification: "REJECTED",
      verifiedAt: null,
      verificationNote: "Baro sicil numarası doğrulanamadı.",
    });
  });

  it("tells the lawyer in-app: verified, or rejected with the reason", async () => {
    const admin = await newAdmin();
    const accepted = await createTestUser({ verification: "PENDING" });
    const refused = await createTestUser({ verification: "PENDING" });
    await decideVerification(admin, { userId: accepted.id, decision: "VERIFY" });
    await decideVerification(admin, { userId: refused.id, decision: "REJECT", reason: "Sicil numarası baro kaydıyla eşleşmiyor." });
    const [forAccepted] = await db.notification.findMany({ where: { userId: accepted.id } });
    const [forRefused] = await db.notification.findMany({ where: { userId: refused.id } });
    expect(forAccepted).toMatchObject({ type: "ACCOUNT_VERIFIED", title: "Hesabınız doğrulandı" });
    expect(forRefused).toMatchObject({ type: "ACCOUNT_REJECTED", body: "Gerekçe: Sicil numarası baro kaydıyla eşleşmiyor." });
  });

  it("refuses a second decision with CONFLICT and keeps the first", async () => {
    const admin = await newAdmin();
    const otherAdmin = await newAdmin();
    const pending = await createTestUser({ verification: "PENDING" });
    await decideVerification(admin, { userId: pending.id, decision: "VERIFY" });
    const first = await verificationOf(pending.id);

    await failsWith(decideVerification(otherAdmin, { userId: pending.id, decision: "REJECT", reason: "Sahte belge gönderildi" }), "CONFLICT");
    await failsWith(decideVerification(admin, { userId: pending.id, decision: "VERIFY" }), "CONFLICT");
    expect(await verificationOf(pending.id)).toEqual(first);
    await failsWith(decideVerification(admin, { userId: "no-such-user", decision: "VERIFY" }), "CONFLICT");
  });

  it("lets exactly one of two admins deciding at once win", async () => {
    const pending = await createTestUser({ verification: "PENDING" });
    const results = await Promise.allSettled([
      decideVerification(await newAdmin(), { userId: pending.id, decision: "VERIFY" }),
      decideVerification(await newAdmin(), { userId: pending.id, decision: "REJECT", reason: "Eksik belge var" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [lost] = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect((lost.reason as AppError).code).toBe("CONFLICT");
  });

  it("pages through every pending lawyer exactly once, oldest first, with the fields an admin needs", async () => {
    const admin = await newAdmin();
    const mine: string[] = [];
    for (let i = 0; i < 23; i++) mine.push((await createTestUser({ verification: "PENDING" })).id);
    const verified = await createTestUser();

    const pages = await allPendingPages(admin);
    const seen = pages.flatMap((p) => p.items);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages.slice(0, -1)) expect(page.items).toHaveLength(20);

    const ids = seen.map((u) => u.id);
    for (const id of mine) expect(ids.filter((x) => x === id), id).toHaveLength(1);
    expect(ids).not.toContain(verified.id);
    expect(new Set(ids).size).toBe(ids.length);
    // mine were created one after another, so they come back in creation order
    expect(ids.filter((id) => mine.includes(id))).toEqual(mine);
    for (let i = 1; i < seen.length; i++) expect(seen[i].createdAt.getTime()).toBeGreaterThanOrEqual(seen[i - 1].createdAt.getTime());

    const one = seen.find((u) => u.id === mine[0])!;
    expect(one).toMatchObject({ title: "AVUKAT", barName: "İstanbul Barosu", provinceName: "İstanbul" });
    expect(one.email).toMatch(/@example\.com$/);
  });

  it("cannot verify a lawyer whose e-mail is not confirmed, and says why; rejecting still works", async () => {
    const admin = await newAdmin();
    const unconfirmed = await createTestUser({ verification: "PENDING" });
    await db.user.update({ where: { id: unconfirmed.id }, data: { emailConfirmedAt: null } });
    const error = await failsWith(decideVerification(admin, { userId: unconfirmed.id, decision: "VERIFY" }), "CONFLICT");
    expect(error.message).toBe("Bu avukat e-posta adresini henüz onaylamadı; onaylamadan doğrulanamaz.");
    expect((await verificationOf(unconfirmed.id)).verification).toBe("PENDING");
    await decideVerification(admin, { userId: unconfirmed.id, decision: "REJECT", reason: "Baro kaydı bulunamadı." });
    expect((await verificationOf(unconfirmed.id)).verification).toBe("REJECTED");
  });

  it("shows the admin every account claiming the same bar number, and verifies only one of them", async () => {
    const admin = await newAdmin();
    const first = await createTestUser({ verification: "PENDING" });
    const second = await createTestUser({ verification: "PENDING" });
    await db.user.update({ where: { id: second.id }, data: { barName: first.barName, barNumber: first.barNumber, emailConfirmedAt: null } });

    const listed = [];
    for (let cursor: string | undefined, page; (page = await listPendingLawyers(admin, cursor)); cursor = page.nextCursor) {
      listed.push(...page.items.filter((u) => u.id === first.id || u.id === second.id));
      if (!page.nextCursor) break;
    }
    const firstCard = listed.find((u) => u.id === first.id)!;
    expect(firstCard.emailConfirmed).toBe(true);
    expect(firstCard.sameBarNumber).toEqual([{ id: second.id, fullName: second.fullName, email: second.email, emailConfirmed: false, verification: "PENDING" }]);
    expect(listed.find((u) => u.id === second.id)!.sameBarNumber.map((c) => c.id)).toEqual([first.id]);

    await decideVerification(admin, { userId: first.id, decision: "VERIFY" });
    await db.user.update({ where: { id: second.id }, data: { emailConfirmedAt: new Date() } });
    const error = await failsWith(decideVerification(admin, { userId: second.id, decision: "VERIFY" }), "CONFLICT");
    expect(error.message).toContain("başka bir doğrulanmış hesaba kayıtlı");
    expect((await verificationOf(second.id)).verification).toBe("PENDING");
  });

  it("are refused to an administrator without two-step login, with the way to turn it on", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    await db.user.update({ where: { id: admin.id }, data: { totpSecret: null, totpEnabledAt: null } });
    const pending = await createTestUser({ verification: "PENDING" });
    const error = await failsWith(decideVerification(actorOf(admin), { userId: pending.id, decision: "VERIFY" }), "FORBIDDEN");
    expect(error.message).toContain("iki adımlı doğrulama zorunludur");
    await failsWith(listPendingLawyers(actorOf(admin)), "FORBIDDEN");
    expect((await verificationOf(pending.id)).verification).toBe("PENDING");
  });
});

async function allPendingPages(admin: ReturnType<typeof actorOf>) {
  const pages = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await listPendingLawyers(admin, cursor);
    pages.push(page);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
  throw new Error("paging did not end");
}

async function allPendingIds(admin: ReturnType<typeof actorOf>) {
  return (await allPendingPages(admin)).flatMap((p) => p.items.map((u) => u.id));
}
