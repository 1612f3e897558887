"use client";

import { useCallback, useRef, useState } from "react";
import { keyOf, type ChatItem } from "@/components/chat/chat-items";
import type { MessagePayload } from "@/lib/messaging/message-payload";

/**
 * The conversation's messages by sender and clientId. Every change goes through `apply`, which updates the state
 * and `itemsRef` together, so callbacks (acks, socket events) always see the latest items.
 */
export function useChatItems(conversationId: string, initialMessages: MessagePayload[]) {
  const [items, setItems] = useState<Map<string, ChatItem>>(() => new Map(initialMessages.map((m) => [keyOf(m), { ...m, status: "sent" }])));
  const itemsRef = useRef(items);
  const apply = useCallback((change: (current: Map<string, ChatItem>) => Map<string, ChatItem>) => {
    itemsRef.current = change(itemsRef.current);
    setItems(itemsRef.current);
  }, []);

  const upsert = useCallback(
    (incoming: MessagePayload[]) => {
      if (incoming.length === 0) return;
      apply((current) => {
        const next = new Map(current);
        for (const m of incoming) if (m.conversationId === conversationId) next.set(keyOf(m), { ...m, status: "sent" });
        return next;
      });
    },
    [apply, conversationId],
  );

  const patch = useCallback(
    (key: string, change: Partial<ChatItem>) => {
      apply((current) => {
        const item = current.get(key);
        return item ? new Map(current).set(key, { ...item, ...change }) : current;
      });
    },
    [apply],
  );

  return { items, itemsRef, apply, upsert, patch };
}
