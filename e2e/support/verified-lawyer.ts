import { hashPassword } from "@/lib/auth/password";
import { seal } from "@/lib/two-factor/secret-box";
import { withE2eDb } from "@/e2e/support/e2e-db";

type VerifiedLawyer = {
  /** the start of the e-mail address and the surname, so a failing test's data says which spec made it */
  label: string;
  password: string;
  role?: "LAWYER" | "ADMIN";
  /** a TOTP key that is already turned on, sealed with the app's key (global-setup gives us its AUTH_SECRET) */
  totpSecret?: string;
};

/** A new verified account with a confirmed e-mail, written straight to the e2e database; returns its e-mail. */
export async function createVerifiedLawyer({ label, password, role = "LAWYER", totpSecret }: VerifiedLawyer): Promise<string> {
  const suffix = Math.random().toString(36).slice(2, 10);
  const passwordHash = await hashPassword(password);
  return withE2eDb(async (db) => {
    const user = await db.user.create({
      data: {
        email: `${label}-${suffix}@example.com`, passwordHash, fullName: `Av. ${label} ${suffix}`, provinceId: 34,
        barName: "İstanbul Barosu", barNumber: String(Date.now()).slice(-9), role, verification: "VERIFIED", kvkkConsentAt: new Date(), emailConfirmedAt: new Date(),
        ...(totpSecret ? { totpSecret: seal(totpSecret), totpEnabledAt: new Date() } : {}),
      },
    });
    return user.email;
  });
}
