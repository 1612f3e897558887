import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { BAR_NUMBER_TAKEN } from "@/lib/users/register-user";
import { resubmitVerification } from "@/lib/users/resubmit-verification";
import { actorOf, createTestUser } from "@/test/factories";

const corrected = (barNumber: string) => ({ fullName: "Av. Düzeltilmiş Ad", barName: "Konya Barosu", barNumber, title: "AVUKAT" });
const stateOf = (id: string) => db.user.findUniqueOrThrow({ where: { id }, select: { verification: true, verificationNote: true, barName: true, barNumber: true, fullName: true } });
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a failure"); }, (e: AppError) => e);

describe("resubmitVerification", () => {
  it("puts a rejected lawyer back in the queue with the corrected details, and clears the reason", async () => {
    const user = await createTestUser({ verification: "REJECTED" });
    await db.user.update({ where: { id: user.id }, data: { verificationNote: "Sicil eşleşmiyor." } });
    await expect(resubmitVerification(actorOf(user), corrected(`9${Date.now() % 1e8}`))).resolves.toEqual({ verification: "PENDING" });
    expect(await stateOf(user.id)).toMatchObject({ verification: "PENDING", verificationNote: null, barName: "Konya Barosu", fullName: "Av. Düzeltilmiş Ad" });
  });

  it("changes nothing for an account that is not rejected, nor with bad input", async () => {
    for (const verification of ["PENDING", "VERIFIED"] as const) {
      const user = await createTestUser({ verification });
      const before = await stateOf(user.id);
      expect((await failure(resubmitVerification(actorOf(user), corrected("12345")))).code).toBe("CONFLICT");
      expect(await stateOf(user.id)).toEqual(before);
    }
    const rejected = await createTestUser({ verification: "REJECTED" });
    const error = await failure(resubmitVerification(actorOf(rejected), { ...corrected("12A"), barName: "Atlantis Barosu" }));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.details.fieldErrors ?? {}).sort()).toEqual(["barName", "barNumber"]);
    expect((await stateOf(rejected.id)).verification).toBe("REJECTED");
  });

  it("refuses a bar number a verified lawyer of that bar holds, on the field; an unverified claim does not block", async () => {
    const holder = await createTestUser();
    const rejected = await createTestUser({ verification: "REJECTED" });
    const error = await failure(resubmitVerification(actorOf(rejected), { ...corrected(holder.barNumber), barName: holder.barName }));
    expect(error.details.fieldErrors).toEqual({ barNumber: [BAR_NUMBER_TAKEN] });
    expect((await stateOf(rejected.id)).verification).toBe("REJECTED");

    const pendingClaim = await createTestUser({ verification: "PENDING" });
    await resubmitVerification(actorOf(rejected), { ...corrected(pendingClaim.barNumber), barName: pendingClaim.barName });
    expect(await stateOf(rejected.id)).toMatchObject({ verification: "PENDING", barNumber: pendingClaim.barNumber });
  });
});
