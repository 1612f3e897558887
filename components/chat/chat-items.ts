import type { MessagePayload } from "@/lib/messaging/message-payload";

export type MessageStatus = "pending" | "sent" | "failed";
/** A message on screen. `retryable: false`: a failure a retry cannot fix (a file type or size the server refuses) */
export type ChatItem = Omit<MessagePayload, "id"> & { id: number | null; status: MessageStatus; error?: string; retryable?: boolean };
export type Ack<T> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string; fieldErrors?: Record<string, string[]> } };

export const ACK_TIMEOUT_MS = 8_000;

export const keyOf = (m: { senderId: string; clientId: string }) => `${m.senderId}:${m.clientId}`;

export const newClientId = (): string => crypto.randomUUID();

/** Server order (by id); messages still without an id follow in the order they were written. */
export function ordered(items: Map<string, ChatItem>): ChatItem[] {
  return [...items.values()].sort((a, b) => {
    if (a.id !== null && b.id !== null) return a.id - b.id;
    if (a.id !== null) return -1;
    if (b.id !== null) return 1;
    return a.createdAt.localeCompare(b.createdAt);
  });
}

/** The newest stored id among the items (0 when none). */
export const newestId = (items: Map<string, ChatItem>) => Math.max(0, ...[...items.values()].map((m) => m.id ?? 0));
