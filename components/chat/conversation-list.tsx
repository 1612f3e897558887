"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatListTime, initials } from "@/components/chat/format";
import { PresenceDot } from "@/components/chat/presence-dot";
import { usePresence } from "@/components/chat/use-presence";
import { useSocket, useSocketEvent } from "@/components/realtime/socket-provider";
import { useViewer } from "@/components/viewer/viewer-provider";
import styles from "@/components/chat/chat.module.css";
import type { ConversationListItem } from "@/lib/messaging/list-conversations";
import type { MessagePayload } from "@/lib/messaging/message-payload";
import type { ReadReceipt } from "@/lib/messaging/mark-conversation-read";
import { CONVERSATION_LIST_PATH, type ConversationListAnswer } from "@/lib/messaging/conversation-list-endpoint";

type Loaded = { status: "loaded"; items: ConversationListItem[]; nextCursor: string | null };
type ListState = { status: "loading" } | { status: "failed"; message: string } | Loaded;

/** The first page, fetched in the browser: the page around it is one cached copy shared by every verified lawyer. */
function useFetchedList(enabled: boolean): [ListState, () => void] {
  const [state, setState] = useState<ListState>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    fetch(CONVERSATION_LIST_PATH, { cache: "no-store", signal: controller.signal, headers: { accept: "application/json" } })
      .then(async (response) => {
        const body = (await response.json().catch(() => null)) as (ConversationListAnswer & { error?: { message: string } }) | null;
        if (!response.ok || !body?.conversations) throw new Error(body?.error?.message ?? "Konuşmalar şu an yüklenemedi.");
        setState({ status: "loaded", items: body.conversations, nextCursor: body.nextCursor });
      })
      .catch((error: Error) => {
        // a list already shown stays (offline, the server restarting); a first load says what went wrong
        if (!controller.signal.aborted) setState((current) => (current.status === "loaded" ? current : { status: "failed", message: error.message }));
      });
    return () => controller.abort();
  }, [enabled, generation]);
  return [state, reload];
}

/**
 * The conversations page's list, kept current by `message:new` and `conversation:read` without reloading. Without
 * `initial` (the first page) it fetches the viewer's list itself; older pages are rendered by the server.
 */
export function ConversationList({ initial, meId: renderedMeId }: { initial?: ConversationListItem[]; meId?: string }) {
  const [fetched, reload] = useFetchedList(initial === undefined);
  if (initial !== undefined) return <ListedConversations initial={initial} meId={renderedMeId} reload={null} />;
  if (fetched.status === "loading") return <p className="empty" role="status" aria-busy="true" data-testid="conversations-loading">Konuşmalar yükleniyor…</p>;
  if (fetched.status === "failed") {
    return (
      <div className="empty" role="alert">
        <p>{fetched.message}</p>
        <button type="button" className="button" onClick={reload}>Yeniden dene</button>
      </div>
    );
  }
  return (
    <>
      <ListedConversations initial={fetched.items} meId={renderedMeId} reload={reload} />
      {fetched.nextCursor && (
        <nav className="row" style={{ marginTop: "0.75rem" }}>
          <span className="spacer" />
          <Link href={`/mesajlar?once=${encodeURIComponent(fetched.nextCursor)}`}>Daha eski konuşmalar</Link>
        </nav>
      )}
    </>
  );
}

/** `reload` asks for the list anew (the fetched first page); null: the server renders it again. */
function ListedConversations({ initial, meId: renderedMeId, reload }: { initial: ConversationListItem[]; meId?: string; reload: (() => void) | null }) {
  const router = useRouter();
  const socket = useSocket();
  const viewer = useViewer();
  const meId = renderedMeId ?? viewer?.id;
  const [items, setItems] = useState(initial);
  const presence = usePresence(items.map((c) => c.peer.id));
  const connectedOnce = useRef(socket?.connected ?? false);
  const refresh = reload ?? router.refresh;

  // a refreshed list (a server render or a fetch) brings new items: adopt them (React's "adjust state when a prop changes")
  const [rendered, setRendered] = useState(initial);
  if (rendered !== initial) {
    setRendered(initial);
    setItems(initial);
  }

  // after a reconnect, anything (even a new conversation) may have been missed: load the list anew, once
  useEffect(() => {
    const onConnect = () => {
      if (connectedOnce.current) refresh();
      connectedOnce.current = true;
    };
    socket?.on("connect", onConnect);
    return () => {
      socket?.off("connect", onConnect);
    };
  }, [socket, refresh]);

  useSocketEvent<MessagePayload>("message:new", (message) => {
    const known = items.find((c) => c.id === message.conversationId);
    if (!known) {
      refresh(); // a conversation this page has not listed yet
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
