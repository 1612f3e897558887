import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadConversationView, type ConversationView } from "@/lib/messaging/get-conversation";
import { posterMayIdentify } from "@/lib/applications/applicant-identity";
import { assertCanMessage } from "@/lib/messaging/membership";
import { recordId } from "@/lib/messaging/schemas";
import { parseInput, validationError } from "@/lib/validation";

export const openConversationSchema = z.object({
  peerId: recordId("Avukat"),
  // links pass an empty parameter for "no job"
  jobId: z.preprocess((v) => (v === "" || v === null ? undefined : v), recordId("İlan").optional()),
});

export const ANONYMOUS_UNTIL_ASSIGNED =
  "Bu ilanda başvuranların kimliği görevlendirmeye kadar gizli: ilan sahibi bu ilan üzerinden yalnızca görevlendirdiği avukatla, başvuran da ancak görevlendirilirse yazışabilir.";

/** "<smaller user id>:<larger user id>:<job id or ->": one conversation per pair and job. */
export const pairKeyOf = (a: string, b: string, jobId?: string) => `${[a, b].sort().join(":")}:${jobId ?? "-"}`;

/**
 * Returns the one-to-one conversation between the actor and the peer (about the job, if given), creating it
 * on first use. Both sides must be verified; a job conversation needs one side to be the job's poster. On a job that
 * hides its applicants, the poster opens one only with the lawyer they accepted, and an applicant only once accepted.
 */
export async function openConversation(actor: Actor, input: unknown): Promise<{ conversation: ConversationView; created: boolean }> {
  assertCanMessage(actor);
  const { peerId, jobId } = parseInput(openConversationSchema, input);
  if (peerId === actor.id) throw validationError({ peerId: ["Kendinize mesaj gönderemezsiniz."] }, "Kendinize mesaj gönderemezsiniz.");

  const peer = await db.user.findUnique({ where: { id: peerId }, select: { verification: true } });
  if (!peer) throw notFound("Avukat bulunamadı.");
  if (peer.verification !== "VERIFIED") throw forbidden("Bu avukatın hesabı henüz doğrulanmadığı için mesaj gönderilemiyor.");
  if (jobId) {
    const job = await db.job.findUnique({ where: { id: jobId }, select: { posterId: true, anonymousApplicants: true, status: true, assigneeId: true } });
    if (!job) throw notFound("İlan bulunamadı.");
    if (job.posterId !== actor.id && job.posterId !== peerId) throw forbidden("Bu ilan hakkında yalnızca ilan sahibiyle yazışabilirsiniz.");
    const other = job.posterId === actor.id ? peerId : actor.id;
    if (!posterMayIdentify(job, other)) {
      // the poster is refused whoever the peer is: refusing only applicants would tell them who applied
      if (job.posterId === actor.id) throw forbidden(ANONYMOUS_UNTIL_ASSIGNED);
      const applied = await db.application.findUnique({ where: { jobId_applicantId: { jobId, applicantId: actor.id } }, select: { id: true } });
      if (applied) throw forbidden(ANONYMOUS_UNTIL_ASSIGNED);
    }
  }

  const pairKey = pairKeyOf(actor.id, peerId, jobId);
  let created = false;
  let conversation = await db.conversation.findUnique({ where: { pairKey }, select: { id: true } });
  if (!conversation) {
    try {
      conversation = await db.conversation.create({
        data: { pairKey, jobId, members: { create: [{ userId: actor.id }, { userId: peerId }] } },
        select: { id: true },
      });
      created = true;
    } catch (error) {
      // the other side (or another tab) opened it at the same moment
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
      conversation = await db.conversation.findUniqueOrThrow({ where: { pairKey }, select: { id: true } });
    }
  }
  const view = await loadConversationView(actor.id, conversation.id);
  if (!view) throw notFound("Konuşma bulunamadı.");
  return { conversation: view, created };
}
