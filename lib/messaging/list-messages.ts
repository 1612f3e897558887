import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { assertCanMessage, requireMembership } from "@/lib/messaging/membership";
import { messageSelect, toMessagePayload, type MessagePayload } from "@/lib/messaging/message-payload";
import { messageIdSchema, recordId } from "@/lib/messaging/schemas";
import { parseInput } from "@/lib/validation";

export const HISTORY_PAGE_SIZE = 40;

export const listMessagesSchema = z.object({
  conversationId: recordId("Konuşma"),
  /** keyset cursor: only messages with a smaller id (older); absent for the newest page */
  before: messageIdSchema.optional(),
});

/** A page of history, oldest first, ending just before `before` (index conversationId, id; no OFFSET). */
export async function listMessages(actor: Actor, input: unknown): Promise<{ messages: MessagePayload[]; hasOlder: boolean }> {
  assertCanMessage(actor);
  const { conversationId, before } = parseInput(listMessagesSchema, input);
  await requireMembership(actor, conversationId);
  const rows = await db.message.findMany({
    where: { conversationId, ...(before !== undefined ? { id: { lt: BigInt(before) } } : {}) },
    orderBy: { id: "desc" },
    take: HISTORY_PAGE_SIZE + 1,
    select: messageSelect,
  });
  return { messages: rows.slice(0, HISTORY_PAGE_SIZE).reverse().map(toMessagePayload), hasOlder: rows.length > HISTORY_PAGE_SIZE };
}
