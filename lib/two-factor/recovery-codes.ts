import { createHmac, randomInt } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

// Ten codes of 10 characters from a 31-letter alphabet without look-alikes (~49 bits each): guessing one within the
// second-factor throttle is hopeless, so a keyed SHA-256 (HMAC with AUTH_SECRET) is enough and checks all ten at
// once; a slow password hash buys nothing here and would cost ten hashings per attempt.
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const GROUP = 5;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: GROUP * 2 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, GROUP)}-${chars.slice(GROUP)}`;
  });
}

/** Case, spaces and the dash do not matter: "ABCDE fghjk" is "abcde-fghjk". */
export function normaliseRecoveryCode(code: string): string | null {
  const plain = code.toLowerCase().replace(/[\s-]/g, "");
  if (plain.length !== GROUP * 2 || [...plain].some((c) => !ALPHABET.includes(c))) return null;
  return `${plain.slice(0, GROUP)}-${plain.slice(GROUP)}`;
}

export function hashRecoveryCode(code: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`recovery-code:${code}`).digest("base64url");
}

/** Replaces the user's codes with these (enrolment); inside the caller's transaction. */
export async function storeRecoveryCodes(tx: Prisma.TransactionClient, userId: string, codes: string[]): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
}

/** Uses the code up if it is one of the user's unused codes: true once, false ever after (even two submits at once). */
export async function consumeRecoveryCode(userId: string, code: string): Promise<boolean> {
  const normalised = normaliseRecoveryCode(code);
  if (!normalised) return false;
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(normalised), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}
