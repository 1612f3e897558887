import { getWriterPool } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { metrics } from "@/lib/observability/metrics";

export type NewMessage = { conversationId: string; senderId: string; clientId: string; body: string; attachmentId: string | null };
/** A stored message and its conversation's members (the sender among them: a non-member's row is not stored). */
export type InsertedMessage = { id: string; createdAt: Date; memberIds: string[] };

// Sends that arrive while earlier statements are in flight are stored together: one statement and one commit
// (one WAL flush) for the whole group instead of one per message. A lone send goes out at once, so batching
// costs nothing at low load. Each send still resolves only after its row is committed.
//
// The statement locks every conversation it writes to (in id order, so concurrent batches cannot deadlock)
// before any row draws its id from the sequence; within a conversation ids therefore grow in commit order and
// "everything after id X" never misses a message that commits later. Rows are inserted in arrival order and
// the time is taken under the lock (clock_timestamp), so times never run backwards against ids. A row that
// conflicts with a stored (sender, clientId), or whose sender is not a member of its conversation, is skipped and
// resolves to null; a stored row comes back with its conversation's members, so a send whose members this process
// has not cached yet needs no read of its own (after a deploy, that read was as costly as the INSERTs).
const INSERT_BATCH = `
  WITH input AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY
      AS t(conversation_id, sender_id, client_id, body, attachment_id, ord)
  ), locked AS (
    SELECT id FROM "Conversation" WHERE id IN (
      SELECT conversation_id FROM input i
      WHERE EXISTS (SELECT 1 FROM "ConversationMember" s WHERE s."conversationId" = i.conversation_id AND s."userId" = i.sender_id)
    ) ORDER BY id FOR UPDATE
  ), inserted AS (
    INSERT INTO "Message" ("conversationId", "senderId", "clientId", body, "attachmentId", "createdAt")
    SELECT i.conversation_id, i.sender_id, i.client_id, i.body, i.attachment_id, clock_timestamp()
    FROM input i JOIN locked l ON l.id = i.conversation_id
    ORDER BY i.ord
    ON CONFLICT DO NOTHING
    RETURNING id, "conversationId", "senderId", "clientId", "createdAt"
  ), latest AS (
    SELECT DISTINCT ON ("conversationId") "conversationId", id, "createdAt" FROM inserted ORDER BY "conversationId", id DESC
  ), conversations AS (
    UPDATE "Conversation" c SET "lastMessageId" = latest.id, "lastMessageAt" = latest."createdAt"
    FROM latest WHERE c.id = latest."conversationId"
  ), members AS (
    -- per member of a written conversation: the last message they sent in this batch, and what others sent
    SELECT mm."conversationId", mm."userId",
           max(i.id) FILTER (WHERE i."senderId" = mm."userId") AS own_last,
           count(*) FILTER (WHERE i."senderId" <> mm."userId") AS from_others
    FROM "ConversationMember" mm JOIN inserted i ON i."conversationId" = mm."conversationId"
    GROUP BY mm."conversationId", mm."userId"
  ), member_updates AS (
    -- one UPDATE per member row (a statement may not update a row twice): a sender has read up to their own
    -- last message, so their unread count restarts from what others sent after it; the others' count grows
    UPDATE "ConversationMember" m SET
      "lastReadMessageId" = GREATEST(m."lastReadMessageId", COALESCE(members.own_last, 0)),
      "unreadCount" = CASE WHEN members.own_last IS NULL THEN m."unreadCount" + members.from_others
        ELSE (SELECT count(*) FROM inserted i
              WHERE i."conversationId" = m."conversationId" AND i."senderId" <> m."userId" AND i.id > members.own_last) END
    FROM members WHERE m."conversationId" = members."conversationId" AND m."userId" = members."userId"
  )
  SELECT id::text AS id, "senderId", "clientId", "createdAt",
         ARRAY(SELECT cm."userId" FROM "ConversationMember" cm WHERE cm."conversationId" = inserted."conversationId") AS "memberIds"
  FROM inserted`;

const MAX_BATCH = 200;
// statements in flight at once per process. One: the sends that arrive while it runs form the next, larger batch.
// Measured at 10,000 sockets and 2,000 msg/s (npm run bench -- --only messages): 4 at once took 0.5 ms of
// PostgreSQL CPU per message and p99 119-167 ms (overlapping batches wait on each other's conversation locks);
// 1 at once took 69 % of a core instead of 85-98 % and p99 59 ms. MESSAGE_SEND_CONCURRENT_BATCHES overrides it.
const MAX_CONCURRENT_BATCHES = Number(process.env.MESSAGE_SEND_CONCURRENT_BATCHES ?? 1);
// sends waiting for a statement in this process; past this a send is refused at once (the client retries with
// the same clientId) instead of queueing without bound, which turns overload into memory growth and timeouts
const MAX_QUEUED = Number(process.env.MESSAGE_SEND_MAX_PENDING ?? 2_000);

