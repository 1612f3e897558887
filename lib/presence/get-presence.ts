import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { assertCanMessage } from "@/lib/messaging/membership";
import { recordId } from "@/lib/messaging/schemas";
import { sharesConversationWith } from "@/lib/presence/presence-peers";
import { onlineUsers } from "@/lib/presence/presence-store";
import { parseInput } from "@/lib/validation";

export const getPresenceSchema = z.object({
  userIds: z.array(recordId("Kullanıcı")).min(1, "En az bir kullanıcı gerekli.").max(100, "Bir seferde en fazla 100 kullanıcı sorulabilir."),
});

export type PresenceAnswer = { online: Record<string, boolean>; lastSeenAt: Record<string, string | null> };

/**
 * Online state and last-seen time of the given users, as far as the actor may know it: a user who does not
 * share a conversation with the actor, or who hides their presence, is reported offline with no last-seen time.
 */
export async function getPresence(actor: Actor, input: unknown): Promise<PresenceAnswer> {
  assertCanMessage(actor);
  const userIds = [...new Set(parseInput(getPresenceSchema, input).userIds)];
  const peers = await sharesConversationWith(actor.id, userIds);
  const visible = await db.user.findMany({
    where: { id: { in: [...peers] }, showPresence: true },
    select: { id: true, lastSeenAt: true },
  });
  const online = await onlineUsers(visible.map((u) => u.id));
  const answer: PresenceAnswer = { online: {}, lastSeenAt: {} };
  for (const id of userIds) {
    answer.online[id] = online.has(id);
    answer.lastSeenAt[id] = null;
  }
  for (const user of visible) answer.lastSeenAt[user.id] = user.lastSeenAt?.toISOString() ?? null;
  return answer;
}
