// The wire shape of messages and conversations. Message ids are PostgreSQL BIGINTs sent as JSON numbers:
// a sequence would need 2^53 messages to leave the safe-integer range, and numbers compare correctly in clients.

export type AttachmentPayload = { id: string; fileName: string; mimeType: string; sizeBytes: number };

export type MessagePayload = {
  id: number;
  conversationId: string;
  senderId: string;
  clientId: string;
  body: string;
  /** ISO 8601, UTC */
  createdAt: string;
  attachment: AttachmentPayload | null;
};

export type MessageRow = {
  id: bigint | number;
  conversationId: string;
  senderId: string;
  clientId: string;
  body: string;
  createdAt: Date;
  attachment?: AttachmentPayload | null;
};

export function messageId(value: bigint | number): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id)) throw new Error(`message id ${value} is beyond the JSON-safe range`);
  return id;
}

export function toMessagePayload(row: MessageRow): MessagePayload {
  return {
    id: messageId(row.id),
    conversationId: row.conversationId,
    senderId: row.senderId,
    clientId: row.clientId,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    attachment: row.attachment ?? null,
  };
}

/** Prisma select for a message with its attachment, shared by every query that returns messages. */
export const messageSelect = {
  id: true,
  conversationId: true,
  senderId: true,
  clientId: true,
  body: true,
  createdAt: true,
  attachment: { select: { id: true, fileName: true, mimeType: true, sizeBytes: true } },
} as const;
