"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { formatListTime, initials } from "@/components/chat/format";
import { PresenceDot } from "@/components/chat/presence-dot";
import { usePresence } from "@/components/chat/use-presence";
import { useSocket, useSocketEvent } from "@/components/realtime/socket-provider";
import styles from "@/components/chat/chat.module.css";
import type { ConversationListItem } from "@/lib/messaging/list-conversations";
import type { MessagePayload } from "@/lib/messaging/message-payload";
import type { ReadReceipt } from "@/lib/messaging/mark-conversation-read";

/** The conversations page's list, kept current by `message:new` and `conversation:read` without reloading. */
export function ConversationList({ initial, meId }: { initial: ConversationListItem[]; meId: string }) {
  const router = useRouter();
  const socket = useSocket();
  const [items, setItems] = useState(initial);
  const presence = usePresence(items.map((c) => c.peer.id));
  const connectedOnce = useRef(socket?.connected ?? false);

  // a refreshed server render brings a new list: adopt it (React's "adjust state when a prop changes")
  const [rendered, setRendered] = useState(initial);
  if (rendered !== initial) {
    setRendered(initial);
    setItems(initial);
  }

  // after a reconnect, anything (even a new conversation) may have been missed: render the list anew, once
  useEffect(() => {
    const onConnect = () => {
      if (connectedOnce.current) router.refresh();
      connectedOnce.current = true;
    };
    socket?.on("connect", onConnect);
    return () => {
      socket?.off("connect", onConnect);
    };
  }, [socket, router]);

  useSocketEvent<MessagePayload>("message:new", (message) => {
    const known = items.find((c) => c.id === message.conversationId);
    if (!known) {
      router.refresh(); // a conversation this page has not listed yet
      return;
    }
    if (message.id <= known.lastMessage.id) return;
    const updated: ConversationListItem = {
      ...known,
      lastMessage: { id: message.id, senderId: message.senderId, preview: message.body.slice(0, 140), hasAttachment: !!message.attachment, createdAt: message.createdAt },
      unread: message.senderId === meId ? known.unread : known.unread + 1,
    };
    setItems((current) => [updated, ...current.filter((c) => c.id !== message.conversationId)]);
  });

  useSocketEvent<ReadReceipt>("conversation:read", (receipt) => {
    if (receipt.userId !== meId) return;
    setItems((current) =>
      current.map((c) => (c.id === receipt.conversationId && receipt.lastReadMessageId >= c.lastMessage.id ? { ...c, unread: 0 } : c)),
    );
  });

  if (items.length === 0) return <p className="empty">Henüz bir yazışmanız yok. Bir ilandan ya da avukat profilinden mesaj gönderebilirsiniz.</p>;
  return (
    <ul className={styles.list}>
      {items.map((c) => (
        <li key={c.id} className={styles.item} data-testid="conversation-item" data-conversation-id={c.id}>
          <Link className={styles.itemLink} href={`/mesajlar/${c.id}`}>
            <span className={styles.avatar} aria-hidden="true">
              {initials(c.peer.fullName)}
              <PresenceDot online={presence[c.peer.id]?.online ?? false} />
            </span>
            <span className={styles.itemMain}>
              <span className={styles.itemTop}>
                <span className={styles.itemName}>{c.peer.fullName}</span>
                <time className={styles.itemTime} dateTime={c.lastMessage.createdAt}>{formatListTime(c.lastMessage.createdAt)}</time>
              </span>
              {c.jobTitle && <span className={styles.itemJob}>İlan: {c.jobTitle}</span>}
              <span className={styles.itemPreview}>
                {c.lastMessage.senderId === meId ? "Siz: " : ""}
                {c.lastMessage.hasAttachment ? "Ek: " : ""}
                {c.lastMessage.preview}
              </span>
            </span>
            {c.unread > 0 && (
              <span className={styles.unreadPill} data-testid="conversation-unread" aria-label={`${c.unread} okunmamış`}>
                {c.unread >= 100 ? "99+" : c.unread}
              </span>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
