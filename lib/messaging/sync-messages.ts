import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { assertCanMessage } from "@/lib/messaging/membership";
import { toMessagePayload, type MessagePayload } from "@/lib/messaging/message-payload";
import { messageIdSchema } from "@/lib/messaging/schemas";
import { parseInput } from "@/lib/validation";

export const SYNC_MAX_CONVERSATIONS = 100;
/** At most this many messages per conversation per call; `more` names the conversations to ask again. */
export const SYNC_PAGE_SIZE = 500;

export const syncMessagesSchema = z.object({
  after: z
    .record(z.string().min(1).max(64), messageIdSchema, { error: "Konuşma başına son mesaj numarası gerekli." })
    .refine((after) => Object.keys(after).length <= SYNC_MAX_CONVERSATIONS, `Bir seferde en fazla ${SYNC_MAX_CONVERSATIONS} konuşma eşitlenebilir.`),
});

type Row = {
  id: bigint;
  conversationId: string;
  senderId: string;
  clientId: string;
  body: string;
  createdAt: Date;
  attachmentId: string | null;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
};

/**
 * What the actor missed: for each conversation, the messages with an id above the one given, ordered by id.
 * Answered from PostgreSQL (one index range per conversation), so it is right whichever instance went down.
 */
export async function syncMessages(actor: Actor, input: unknown): Promise<{ messages: MessagePayload[]; more: string[] }> {
  assertCanMessage(actor);
  const { after } = parseInput(syncMessagesSchema, input);
  const conversationIds = Object.keys(after);
  if (conversationIds.length === 0) return { messages: [], more: [] };

  const memberships = await db.conversationMember.count({ where: { userId: actor.id, conversationId: { in: conversationIds } } });
  if (memberships !== conversationIds.length) throw forbidden("Bu konuşmanın üyesi değilsiniz.");

  const rows = await db.$queryRaw<Row[]>`
    SELECT m.id, m."conversationId", m."senderId", m."clientId", m.body, m."createdAt",
           a.id AS "attachmentId", a."fileName", a."mimeType", a."sizeBytes"
    FROM unnest(${conversationIds}::text[], ${conversationIds.map((id) => String(after[id]))}::bigint[]) AS since("conversationId", "afterId")
    CROSS JOIN LATERAL (
      SELECT * FROM "Message" x
      WHERE x."conversationId" = since."conversationId" AND x.id > since."afterId"
      ORDER BY x.id
      LIMIT ${SYNC_PAGE_SIZE + 1}
    ) m
    LEFT JOIN "Attachment" a ON a.id = m."attachmentId"
    ORDER BY m.id`;

  const perConversation = new Map<string, number>();
  const more = new Set<string>();
  const messages: MessagePayload[] = [];
  for (const row of rows) {
    const count = (perConversation.get(row.conversationId) ?? 0) + 1;
    perConversation.set(row.conversationId, count);
    if (count > SYNC_PAGE_SIZE) {
      more.add(row.conversationId);
      continue;
    }
    messages.push(
      toMessagePayload({
        ...row,
        attachment: row.attachmentId
          ? { id: row.attachmentId, fileName: row.fileName!, mimeType: row.mimeType!, sizeBytes: row.sizeBytes! }
          : null,
      }),
    );
  }
  return { messages, more: [...more] };
}