type Waiting = NewMessage & { resolve: (row: InsertedMessage | null) => void; reject: (error: unknown) => void };

const queue: Waiting[] = [];
let inFlight = 0;
metrics().sources.pendingSends = () => queue.length;

async function runBatch(batch: Waiting[]): Promise<void> {
  const column = (pick: (m: Waiting) => string | null) => batch.map(pick);
  // a named statement is parsed and planned once per connection (planning this statement took ~1.2 ms of
  // PostgreSQL CPU, per batch); unnamed where a transaction-mode pooler cannot keep it (DB_PREPARED_STATEMENTS)
  const { rows } = await getWriterPool(MAX_CONCURRENT_BATCHES).query<{ id: string; senderId: string; clientId: string; createdAt: Date; memberIds: string[] }>({
    ...(env().DB_PREPARED_STATEMENTS ? { name: "tevkil_insert_messages" } : {}),
    text: INSERT_BATCH,
    values: [
      column((m) => m.conversationId),
      column((m) => m.senderId),
      column((m) => m.clientId),
      column((m) => m.body),
      column((m) => m.attachmentId),
    ],
  });
  metrics().messagesStored.inc(rows.length);
  const byKey = new Map(rows.map((r) => [`${r.senderId}\u0000${r.clientId}`, r]));
  for (const m of batch) {
    const row = byKey.get(`${m.senderId}\u0000${m.clientId}`);
    // a clientId sent twice in one batch: the first copy is stored, the second resolves as a conflict
    byKey.delete(`${m.senderId}\u0000${m.clientId}`);
    m.resolve(row ? { id: row.id, createdAt: row.createdAt, memberIds: row.memberIds } : null);
  }
}

// a statement starts at most this often per process; the sends arriving meanwhile wait and join it. A send after a
// quiet spell goes out at once. Measured at 10,000 sockets and 2,000 msg/s (npm run bench -- --only messages,
// paired runs 2026-12-08 03:38-03:46 UTC): 5 ms cut the statements from 0.2-0.27 to 0.08-0.09 per message, and
// p99 85.4 / 44 / 66.5 ms against 174.6 / 82.2 / 96.8 without (10 ms: PostgreSQL 18-20 % of a core against 30 %,
// p99 77.2 / 119.5). Each commit wakes PostgreSQL and flushes its WAL: fewer of them leave the cores to the
// sockets. MESSAGE_SEND_BATCH_INTERVAL_MS overrides it (0: a statement whenever the last one is done).
const MIN_BATCH_INTERVAL_MS = Number(process.env.MESSAGE_SEND_BATCH_INTERVAL_MS ?? 5);
let lastBatchAt = -Infinity;
let pumpTimer: NodeJS.Timeout | null = null;

function pump(): void {
  while (inFlight < MAX_CONCURRENT_BATCHES && queue.length > 0) {
    const wait = lastBatchAt + MIN_BATCH_INTERVAL_MS - performance.now();
    if (wait > 0) {
      pumpTimer ??= setTimeout(() => {
        pumpTimer = null;
        pump();
      }, wait);
      return;
    }
    lastBatchAt = performance.now();
    const batch = queue.splice(0, MAX_BATCH);
    inFlight++;
    runBatch(batch)
      .catch((error) => {
        for (const m of batch) m.reject(error);
      })
      .finally(() => {
        inFlight--;
        pump();
      });
  }
}

/**
 * Stores one message (batched with concurrent sends); null when its (sender, clientId) was already stored, or its
 * sender is not a member of the conversation, or the conversation does not exist.
 */
export function insertMessage(message: NewMessage): Promise<InsertedMessage | null> {
  if (queue.length >= MAX_QUEUED) {
    return Promise.reject(
      new AppError("RATE_LIMITED", "Sunucu şu anda çok yoğun. Mesajınız birkaç saniye içinde yeniden gönderilecek.", { retryAfterSeconds: 2 }),
    );
  }
  return new Promise((resolve, reject) => {
    queue.push({ ...message, resolve, reject });
    pump();
  });
}
