import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { decideVerification } from "@/lib/users/verification-decisions";
import { actorOf, createTestUser } from "@/test/factories";

const entriesBy = (actorId: string) =>
  db.auditEntry.findMany({ where: { actorId }, orderBy: { createdAt: "asc" }, select: { action: true, targetUserId: true, detail: true } });

describe("the admin audit log", () => {
  it("records every verification decision with who decided, about whom and the reason, and nothing for a refused one", async () => {
    const admin = actorOf(await createTestUser({ role: "ADMIN" }));
    const verified = await createTestUser({ verification: "PENDING" });
    const rejected = await createTestUser({ verification: "PENDING" });

    await decideVerification(admin, { userId: verified.id, decision: "VERIFY" });
    await decideVerification(admin, { userId: rejected.id, decision: "REJECT", reason: "Sicil numarası baro kaydıyla eşleşmiyor." });
    // decided already: CONFLICT, and the log has no entry for it
    await expect(decideVerification(admin, { userId: verified.id, decision: "REJECT", reason: "İkinci karar" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(decideVerification(admin, { userId: "no-such-user", decision: "VERIFY" })).rejects.toMatchObject({ code: "CONFLICT" });

    expect(await entriesBy(admin.id)).toEqual([
      { action: "VERIFICATION_VERIFIED", targetUserId: verified.id, detail: null },
      { action: "VERIFICATION_REJECTED", targetUserId: rejected.id, detail: { reason: "Sicil numarası baro kaydıyla eşleşmiyor." } },
    ]);
  });

  it("is listed newest first to administrators, with names, and refused to lawyers", async () => {
    const adminUser = await createTestUser({ role: "ADMIN" });
    const admin = actorOf(adminUser);
    const pending = await createTestUser({ verification: "PENDING" });
    await decideVerification(admin, { userId: pending.id, decision: "REJECT", reason: "Baro kaydı bulunamadı." });

    const { items } = await listAuditEntries(admin);
    expect(items[0]).toMatchObject({
      action: "VERIFICATION_REJECTED",
      label: "Doğrulama reddedildi",
      actor: { id: adminUser.id, fullName: adminUser.fullName },
      target: { id: pending.id, fullName: pending.fullName },
      note: "Gerekçe: Baro kaydı bulunamadı.",
    });
    const times = items.map((i) => i.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    await expect(listAuditEntries(actorOf(await createTestUser()))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
