import { randomInt } from "node:crypto";
import { seal } from "@/lib/two-factor/secret-box";
import { newTotpSecret } from "@/lib/two-factor/totp";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { Role, VerificationStatus } from "@/lib/generated/prisma/enums";

export const TEST_PASSWORD = "dogru-sifre-2026";
let passwordHash: Promise<string> | undefined;

// ten letters, no digits: job and message texts refuse what reads as a phone number (lib/contact-details.ts), and
// a run of digits in a suffix, with the digits a title puts after it, did (CI failed a search test twice on such titles)
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
export const uniqueSuffix = () => Array.from({ length: 10 }, () => LETTERS[randomInt(LETTERS.length)]).join("");

/** A ten-digit bar number, random: verified lawyers' bar numbers are unique per bar. */
export const randomBarNumber = () => String(randomInt(1_000_000_000, 10_000_000_000));

/** A lawyer row with a unique e-mail and a random ten-digit bar number; verified unless told otherwise. */
export async function createTestUser(overrides: { role?: Role; verification?: VerificationStatus; email?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const suffix = uniqueSuffix();
  return db.user.create({
    data: {
      email: overrides.email ?? `avukat-${suffix}@example.com`,
      passwordHash: await passwordHash,
      fullName: `Av. Test ${suffix}`,
      provinceId: 34,
      barName: "İstanbul Barosu",
      barNumber: randomBarNumber(),
      kvkkConsentAt: new Date(),
      emailConfirmedAt: new Date(),
      role: overrides.role ?? "LAWYER",
      // administrators always have two-step login (lib/users/require-administrator.ts)
      ...(overrides.role === "ADMIN" ? { totpSecret: seal(newTotpSecret()), totpEnabledAt: new Date() } : {}),
      verification: overrides.verification ?? "VERIFIED",
    },
  });
}

export function actorOf(user: { id: string; role: Role; verification: VerificationStatus }, sessionId = "test-session"): Actor {
  return { id: user.id, role: user.role, verification: user.verification, sessionId };
}
