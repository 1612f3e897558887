import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "@/lib/generated/prisma/enums";

export type AuditEntryInput = { actorId: string; action: AuditAction; targetUserId?: string; detail?: Prisma.InputJsonValue };

/**
 * Adds an administrator action to the audit log. With `tx` the entry is part of the caller's transaction (the
 * action and its record commit together, or neither does); without it the entry follows an action that already
 * happened and never fails it: an error is logged.
 */
export async function recordAuditEntry(entry: AuditEntryInput, tx?: Prisma.TransactionClient): Promise<void> {
  const data = { actorId: entry.actorId, action: entry.action, targetUserId: entry.targetUserId, detail: entry.detail };
  if (tx) {
    await tx.auditEntry.create({ data });
    return;
  }
  try {
    await db.auditEntry.create({ data });
  } catch (error) {
    console.error(`audit entry ${entry.action} by ${entry.actorId} not recorded:`, error);
  }
}
