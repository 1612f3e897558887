import { randomBytes, randomInt } from "node:crypto";
import { seal } from "@/lib/two-factor/secret-box";
import { newTotpSecret } from "@/lib/two-factor/totp";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { Role, VerificationStatus } from "@/lib/generated/prisma/enums";

export const TEST_PASSWORD = "dogru-sifre-2026";
let passwordHash: Promise<string> | undefined;

// ten hex digits, the first a letter: ten decimal digits from 5 would read as a Turkish mobile number, which job and
// message texts refuse (lib/contact-details.ts); a search test failed in CI on such a title
export const uniqueSuffix = () => "abcdef"[randomInt(6)] + randomBytes(5).toString("hex").slice(1);

/** A lawyer row with unique e-mail and bar number; verified unless told otherwise. */
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
      barNumber: String(parseInt(suffix, 16) % 10_000_000_000),
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
