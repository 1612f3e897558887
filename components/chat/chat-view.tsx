"use client";

import Link from "next/link";
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import { keyOf, ordered } from "@/components/chat/chat-items";
import { formatLastSeen } from "@/components/chat/format";
import { MessageBubble, PaperclipIcon } from "@/components/chat/message-bubble";
import { PresenceDot } from "@/components/chat/presence-dot";
import { useChatItems } from "@/components/chat/use-chat-items";
import { useMessageSender } from "@/components/chat/use-message-sender";
import { usePresence } from "@/components/chat/use-presence";
import { useReadReceipts } from "@/components/chat/use-read-receipts";
import { useTyping } from "@/components/chat/use-typing";
import { useSocket, useSocketConnected, useSocketEvent } from "@/components/realtime/socket-provider";
import styles from "@/components/chat/chat.module.css";
import type { ConversationView } from "@/lib/messaging/get-conversation";
import { loadOlderMessagesAction } from "@/lib/messaging/load-older-messages-action";
import type { MessagePayload } from "@/lib/messaging/message-payload";
import { MESSAGE_BODY_MAX } from "@/lib/messaging/schemas";

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * One conversation: history (scrolling up loads older pages), live messages, sending with an outbox that survives
 * a reload (use-message-sender.ts), read receipts (use-read-receipts.ts), typing (use-typing.ts) and presence.
 */
