import { db } from "@/lib/db";
import { broadcastToUsers } from "@/lib/messaging/delivery";
import { conversationPeers } from "@/lib/presence/presence-peers";

export type PresencePayload = { userId: string; online: boolean; lastSeenAt: string | null };

/** Tells the users who share a conversation with this one that they came online or went offline. */
export async function announcePresence(userId: string, online: boolean): Promise<void> {
  const user = online
    ? await db.user.findUnique({ where: { id: userId }, select: { showPresence: true, lastSeenAt: true } })
    : await db.user.update({ where: { id: userId }, data: { lastSeenAt: new Date() }, select: { showPresence: true, lastSeenAt: true } });
  // a user who hides their presence is never announced (their last-seen time is still kept for themselves)
  if (!user?.showPresence) return;
  const payload: PresencePayload = { userId, online, lastSeenAt: user.lastSeenAt?.toISOString() ?? null };
  broadcastToUsers(await conversationPeers(userId), "presence", payload);
}
