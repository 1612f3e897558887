import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { SecurityEventType } from "@/lib/generated/prisma/enums";
import { describeUserAgent } from "@/lib/users/describe-user-agent";
import { looksLikeRecordId, parseInput } from "@/lib/validation";

const PAGE_SIZE = 30;

export const securityEventLabels: Record<SecurityEventType, string> = {
  LOGIN_SUCCEEDED: "Giriş yapıldı",
  LOGIN_NEW_DEVICE: "Yeni bir cihazdan giriş",
  LOGIN_FAILED: "Başarısız giriş denemesi",
  LOGOUT: "Çıkış yapıldı",
  PASSWORD_CHANGED: "Şifre değiştirildi",
  PASSWORD_RESET: "Şifre sıfırlandı",
  EMAIL_CHANGE_REQUESTED: "E-posta değişikliği istendi",
  EMAIL_CHANGED: "E-posta adresi değiştirildi",
  SESSION_REVOKED: "Bir oturum kapatıldı",
  OTHER_SESSIONS_REVOKED: "Diğer tüm oturumlar kapatıldı",
  TWO_FACTOR_ENABLED: "İki adımlı doğrulama açıldı",
  TWO_FACTOR_DISABLED: "İki adımlı doğrulama kapatıldı",
  RECOVERY_CODE_USED: "Girişte kurtarma kodu kullanıldı",
  PASSKEY_ADDED: "Geçiş anahtarı eklendi",
  PASSKEY_REMOVED: "Geçiş anahtarı silindi",
  ACCOUNT_DELETION_REQUESTED: "Hesabın silinmesi istendi",
  ACCOUNT_DELETION_CANCELLED: "Hesap silme isteği girişle iptal edildi",
};

// events the owner should look at twice if they were not the one who did it
const WARNINGS = new Set<SecurityEventType>(["LOGIN_NEW_DEVICE", "LOGIN_FAILED", "TWO_FACTOR_DISABLED", "RECOVERY_CODE_USED"]);

export type SecurityEventView = {
  id: string;
  type: SecurityEventType;
  label: string;
  device: string;
  ip: string;
  createdAt: Date;
  note: string | null;
  warning: boolean;
};

type Detail = { revokedSessions?: number; device?: string; ip?: string; from?: string; to?: string };

function noteOf(type: SecurityEventType, detail: Detail | null): string | null {
  if (!detail) return null;
  if (typeof detail.revokedSessions === "number") return detail.revokedSessions > 0 ? `${detail.revokedSessions} oturum kapatıldı` : "Kapatılacak başka oturum yoktu";
  if (type === "SESSION_REVOKED" && detail.device) return `${detail.device}${detail.ip ? ` · IP: ${detail.ip}` : ""}`;
  if (detail.from && detail.to) return `${detail.from} → ${detail.to}`;
  return null;
}

const listSchema = z.object({ cursor: z.string().max(64).optional() });

/** The lawyer's own security log, newest first, paged by (createdAt, id); `cursor` is the last id of the previous page. */
export async function listSecurityEvents(actor: Actor, input: unknown = {}): Promise<{ items: SecurityEventView[]; nextCursor: string | null }> {
  const { cursor } = parseInput(listSchema, input);
  // a cursor is looked up among the actor's own rows only: someone else's id pages nothing
  const after = looksLikeRecordId(cursor) ? await db.securityEvent.findFirst({ where: { id: cursor, userId: actor.id }, select: { id: true, createdAt: true } }) : null;
  const rows = await db.securityEvent.findMany({
    where: {
      userId: actor.id,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: { id: true, type: true, ip: true, userAgent: true, detail: true, createdAt: true },
  });
  const items = rows.slice(0, PAGE_SIZE).map((row) => ({
    id: row.id,
    type: row.type,
    label: securityEventLabels[row.type],
    device: describeUserAgent(row.userAgent),
    ip: row.ip,
    createdAt: row.createdAt,
    note: noteOf(row.type, row.detail as Detail | null),
    warning: WARNINGS.has(row.type),
  }));
  return { items, nextCursor: rows.length > PAGE_SIZE ? items[items.length - 1].id : null };
}