export function ChatView({
  conversation,
  initialMessages,
  initialHasOlder,
  meId,
}: {
  conversation: ConversationView;
  initialMessages: MessagePayload[];
  initialHasOlder: boolean;
  meId: string;
}) {
  const socket = useSocket();
  const conversationId = conversation.id;
  const peer = conversation.peer;
  const chatItems = useChatItems(conversationId, initialMessages);
  const { items, itemsRef, upsert } = chatItems;
  const [hasOlder, setHasOlder] = useState(initialHasOlder);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [draft, setDraft] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const presence = usePresence([peer.id]);
  const peerPresence = presence[peer.id];
  // while this tab is offline nothing is known about the peer: say so rather than show stale "çevrimiçi"
  const connected = useSocketConnected();

  const receipts = useReadReceipts(socket, conversationId, peer.id, itemsRef, {
    mine: conversation.myLastReadMessageId,
    peer: conversation.peerLastReadMessageId,
  });
  const typing = useTyping(socket, conversationId, peer.id);
  // a refused text (contact details before an assignment) comes back to the box, unless something new was typed
  const onRefused = useCallback((body: string, message: string) => {
    setDraft((current) => (current.trim() ? current : body));
    setNotice(message);
  }, []);
  const sender = useMessageSender(socket, conversation, meId, chatItems, receipts, onRefused);

  useSocketEvent<MessagePayload>("message:new", (message) => {
    if (message.conversationId !== conversationId) return;
    upsert([message]);
    if (message.senderId === peer.id) {
      typing.peerSent();
      receipts.markRead();
    }
  });

  // ---- scrolling: start at the bottom, follow new messages when already there, keep place when older load
  const scroller = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const prependAnchor = useRef<number | null>(null);
  const list = ordered(items);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (prependAnchor.current !== null) {
      el.scrollTop = el.scrollHeight - prependAnchor.current;
      prependAnchor.current = null;
    } else if (stickToBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
  }, [list.length, typing.peerTyping]);

  const loadOlder = useCallback(async () => {
    const oldest = list.find((m) => m.id !== null)?.id;
    if (loadingOlder || !hasOlder || !oldest) return;
    setLoadingOlder(true);
    const result = await loadOlderMessagesAction({ conversationId, before: oldest });
    setLoadingOlder(false);
    if (!result.ok) {
      setNotice(result.error.message);
      return;
    }
    prependAnchor.current = scroller.current ? scroller.current.scrollHeight - scroller.current.scrollTop : null;
    upsert(result.data.messages);
    setHasOlder(result.data.hasOlder);
  }, [list, loadingOlder, hasOlder, conversationId, upsert]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    if (el.scrollTop < 60) void loadOlder();
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text && !file) return;
    if (text.length > MESSAGE_BODY_MAX) {
      setNotice(`Mesaj en fazla ${MESSAGE_BODY_MAX} karakter olabilir.`);
      return;
    }
    setNotice(null);
    typing.stopTyping();
    setDraft("");
    stickToBottom.current = true;
    void sender.send(text || (file?.name ?? ""), file);
    setFile(null);
  };

  const chooseFile = (chosen: File | null) => {
    if (chosen && chosen.size > MAX_UPLOAD_BYTES) {
      setNotice("Dosya en fazla 10 MB olabilir.");
      return;
    }
    setNotice(null);
    setFile(chosen);
  };

  return (
    <section className={styles.chat} aria-label={`${peer.fullName} ile yazışma`}>
      <header className={styles.chatHeader}>
        <Link href="/mesajlar" className={styles.back} aria-label="Mesajlara dön">
          ‹
        </Link>
        <div style={{ minWidth: 0 }}>
          <h1 className={styles.peerName}>
            {peer.fullName} <PresenceDot online={connected && (peerPresence?.online ?? false)} />
          </h1>
          <div className={styles.peerState} data-testid="peer-state">
            {!connected ? "bağlantı bekleniyor" : peerPresence?.online ? "çevrimiçi" : formatLastSeen(peerPresence?.lastSeenAt ?? null)}
            {conversation.jobTitle ? ` · İlan: ${conversation.jobTitle}` : ""}
          </div>
        </div>
      </header>
      {!connected && (
        <p className={styles.offline} role="status" data-testid="chat-offline">
          Bağlantı yok, yeniden bağlanılıyor… Yazdıklarınız bağlantı gelince gönderilir.
        </p>
      )}

      <div className={styles.scroller} ref={scroller} onScroll={onScroll} data-testid="message-list">
        {hasOlder && (
          <button type="button" className={`button button-secondary ${styles.older}`} onClick={() => void loadOlder()} disabled={loadingOlder}>
            {loadingOlder ? "Yükleniyor…" : "Daha eski mesajlar"}
          </button>
        )}
        {list.length === 0 && <p className="empty">Henüz mesaj yok. İlk mesajı siz yazın.</p>}
        {list.map((m) => (
          <MessageBubble key={keyOf(m)} message={m} mine={m.senderId === meId} readByPeer={m.id !== null && m.id <= receipts.peerRead} onRetry={sender.retry} />
        ))}
      </div>

      <div className={styles.typing} aria-live="polite" data-testid="typing-indicator">
        {typing.peerTyping ? `${peer.fullName} yazıyor…` : ""}
      </div>
      {notice && (
        <p className={styles.error} role="alert" data-testid="chat-notice">
          {notice}
        </p>
      )}
      {file && (
        <div className={styles.pendingFile}>
          <PaperclipIcon /> {file.name}
          <button type="button" className="button button-secondary" onClick={() => setFile(null)}>
            Kaldır
          </button>
        </div>
      )}
      <form className={styles.composer} onSubmit={submit}>
        <label className={styles.fileButton} title="Dosya ekle (PDF veya resim, en fazla 10 MB)">
          <PaperclipIcon />
          <span className={styles.visuallyHidden}>Dosya ekle</span>
          <input type="file" accept="application/pdf,image/png,image/jpeg,image/gif,image/webp" onChange={(e) => chooseFile(e.target.files?.[0] ?? null)} data-testid="attachment-input" />
        </label>
        <label htmlFor="message-input" className={styles.visuallyHidden}>
          Mesaj
        </label>
        <textarea
          id="message-input"
          rows={1}
          value={draft}
          placeholder="Mesajınızı yazın"
          maxLength={MESSAGE_BODY_MAX + 100}
          onChange={(e) => {
            setDraft(e.target.value);
            typing.typed(e.target.value, e.timeStamp);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) submit(e);
          }}
          data-testid="message-input"
        />
        <button type="submit" className="button button-primary" data-testid="message-send">
          Gönder
        </button>
      </form>
    </section>
  );
}
