import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { administratorIds, loadDisputeFor } from "@/lib/disputes/dispute-parties";
import { disputeId, disputeText } from "@/lib/disputes/dispute-text";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { parseInput } from "@/lib/validation";

const writeSchema = z.object({ disputeId, body: disputeText("Mesajınızı", 2) });

/** A party or an administrator writes in an open dispute's thread; everyone else in it is told. */
export async function writeDisputeMessage(actor: Actor, input: unknown): Promise<{ id: string }> {
  const data = parseInput(writeSchema, input);
  const dispute = await loadDisputeFor(actor, data.disputeId);
  if (dispute.status !== "OPEN") throw conflict("Bu uyuşmazlık karara bağlandı; yeni mesaj yazılamaz.");
  const id = await db.$transaction(async (tx) => {
    const message = await tx.disputeMessage.create({ data: { disputeId: dispute.id, authorId: actor.id, body: data.body }, select: { id: true } });
    await recordAuditEntry({ actorId: actor.id, action: "DISPUTE_MESSAGE", detail: { disputeId: dispute.id, jobId: dispute.jobId } }, tx);
    return message.id;
  });
  const recipients = new Set([dispute.posterId, dispute.assigneeId, ...(await administratorIds())]);
  recipients.delete(actor.id);
  const fromDesk = dispute.role === "ADMIN";
  await notifyUsers(
    [...recipients].map((userId) => ({
      userId,
      type: "DISPUTE_MESSAGE" as const,
      title: fromDesk ? "Uyuşmazlık Masası'ndan mesaj" : "Uyuşmazlıkta yeni mesaj",
      body: `"${dispute.jobTitle}" uyuşmazlığına yeni bir mesaj yazıldı.`,
      link: `/uyusmazlik/${dispute.id}`,
    })),
  );
  return { id };
}
