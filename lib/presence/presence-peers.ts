import { db } from "@/lib/db";

/** Users who share at least one conversation with the user: the only ones told about their presence. */
export async function conversationPeers(userId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ userId: string }[]>`
    SELECT DISTINCT peer."userId"
    FROM "ConversationMember" me
    JOIN "ConversationMember" peer ON peer."conversationId" = me."conversationId" AND peer."userId" <> me."userId"
    WHERE me."userId" = ${userId}`;
  return rows.map((r) => r.userId);
}

/** Which of `userIds` share a conversation with the user. */
export async function sharesConversationWith(userId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db.$queryRaw<{ userId: string }[]>`
    SELECT DISTINCT peer."userId"
    FROM "ConversationMember" me
    JOIN "ConversationMember" peer ON peer."conversationId" = me."conversationId"
    WHERE me."userId" = ${userId} AND peer."userId" = ANY(${userIds}::text[]) AND peer."userId" <> me."userId"`;
  return new Set(rows.map((r) => r.userId));
}
