"use client";

import { useCallback, useEffect, useRef, type RefObject } from "react";
import type { Socket } from "socket.io-client";
import { ACK_TIMEOUT_MS, keyOf, newClientId, newestId, type Ack, type ChatItem } from "@/components/chat/chat-items";
import { addToOutbox, readOutbox, removeFromOutbox } from "@/components/chat/chat-outbox";
import type { ConversationView } from "@/lib/messaging/get-conversation";
import type { AttachmentPayload, MessagePayload } from "@/lib/messaging/message-payload";

const MAX_AUTOMATIC_ATTEMPTS = 4;

type Items = {
  itemsRef: RefObject<Map<string, ChatItem>>;
  apply: (change: (current: Map<string, ChatItem>) => Map<string, ChatItem>) => void;
  upsert: (incoming: MessagePayload[]) => void;
  patch: (key: string, change: Partial<ChatItem>) => void;
};

/**
 * Sending and catching up. A message is kept in the outbox (localStorage) until acked and retried with the same
 * clientId (the server stores it once); a file is uploaded first. On every (re)connect the tab asks `sync` for
 * what it missed, refreshes the peer's read position and resends what is pending (docs/realtime.md).
 */
export function useMessageSender(
  socket: Socket | null,
  conversation: ConversationView,
  meId: string,
  { itemsRef, apply, upsert, patch }: Items,
  receipts: { markRead: () => void; peerReadUpTo: (id: number) => void },
  /** the server refused the text itself (contact details before an assignment): it goes back to the box */
  onRefused: (body: string, message: string) => void,
) {
  const conversationId = conversation.id;
  const attempts = useRef(new Map<string, number>());
  const inFlight = useRef(new Set<string>());
  const files = useRef(new Map<string, File>());

  const transmitRef = useRef<(key: string) => void>(() => undefined);
  const transmit = useCallback(
    (key: string) => {
      const item = itemsRef.current.get(key);
      if (!item || item.id !== null || !socket?.connected || inFlight.current.has(key)) return;
      inFlight.current.add(key);
      const payload = { conversationId, clientId: item.clientId, body: item.body, ...(item.attachment ? { attachmentId: item.attachment.id } : {}) };
      socket.timeout(ACK_TIMEOUT_MS).emit("message:send", payload, (timeout: Error | null, ack: Ack<{ message: MessagePayload }>) => {
        inFlight.current.delete(key);
        if (!timeout) {
          if (ack.ok) {
            attempts.current.delete(key);
            removeFromOutbox(conversationId, meId, item.clientId);
            upsert([ack.message]);
            return;
          }
          if (ack.error.code === "VALIDATION" && ack.error.fieldErrors?.body && !item.attachment) {
            attempts.current.delete(key);
            removeFromOutbox(conversationId, meId, item.clientId);
            apply((current) => {
              const next = new Map(current);
              next.delete(key);
              return next;
            });
            onRefused(item.body, ack.error.message);
            return;
          }
          if (ack.error.code !== "INTERNAL") {
            patch(key, { status: "failed", error: ack.error.message });
            return;
          }
        }
        // no answer (or a server error): the message may be stored already, so the same clientId goes again;
        // while offline the reconnect sends it
        const tries = (attempts.current.get(key) ?? 0) + 1;
        attempts.current.set(key, tries);
        if (tries >= MAX_AUTOMATIC_ATTEMPTS) patch(key, { status: "failed", error: "Gönderilemedi." });
        else if (socket.connected) setTimeout(() => transmitRef.current(key), 500 * 2 ** tries);
      });
    },
    [socket, conversationId, meId, upsert, patch, itemsRef, apply, onRefused],
  );
  useEffect(() => {
    transmitRef.current = transmit;
  }, [transmit]);

  const transmitPending = useCallback(() => {
    for (const [key, item] of itemsRef.current) if (item.status === "pending" && item.id === null && item.senderId === meId) transmit(key);
  }, [transmit, meId, itemsRef]);

  const { markRead, peerReadUpTo } = receipts;
  const catchUp = useCallback(async () => {
    if (!socket?.connected) return;
    for (let round = 0; round < 20; round++) {
      const ack = (await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck("sync", { after: { [conversationId]: newestId(itemsRef.current) } })
        .catch(() => null)) as Ack<{ messages: MessagePayload[]; more: string[] }> | null;
      if (!ack?.ok) break;
      upsert(ack.messages);
      if (!ack.more.includes(conversationId)) break;
    }
    socket.emit("conversation:open", { peerId: conversation.peer.id, jobId: conversation.jobId ?? undefined }, (ack: Ack<{ conversation: ConversationView }>) => {
      if (ack.ok) peerReadUpTo(ack.conversation.peerLastReadMessageId);
    });
    transmitPending();
    markRead();
  }, [socket, conversationId, conversation.peer.id, conversation.jobId, upsert, transmitPending, markRead, peerReadUpTo, itemsRef]);

  useEffect(() => {
    if (!socket) return;
    // messages unsent when the page was last closed
    const outbox = readOutbox(conversationId, meId);
    if (outbox.length) {
      apply((current) => {
        const next = new Map(current);
        for (const e of outbox) {
          const key = `${meId}:${e.clientId}`;
          if (!next.has(key)) next.set(key, { ...e, id: null, conversationId, senderId: meId, status: "pending" });
        }
        return next;
      });
    }
    socket.on("connect", catchUp);
    if (socket.connected) void catchUp();
    return () => {
      socket.off("connect", catchUp);
    };
  }, [socket, catchUp, apply, conversationId, meId]);

  const enqueue = (clientId: string, body: string, attachment: AttachmentPayload | null) => {
    const item: ChatItem = { id: null, clientId, conversationId, senderId: meId, body, attachment, createdAt: new Date().toISOString(), status: "pending" };
    addToOutbox(conversationId, meId, { clientId, body, attachment, createdAt: item.createdAt });
    const key = keyOf(item);
    apply((current) => new Map(current).set(key, item));
    transmit(key);
  };

  const upload = async (key: string, chosen: File): Promise<AttachmentPayload | null> => {
    const response = await fetch(`/api/ekler?konusma=${encodeURIComponent(conversationId)}&ad=${encodeURIComponent(chosen.name)}`, {
      method: "POST",
      body: chosen,
    }).catch(() => null);
    const json = response ? ((await response.json().catch(() => null)) as { attachment?: AttachmentPayload; error?: { message: string } } | null) : null;
    if (!response?.ok || !json?.attachment) {
      // no answer, a server error or the rate limit may pass; a refused file (type, size) will not
      const retryable = !response || response.status >= 500 || response.status === 429;
      patch(key, { status: "failed", error: json?.error?.message ?? "Dosya yüklenemedi.", retryable });
      return null;
    }
    return json.attachment;
  };

  /** Sends a text, or a file (uploaded first) with the text as its caption. */
  const send = async (body: string, file: File | null) => {
    if (!file) return enqueue(newClientId(), body, null);
    const clientId = newClientId();
    const key = `${meId}:${clientId}`;
    files.current.set(key, file);
    const placeholder: ChatItem = { id: null, clientId, conversationId, senderId: meId, body, attachment: null, createdAt: new Date().toISOString(), status: "pending" };
    apply((current) => new Map(current).set(key, placeholder));
    const attachment = await upload(key, file);
    if (!attachment) return;
    files.current.delete(key);
    enqueue(clientId, body, attachment);
  };

  /** A failed message tapped: uploaded again if its file never went, then sent with the same clientId. */
  const retry = (item: ChatItem) => {
    const key = keyOf(item);
    attempts.current.delete(key);
    patch(key, { status: "pending", error: undefined });
    const pendingFile = files.current.get(key);
    if (pendingFile && !item.attachment) {
      void upload(key, pendingFile).then((attachment) => {
        if (!attachment) return;
        files.current.delete(key);
        enqueue(item.clientId, item.body, attachment);
      });
      return;
    }
    transmit(key);
  };

  return { send, retry };
}
