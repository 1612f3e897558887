import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { conflict, forbidden } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";
import { recordSecurityEvent, type SecurityContext } from "@/lib/security/record-security-event";
import { getRedis, redisKey } from "@/lib/redis";
import { checkSecondFactor, WRONG_CODE_MESSAGE } from "@/lib/two-factor/check-second-factor";
import { newRecoveryCodes, storeRecoveryCodes } from "@/lib/two-factor/recovery-codes";
import { open, seal } from "@/lib/two-factor/secret-box";
import { enrolmentDetails, newTotpSecret, verifyTotpCode } from "@/lib/two-factor/totp";
import { parseInput, validationError } from "@/lib/validation";

// Enrolment is two steps: a secret is made and shown (QR code), and only a code the app computed from it turns
// two-step login on, so a scan that went wrong never locks the lawyer out. The secret waits in Redis meanwhile.
const PENDING_SECONDS = 10 * 60;
const pendingKey = (userId: string) => redisKey("totp-pending", userId);
const codeSchema = z.object({ code: z.string({ error: "Kodu girin." }).trim().min(1, "Kodu girin.").max(40, WRONG_CODE_MESSAGE) });

export type TwoFactorState = { enabled: boolean; enabledAt: Date | null; recoveryCodesLeft: number; required: boolean };

export async function getTwoFactorState(actor: Actor): Promise<TwoFactorState> {
  const [user, recoveryCodesLeft] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true, role: true } }),
    db.recoveryCode.count({ where: { userId: actor.id, usedAt: null } }),
  ]);
  return { enabled: Boolean(user.totpEnabledAt), enabledAt: user.totpEnabledAt, recoveryCodesLeft, required: user.role === "ADMIN" };
}

/** Step 1: a new secret for the lawyer's app, as a QR code and as text. */
export async function startTwoFactorEnrolment(actor: Actor): Promise<{ qrSvg: string; manualKey: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw conflict("İki adımlı doğrulama zaten açık.");
  const secret = newTotpSecret();
  await getRedis().set(pendingKey(actor.id), seal(secret), "EX", PENDING_SECONDS);
  const { qrSvg, manualKey } = await enrolmentDetails(secret, user.email);
  return { qrSvg, manualKey };
}

/** Step 2: the app's current code turns it on; the ten recovery codes are returned this once, stored only hashed. */
export async function confirmTwoFactorEnrolment(actor: Actor, input: unknown, context: SecurityContext): Promise<{ recoveryCodes: string[] }> {
  const { code } = parseInput(codeSchema, input);
  await enforceRateLimit("secondFactorByAccount", actor.id);
  const box = await getRedis().get(pendingKey(actor.id));
  const secret = box ? open(box) : null;
  if (!secret) throw conflict("Kurulumun süresi doldu. QR kodunu yeniden oluşturup tekrar deneyin.");
  if (!(await verifyTotpCode(actor.id, secret, code.replace(/\s/g, "")))) throw validationError({ code: [WRONG_CODE_MESSAGE] });
  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: actor.id, totpEnabledAt: null }, data: { totpSecret: seal(secret), totpEnabledAt: new Date() } });
    if (count === 0) throw conflict("İki adımlı doğrulama zaten açık.");
    await storeRecoveryCodes(tx, actor.id, recoveryCodes);
  });
  await getRedis().del(pendingKey(actor.id));
  await recordSecurityEvent({ userId: actor.id, type: "TWO_FACTOR_ENABLED" }, context);
  return { recoveryCodes };
}

/** Turning it off takes a current code (or a recovery code); administrators keep it on. */
export async function disableTwoFactor(actor: Actor, input: unknown, context: SecurityContext): Promise<{ enabled: false }> {
  const { code } = parseInput(codeSchema, input);
  if (actor.role === "ADMIN") throw forbidden("Yönetici hesaplarında iki adımlı doğrulama kapatılamaz.");
  await checkSecondFactor(actor.id, code);
  await db.$transaction([
    db.user.update({ where: { id: actor.id }, data: { totpSecret: null, totpEnabledAt: null } }),
    db.recoveryCode.deleteMany({ where: { userId: actor.id } }),
  ]);
  await recordSecurityEvent({ userId: actor.id, type: "TWO_FACTOR_DISABLED" }, context);
  return { enabled: false };
}
