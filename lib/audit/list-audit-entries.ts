import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import { requireAdministrator } from "@/lib/users/require-administrator";
import { looksLikeRecordId, parseInput } from "@/lib/validation";

const PAGE_SIZE = 50;

export const auditActionLabels: Record<AuditAction, string> = {
  VERIFICATION_VERIFIED: "Avukat doğrulandı",
  VERIFICATION_REJECTED: "Doğrulama reddedildi",
  QUEUE_JOB_RETRIED: "Kuyruktaki iş yeniden denendi",
  APPLY_PAUSE_LIFTED: "Başvuru duraklatması kaldırıldı",
  DISPUTE_OPENED: "Uyuşmazlık açıldı",
  DISPUTE_MESSAGE: "Uyuşmazlığa mesaj yazıldı",
  DISPUTE_DECIDED: "Uyuşmazlık karara bağlandı",
};

export type AuditEntryView = {
  id: string;
  action: AuditAction;
  label: string;
  actor: { id: string; fullName: string; email: string };
  target: { id: string; fullName: string; email: string } | null;
  note: string | null;
  createdAt: Date;
};

type Detail = { reason?: string; queue?: string; jobId?: string; jobName?: string; note?: string };

function noteOf(detail: Detail | null): string | null {
  if (!detail) return null;
  if (detail.reason) return `Gerekçe: ${detail.reason}`;
  if (detail.note) return `Not: ${detail.note}`;
  if (detail.jobName) return `${detail.queue}/${detail.jobName} #${detail.jobId}`;
  return null;
}

const listSchema = z.object({ cursor: z.string().max(64).optional() });

/** The administrators' audit log, newest first, paged by (createdAt, id). Administrators only. */
export async function listAuditEntries(actor: Actor, input: unknown = {}): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  await requireAdministrator(actor);
  const { cursor } = parseInput(listSchema, input);
  const after = looksLikeRecordId(cursor) ? await db.auditEntry.findUnique({ where: { id: cursor }, select: { id: true, createdAt: true } }) : null;
  const person = { select: { id: true, fullName: true, email: true } } as const;
  const rows = await db.auditEntry.findMany({
    where: after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: { id: true, action: true, detail: true, createdAt: true, actor: person, targetUser: person },
  });
  const items = rows.slice(0, PAGE_SIZE).map((row) => ({
    id: row.id,
    action: row.action,
    label: auditActionLabels[row.action],
    actor: row.actor,
    target: row.targetUser,
    note: noteOf(row.detail as Detail | null),
    createdAt: row.createdAt,
  }));
  return { items, nextCursor: rows.length > PAGE_SIZE ? items[items.length - 1].id : null };
}
