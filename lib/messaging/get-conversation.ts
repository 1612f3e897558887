import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { assertCanMessage } from "@/lib/messaging/membership";
import { messageId } from "@/lib/messaging/message-payload";
import { recordId } from "@/lib/messaging/schemas";
import { parseInput } from "@/lib/validation";

export type ConversationView = {
  id: string;
  jobId: string | null;
  jobTitle: string | null;
  peer: { id: string; fullName: string; barName: string };
  /** 0 when nothing was said yet */
  lastMessageId: number;
  myLastReadMessageId: number;
  peerLastReadMessageId: number;
};

/** The conversation as one of its members sees it; null when it does not exist. */
export async function loadConversationView(actorId: string, conversationId: string): Promise<ConversationView | null> {
  const conversation = await db.conversation.findUnique({
    where: { id: conversationId },
    select: {
      id: true,
      jobId: true,
      lastMessageId: true,
      job: { select: { title: true } },
      members: { select: { userId: true, lastReadMessageId: true, user: { select: { id: true, fullName: true, barName: true } } } },
    },
  });
  if (!conversation) return null;
  const me = conversation.members.find((m) => m.userId === actorId);
  const peer = conversation.members.find((m) => m.userId !== actorId);
  if (!me || !peer) throw forbidden("Bu konuşmanın üyesi değilsiniz.");
  return {
    id: conversation.id,
    jobId: conversation.jobId,
    jobTitle: conversation.job?.title ?? null,
    peer: peer.user,
    lastMessageId: messageId(conversation.lastMessageId ?? 0),
    myLastReadMessageId: messageId(me.lastReadMessageId),
    peerLastReadMessageId: messageId(peer.lastReadMessageId),
  };
}

const getConversationSchema = z.object({ conversationId: recordId("Konuşma") });

/** One conversation of the actor with both members' read positions (FORBIDDEN for non-members). */
export async function getConversation(actor: Actor, input: unknown): Promise<{ conversation: ConversationView }> {
  assertCanMessage(actor);
  const { conversationId } = parseInput(getConversationSchema, input);
  const conversation = await loadConversationView(actor.id, conversationId);
  if (!conversation) throw notFound("Konuşma bulunamadı.");
  return { conversation };
}
