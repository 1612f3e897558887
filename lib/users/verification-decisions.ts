import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { conflict, forbidden } from "@/lib/errors";
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

function requireAdmin(actor: Actor) {
  if (actor.role !== "ADMIN") throw forbidden("Bu sayfa yalnızca yöneticilere açıktır.");
}

export type PendingLawyer = {
  id: string;
  fullName: string;
  email: string;
  title: "AVUKAT" | "STAJYER";
  barName: string;
  barNumber: string;
  provinceName: string;
  createdAt: Date;
};

/** Lawyers waiting for verification, oldest first, paged by (createdAt, id). */
export async function listPendingLawyers(actor: Actor, cursor?: string): Promise<{ items: PendingLawyer[]; nextCursor: string | null }> {
  requireAdmin(actor);
  const after = cursor ? await db.user.findUnique({ where: { id: cursor }, select: { id: true, createdAt: true } }) : null;
  const rows = await db.user.findMany({
    where: {
      verification: "PENDING",
      ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: PAGE_SIZE + 1,
    select: { id: true, fullName: true, email: true, title: true, barName: true, barNumber: true, createdAt: true, province: { select: { name: true } } },
  });
  const items = rows.slice(0, PAGE_SIZE).map(({ province, ...u }) => ({ ...u, provinceName: province.name }));
  return { items, nextCursor: rows.length > PAGE_SIZE ? items[items.length - 1].id : null };
}

/** An admin verifies a pending lawyer, or rejects them with a reason. */
export async function decideVerification(actor: Actor, input: unknown): Promise<{ userId: string; verification: "VERIFIED" | "REJECTED" }> {
  requireAdmin(actor);
  const data = parseInput(decisionSchema, input);
  const verification = data.decision === "VERIFY" ? "VERIFIED" : "REJECTED";
  const updated = await db.user.updateMany({
    where: { id: data.userId, verification: "PENDING" },
    data: {
      verification,
      verificationNote: data.decision === "REJECT" ? data.reason : null,
      verifiedAt: data.decision === "VERIFY" ? new Date() : null,
    },
  });
  if (updated.count === 0) throw conflict("Bu avukat için karar zaten verilmiş ya da hesap bulunamadı.");
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
