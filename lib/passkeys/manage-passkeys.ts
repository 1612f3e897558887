import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordSecurityEvent, type SecurityContext } from "@/lib/security/record-security-event";
import { parseInput } from "@/lib/validation";

export type PasskeySummary = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

export function listPasskeys(actor: Actor): Promise<PasskeySummary[]> {
  return db.passkey.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, createdAt: true, lastUsedAt: true } });
}

const idSchema = z.string().max(2048);
const notTheirs = () => notFound("Bu geçiş anahtarı bulunamadı.");

export async function renamePasskey(actor: Actor, input: unknown): Promise<{ id: string; name: string }> {
  const { id, name } = parseInput(
    z.object({ id: idSchema, name: z.string({ error: "Anahtara bir ad verin." }).trim().min(1, "Anahtara bir ad verin.").max(60, "Ad en fazla 60 karakter olabilir.") }),
    input,
  );
  const { count } = await db.passkey.updateMany({ where: { id, userId: actor.id }, data: { name } });
  if (count === 0) throw notTheirs();
  return { id, name };
}

/** Only the lawyer's own key; a removed key no longer logs anyone in (the device may still offer it). */
export async function removePasskey(actor: Actor, input: unknown, context: SecurityContext): Promise<{ id: string }> {
  const { id } = parseInput(z.object({ id: idSchema }), input);
  const removed = await db.passkey.deleteMany({ where: { id, userId: actor.id } });
  if (removed.count === 0) throw notTheirs();
  await recordSecurityEvent({ userId: actor.id, type: "PASSKEY_REMOVED" }, context);
  return { id };
}
