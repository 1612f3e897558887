import type { AttachmentPayload } from "@/lib/messaging/message-payload";

// Unacknowledged sends of one conversation, kept in localStorage so a reload or a closed tab still retries
// them with the same clientId (the server stores each clientId once).
export type OutboxEntry = { clientId: string; body: string; attachment: AttachmentPayload | null; createdAt: string };

const keyOf = (conversationId: string, userId: string) => `tevkil:outbox:${userId}:${conversationId}`;

export function readOutbox(conversationId: string, userId: string): OutboxEntry[] {
  try {
    return JSON.parse(localStorage.getItem(keyOf(conversationId, userId)) ?? "[]") as OutboxEntry[];
  } catch {
    return [];
  }
}

function write(conversationId: string, userId: string, entries: OutboxEntry[]) {
  try {
    if (entries.length) localStorage.setItem(keyOf(conversationId, userId), JSON.stringify(entries));
    else localStorage.removeItem(keyOf(conversationId, userId));
  } catch {
    // storage full or disabled: retries then last only as long as the page
  }
}

export function addToOutbox(conversationId: string, userId: string, entry: OutboxEntry) {
  write(conversationId, userId, [...readOutbox(conversationId, userId).filter((e) => e.clientId !== entry.clientId), entry]);
}

export function removeFromOutbox(conversationId: string, userId: string, clientId: string) {
  write(conversationId, userId, readOutbox(conversationId, userId).filter((e) => e.clientId !== clientId));
}
