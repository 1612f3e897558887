import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { requireAdministrator } from "@/lib/users/require-administrator";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { conflict } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/jobs/errors";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { getEmitter } from "@/lib/realtime/emitter";
import { userRoom } from "@/lib/realtime/rooms";
import { parseInput } from "@/lib/validation";
import { invalidateUsers } from "@/lib/users/user-cache";

const PAGE_SIZE = 20;

const decisionSchema = z.discriminatedUnion("decision", [
  z.object({ userId: z.string().min(1), decision: z.literal("VERIFY") }),
  z.object({
    userId: z.string().min(1),
    decision: z.literal("REJECT"),
    reason: z.string().trim().min(5, "Ret gerekçesi en az 5 karakter olmalı.").max(500, "Ret gerekçesi en fazla 500 karakter olabilir."),
  }),
], { error: "Geçersiz karar." });


export type PendingLawyer = {
  id: string;
  fullName: string;
  email: string;
  title: "AVUKAT" | "STAJYER";
  barName: string;
  barNumber: string;
  provinceName: string;
  createdAt: Date;
  emailConfirmed: boolean;
  /** other accounts that registered the same (bar, sicil): at most one of them can be verified */
  sameBarNumber: { id: string; fullName: string; email: string; emailConfirmed: boolean; verification: "PENDING" | "VERIFIED" | "REJECTED" }[];
};

/** Lawyers waiting for verification, oldest first, paged by (createdAt, id). */
export async function listPendingLawyers(actor: Actor, cursor?: string): Promise<{ items: PendingLawyer[]; nextCursor: string | null }> {
  await requireAdministrator(actor);
  const after = cursor ? await db.user.findUnique({ where: { id: cursor }, select: { id: true, createdAt: true } }) : null;
  const rows = await db.user.findMany({
    where: {
      verification: "PENDING",
      ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      fullName: true,
      email: true,
      title: true,
      barName: true,
      barNumber: true,
      createdAt: true,
      emailConfirmedAt: true,
      province: { select: { name: true } },
    },
  });
  const page = rows.slice(0, PAGE_SIZE);
  const claims = page.length
    ? await db.user.findMany({
        where: { OR: page.map((u) => ({ barName: u.barName, barNumber: u.barNumber })) },
        select: { id: true, fullName: true, email: true, emailConfirmedAt: true, verification: true, barName: true, barNumber: true },
      })
    : [];
  const items = page.map(({ province, emailConfirmedAt, ...u }) => ({
    ...u,
    provinceName: province.name,
    emailConfirmed: emailConfirmedAt !== null,
    sameBarNumber: claims
      .filter((c) => c.id !== u.id && c.barName === u.barName && c.barNumber === u.barNumber)
      .map((c) => ({ id: c.id, fullName: c.fullName, email: c.email, emailConfirmed: c.emailConfirmedAt !== null, verification: c.verification })),
  }));
  return { items, nextCursor: rows.length > PAGE_SIZE ? items[items.length - 1].id : null };
}

/** An admin verifies a pending lawyer, or rejects them with a reason. */
export async function decideVerification(actor: Actor, input: unknown): Promise<{ userId: string; verification: "VERIFIED" | "REJECTED" }> {
  await requireAdministrator(actor);
  const data = parseInput(decisionSchema, input);
  const verification = data.decision === "VERIFY" ? "VERIFIED" : "REJECTED";
  let updated: { count: number };
  try {
    // the decision and its audit entry commit together: no decision goes unrecorded
    updated = await db.$transaction(async (tx) => {
      const result = await tx.user.updateMany({
        // a squatter who typed someone else's address can never be verified: the address must be proven first
        where: { id: data.userId, verification: "PENDING", ...(data.decision === "VERIFY" ? { emailConfirmedAt: { not: null } } : {}) },
        data: {
          verification,
          verificationNote: data.decision === "REJECT" ? data.reason : null,
          verifiedAt: data.decision === "VERIFY" ? new Date() : null,
        },
      });
      if (result.count > 0) {
        const action = data.decision === "VERIFY" ? "VERIFICATION_VERIFIED" : "VERIFICATION_REJECTED";
        await recordAuditEntry({ actorId: actor.id, action, targetUserId: data.userId, detail: data.decision === "REJECT" ? { reason: data.reason } : undefined }, tx);
      }
      return result;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("Bu baro sicil numarası başka bir doğrulanmış hesaba kayıtlı; aynı sicille ikinci bir hesap doğrulanamaz.");
    throw error;
  }
  if (updated.count === 0) {
    const user = await db.user.findUnique({ where: { id: data.userId }, select: { verification: true, emailConfirmedAt: true } });
    if (user?.verification === "PENDING" && !user.emailConfirmedAt) throw conflict("Bu avukat e-posta adresini henüz onaylamadı; onaylamadan doğrulanamaz.");
    throw conflict("Bu avukat için karar zaten verilmiş ya da hesap bulunamadı.");
  }
  await invalidateUsers([data.userId]);
  // the lawyer's open tabs reconnect (their sockets carry the old status) and redraw the page: see docs/realtime.md
  getEmitter().to(userRoom(data.userId)).emit("account:changed", { verification });
  await notifyUsers([
    data.decision === "VERIFY"
      ? {
          userId: data.userId,
          type: "ACCOUNT_VERIFIED",
          title: "Hesabınız doğrulandı",
          body: "Baro kaydınız onaylandı. Artık ilan verebilir, ilanlara başvurabilir ve meslektaşlarınızla mesajlaşabilirsiniz.",
          link: "/ilanlar",
        }
      : {
          userId: data.userId,
          type: "ACCOUNT_REJECTED",
          title: "Hesap doğrulamanız reddedildi",
          body: `Gerekçe: ${data.reason}`,
          link: "/ayarlar",
        },
  ]);
  return { userId: data.userId, verification };
}
