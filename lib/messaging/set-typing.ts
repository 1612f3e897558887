import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { broadcastToUsers } from "@/lib/messaging/delivery";
import { assertCanMessage, requireMembership } from "@/lib/messaging/membership";
import { recordId } from "@/lib/messaging/schemas";
import { parseInput } from "@/lib/validation";

export const setTypingSchema = z.object({
  conversationId: recordId("Konuşma"),
  typing: z.boolean({ error: "typing true ya da false olmalı." }),
});

/**
 * Relays "is typing" to the other member's tabs. Nothing is stored: clients send it at most every few seconds
 * while typing and drop the indicator by themselves when it is not refreshed.
 */
export async function setTyping(actor: Actor, input: unknown): Promise<Record<string, never>> {
  assertCanMessage(actor);
  const { conversationId, typing } = parseInput(setTypingSchema, input);
  const members = await requireMembership(actor, conversationId);
  broadcastToUsers(
    members.filter((id) => id !== actor.id),
    "typing",
    { conversationId, userId: actor.id, typing },
  );
  return {};
}
