import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { requireAdministrator } from "@/lib/users/require-administrator";
import { invalidateUsers } from "@/lib/users/user-cache";
import { parseInput } from "@/lib/validation";

const liftSchema = z.object({
  pauseId: z.string({ error: "Duraklatma seçilmedi." }).trim().min(1, "Duraklatma seçilmedi.").max(64),
  note: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(1000, "Not en fazla 1000 karakter olabilir.").optional()),
});

/** An administrator lifts a running pause: the lawyer can apply again at once, is told so, and the log records it. */
export async function liftApplyPause(actor: Actor, input: unknown): Promise<{ userId: string }> {
  await requireAdministrator(actor);
  const { pauseId, note } = parseInput(liftSchema, input);
  const userId = await db.$transaction(async (tx) => {
    const lifted = await tx.applyPause.updateManyAndReturn({
      where: { id: pauseId, liftedAt: null, endsAt: { gt: new Date() } },
      data: { liftedAt: new Date(), liftedById: actor.id },
      select: { userId: true, reason: true },
    });
    if (lifted.length === 0) throw conflict("Bu duraklatma artık sürmüyor.");
    await recordAuditEntry(
      { actorId: actor.id, action: "APPLY_PAUSE_LIFTED", targetUserId: lifted[0].userId, detail: { pauseId, reason: lifted[0].reason, ...(note ? { note } : {}) } },
      tx,
    );
    return lifted[0].userId;
  });
  await invalidateUsers([userId]);
  await notifyUsers([
    { userId, type: "APPLYING_PAUSE_LIFTED", title: "Başvuru duraklatmanız kaldırıldı", body: "Yönetici duraklatmayı kaldırdı; ilanlara yeniden başvurabilirsiniz.", link: "/ilanlar" },
  ]);
  return { userId };
}

export type ActivePauseRow = { id: string; reason: string; endsAt: Date; createdAt: Date; user: { id: string; fullName: string; email: string } };

/** Every pause in force now, soonest ending first: the administrators' page. */
export async function listActiveApplyPauses(actor: Actor): Promise<ActivePauseRow[]> {
  await requireAdministrator(actor);
  return db.applyPause.findMany({
    where: { liftedAt: null, endsAt: { gt: new Date() } },
    orderBy: [{ endsAt: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, reason: true, endsAt: true, createdAt: true, user: { select: { id: true, fullName: true, email: true } } },
  });
}
