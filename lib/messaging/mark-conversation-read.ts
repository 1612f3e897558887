import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { broadcastToUsers } from "@/lib/messaging/delivery";
import { invalidateConversationLists } from "@/lib/messaging/list-conversations";
import { scheduleUnreadPush } from "@/lib/messaging/unread-push-queue";
import { assertCanMessage, requireMembership } from "@/lib/messaging/membership";
import { messageId } from "@/lib/messaging/message-payload";
import { messageIdSchema, recordId } from "@/lib/messaging/schemas";
import { parseInput } from "@/lib/validation";

export const markConversationReadSchema = z.object({
  conversationId: recordId("Konuşma"),
  lastReadMessageId: messageIdSchema,
});

const UNREAD_RECOUNT_CAP = 1_000;

export type ReadReceipt = { conversationId: string; userId: string; lastReadMessageId: number };

/**
 * Moves the actor's read position forward (never back, never past the last message). When it moved, both
 * members' tabs get `conversation:read` (the peer's as a read receipt) and the actor's unread total is pushed.
 */
export async function markConversationRead(actor: Actor, input: unknown): Promise<{ lastReadMessageId: number }> {
  assertCanMessage(actor);
  const { conversationId, lastReadMessageId } = parseInput(markConversationReadSchema, input);
  const members = await requireMembership(actor, conversationId);

  // the unread count is recounted from the new position (a send committing meanwhile adds to it after this row
  // update, under the row lock, so nothing is lost); the recount stops at UNREAD_RECOUNT_CAP rows
  const [moved] = await db.$queryRaw<{ lastReadMessageId: bigint }[]>`
    UPDATE "ConversationMember" m SET "lastReadMessageId" = LEAST(${lastReadMessageId}::bigint, c."lastMessageId"),
      "unreadCount" = (
        SELECT count(*) FROM (
          SELECT 1 FROM "Message" x
          WHERE x."conversationId" = m."conversationId" AND x.id > LEAST(${lastReadMessageId}::bigint, c."lastMessageId")
            AND x."senderId" <> m."userId"
          LIMIT ${UNREAD_RECOUNT_CAP}
        ) unread_rows)
    FROM "Conversation" c
    WHERE c.id = m."conversationId" AND m."conversationId" = ${conversationId} AND m."userId" = ${actor.id}
      AND m."lastReadMessageId" < LEAST(${lastReadMessageId}::bigint, c."lastMessageId")
    RETURNING m."lastReadMessageId"`;
  if (!moved) {
    const current = await db.conversationMember.findUniqueOrThrow({
      where: { conversationId_userId: { conversationId, userId: actor.id } },
      select: { lastReadMessageId: true },
    });
    return { lastReadMessageId: messageId(current.lastReadMessageId) };
  }

  const receipt: ReadReceipt = { conversationId, userId: actor.id, lastReadMessageId: messageId(moved.lastReadMessageId) };
  broadcastToUsers(members, "conversation:read", receipt);
  await invalidateConversationLists([actor.id]);
  scheduleUnreadPush(actor.id);
  return { lastReadMessageId: receipt.lastReadMessageId };
}
