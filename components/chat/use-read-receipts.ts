"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { Socket } from "socket.io-client";
import { newestId, type Ack, type ChatItem } from "@/components/chat/chat-items";
import { useSocketEvent } from "@/components/realtime/socket-provider";
import type { ReadReceipt } from "@/lib/messaging/mark-conversation-read";

/**
 * Read receipts both ways: the newest message on screen is marked read while this tab is visible (at most every
 * 250 ms), and the peer's read position moves forward from their receipts (never back).
 */
export function useReadReceipts(
  socket: Socket | null,
  conversationId: string,
  peerId: string,
  itemsRef: RefObject<Map<string, ChatItem>>,
  initial: { mine: number; peer: number },
) {
  const [peerRead, setPeerRead] = useState(initial.peer);
  const readSent = useRef(initial.mine);
  const readTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const markRead = useCallback(() => {
    if (readTimer.current) clearTimeout(readTimer.current);
    readTimer.current = setTimeout(() => {
      if (!socket?.connected || document.visibilityState !== "visible") return;
      const newest = newestId(itemsRef.current);
      if (newest <= readSent.current) return;
      socket.emit("conversation:read", { conversationId, lastReadMessageId: newest }, (ack: Ack<{ lastReadMessageId: number }>) => {
        if (ack.ok) readSent.current = Math.max(readSent.current, ack.lastReadMessageId);
      });
    }, 250);
  }, [socket, conversationId, itemsRef]);

  const peerReadUpTo = useCallback((id: number) => setPeerRead((current) => Math.max(current, id)), []);

  useSocketEvent<ReadReceipt>("conversation:read", (receipt) => {
    if (receipt.conversationId !== conversationId) return;
    if (receipt.userId === peerId) peerReadUpTo(receipt.lastReadMessageId);
    else readSent.current = Math.max(readSent.current, receipt.lastReadMessageId);
  });

  useEffect(() => {
    const onVisible = () => markRead();
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [markRead]);

  return { peerRead, peerReadUpTo, markRead };
}
