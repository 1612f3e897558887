"use client";

import Link from "next/link";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { loadOlderMessagesAction } from "@/app/mesajlar/[id]/actions";
import { addToOutbox, readOutbox, removeFromOutbox } from "@/components/chat/chat-outbox";
import { formatLastSeen, formatMessageTime } from "@/components/chat/format";
import { PresenceDot } from "@/components/chat/presence-dot";
import { usePresence } from "@/components/chat/use-presence";
import { useSocket, useSocketConnected, useSocketEvent } from "@/components/realtime/socket-provider";
import styles from "@/components/chat/chat.module.css";
import type { ConversationView } from "@/lib/messaging/get-conversation";
import type { ReadReceipt } from "@/lib/messaging/mark-conversation-read";
import type { AttachmentPayload, MessagePayload } from "@/lib/messaging/message-payload";
import { MESSAGE_BODY_MAX } from "@/lib/messaging/schemas";

type Status = "pending" | "sent" | "failed";
/** `retryable: false`: a failure a retry cannot fix (a file type or size the server refuses) */
type Item = Omit<MessagePayload, "id"> & { id: number | null; status: Status; error?: string; retryable?: boolean };
type Ack<T> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string } };

const ACK_TIMEOUT_MS = 8_000;
const MAX_AUTOMATIC_ATTEMPTS = 4;
const TYPING_REFRESH_MS = 3_000;
const TYPING_IDLE_MS = 4_000;
/** the peer's indicator disappears on its own when not refreshed (a lost "stopped typing" never sticks) */
const TYPING_SHOWN_MS = 6_000;
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const keyOf = (m: { senderId: string; clientId: string }) => `${m.senderId}:${m.clientId}`;

/** Server order (by id); messages still without an id follow in the order they were written. */
function ordered(items: Map<string, Item>): Item[] {
  return [...items.values()].sort((a, b) => {
    if (a.id !== null && b.id !== null) return a.id - b.id;
    if (a.id !== null) return -1;
    if (b.id !== null) return 1;
    return a.createdAt.localeCompare(b.createdAt);
  });
}

function newClientId(): string {
  return crypto.randomUUID();
}

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
  const [items, setItems] = useState<Map<string, Item>>(() => new Map(initialMessages.map((m) => [keyOf(m), { ...m, status: "sent" }])));
  const [hasOlder, setHasOlder] = useState(initialHasOlder);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [peerRead, setPeerRead] = useState(conversation.peerLastReadMessageId);
  const [peerTyping, setPeerTyping] = useState(false);
  const [draft, setDraft] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const presence = usePresence([peer.id]);
  const peerPresence = presence[peer.id];
  // while this tab is offline nothing is known about the peer: say so rather than show stale "çevrimiçi"
  const connected = useSocketConnected();

  // the latest items for callbacks; every change goes through `apply`, which updates it and the state together
  const itemsRef = useRef(items);
  const apply = useCallback((change: (current: Map<string, Item>) => Map<string, Item>) => {
    itemsRef.current = change(itemsRef.current);
    setItems(itemsRef.current);
  }, []);
  const scroller = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const prependAnchor = useRef<number | null>(null);
  const attempts = useRef(new Map<string, number>());
  const inFlight = useRef(new Set<string>());
  const files = useRef(new Map<string, File>());
  const readSent = useRef(conversation.myLastReadMessageId);
  const readTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const typingSentAt = useRef(0);
  const typingIdle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const peerTypingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

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
    (key: string, change: Partial<Item>) => {
      apply((current) => {
        const item = current.get(key);
        return item ? new Map(current).set(key, { ...item, ...change }) : current;
      });
    },
    [apply],
  );

  // ---- read receipts: the newest message on screen is read while this tab is visible
  const markRead = useCallback(() => {
    if (readTimer.current) clearTimeout(readTimer.current);
    readTimer.current = setTimeout(() => {
      if (!socket?.connected || document.visibilityState !== "visible") return;
      const newest = Math.max(0, ...[...itemsRef.current.values()].map((m) => m.id ?? 0));
      if (newest <= readSent.current) return;
      socket.emit("conversation:read", { conversationId, lastReadMessageId: newest }, (ack: Ack<{ lastReadMessageId: number }>) => {
        if (ack.ok) readSent.current = Math.max(readSent.current, ack.lastReadMessageId);
      });
    }, 250);
  }, [socket, conversationId]);

  // ---- sending: retried with the same clientId until acked; the ack carries the stored message
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
    [socket, conversationId, meId, upsert, patch],
  );
  useEffect(() => {
    transmitRef.current = transmit;
  }, [transmit]);

  const transmitPending = useCallback(() => {
    for (const [key, item] of itemsRef.current) if (item.status === "pending" && item.id === null && item.senderId === meId) transmit(key);
  }, [transmit, meId]);

  // ---- catching up: on every (re)connect ask what was missed, refresh the peer's read position, resend
  const catchUp = useCallback(async () => {
    if (!socket?.connected) return;
    for (let round = 0; round < 20; round++) {
      const newest = Math.max(0, ...[...itemsRef.current.values()].map((m) => m.id ?? 0));
      const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("sync", { after: { [conversationId]: newest } }).catch(() => null)) as Ack<{
        messages: MessagePayload[];
        more: string[];
      }> | null;
      if (!ack?.ok) break;
      upsert(ack.messages);
      if (!ack.more.includes(conversationId)) break;
    }
    socket.emit("conversation:open", { peerId: peer.id, jobId: conversation.jobId ?? undefined }, (ack: Ack<{ conversation: ConversationView }>) => {
      if (ack.ok) setPeerRead((current) => Math.max(current, ack.conversation.peerLastReadMessageId));
    });
    transmitPending();
    markRead();
  }, [socket, conversationId, peer.id, conversation.jobId, upsert, transmitPending, markRead]);

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

  useSocketEvent<MessagePayload>("message:new", (message) => {
    if (message.conversationId !== conversationId) return;
    upsert([message]);
    if (message.senderId === peer.id) {
      setPeerTyping(false);
      markRead();
    }
  });

  useSocketEvent<ReadReceipt>("conversation:read", (receipt) => {
    if (receipt.conversationId !== conversationId) return;
    if (receipt.userId === peer.id) setPeerRead((current) => Math.max(current, receipt.lastReadMessageId));
    else readSent.current = Math.max(readSent.current, receipt.lastReadMessageId);
  });

  useSocketEvent<{ conversationId: string; userId: string; typing: boolean }>("typing", (event) => {
    if (event.conversationId !== conversationId || event.userId !== peer.id) return;
    if (peerTypingTimer.current) clearTimeout(peerTypingTimer.current);
    setPeerTyping(event.typing);
    if (event.typing) peerTypingTimer.current = setTimeout(() => setPeerTyping(false), TYPING_SHOWN_MS);
  });

  useEffect(() => {
    const onVisible = () => markRead();
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [markRead]);

  // ---- scrolling: start at the bottom, follow new messages when already there, keep place when older load
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
  }, [list.length, peerTyping]);

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

  // ---- typing: at most one "typing" every few seconds, and "stopped" after a pause or on send
  const stopTyping = () => {
    if (typingIdle.current) clearTimeout(typingIdle.current);
    if (typingSentAt.current && socket?.connected) socket.emit("typing", { conversationId, typing: false });
    typingSentAt.current = 0;
  };
  const onDraftChange = (value: string, at: number) => {
    setDraft(value);
    if (!socket?.connected || !value.trim()) return;
    if (!typingSentAt.current || at - typingSentAt.current > TYPING_REFRESH_MS) {
      socket.emit("typing", { conversationId, typing: true });
      typingSentAt.current = at;
    }
    if (typingIdle.current) clearTimeout(typingIdle.current);
    typingIdle.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const enqueue = (clientId: string, body: string, attachment: AttachmentPayload | null) => {
    const item: Item = { id: null, clientId, conversationId, senderId: meId, body, attachment, createdAt: new Date().toISOString(), status: "pending" };
    addToOutbox(conversationId, meId, { clientId, body, attachment, createdAt: item.createdAt });
    const key = keyOf(item);
    apply((current) => new Map(current).set(key, item));
    stickToBottom.current = true;
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

  const sendWithFile = async (body: string, chosen: File) => {
    const clientId = newClientId();
    const key = `${meId}:${clientId}`;
    files.current.set(key, chosen);
    const placeholder: Item = { id: null, clientId, conversationId, senderId: meId, body, attachment: null, createdAt: new Date().toISOString(), status: "pending" };
    apply((current) => new Map(current).set(key, placeholder));
    const attachment = await upload(key, chosen);
    if (!attachment) return;
    files.current.delete(key);
    enqueue(clientId, body, attachment);
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
    stopTyping();
    setDraft("");
    if (file) {
      void sendWithFile(text || file.name, file);
      setFile(null);
    } else {
      enqueue(newClientId(), text, null);
    }
  };

  const retry = (item: Item) => {
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
        {list.map((m) => {
          const mine = m.senderId === meId;
          const status = mine && m.id !== null && m.id <= peerRead ? "read" : m.status;
          return (
            <div
              key={keyOf(m)}
              className={`${styles.bubble} ${mine ? styles.mine : styles.theirs} ${status === "failed" ? styles.failed : ""}`}
              data-testid="message-item"
              data-status={status}
              data-message-id={m.id ?? ""}
              onClick={status === "failed" && m.retryable !== false ? () => retry(m) : undefined}
              role={status === "failed" && m.retryable !== false ? "button" : undefined}
              tabIndex={status === "failed" && m.retryable !== false ? 0 : undefined}
            >
              {m.attachment && <AttachmentLink attachment={m.attachment} />}
              <span data-testid="message-body">{m.body}</span>
              <span className={styles.meta}>
                <time dateTime={m.createdAt}>{formatMessageTime(m.createdAt)}</time>
                {mine && <StatusLabel status={status} />}
              </span>
              {status === "failed" && (
                <span className={`${styles.meta} ${styles.failedNote}`}>
                  {m.error ?? "Gönderilemedi."}
                  {m.retryable !== false && " Yeniden denemek için dokunun."}
                </span>
              )}
            </div>
          );
        })}
      </div>

      <div className={styles.typing} aria-live="polite" data-testid="typing-indicator">
        {peerTyping ? `${peer.fullName} yazıyor…` : ""}
      </div>
      {notice && (
        <p className={styles.error} role="alert">
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
          onChange={(e) => onDraftChange(e.target.value, e.timeStamp)}
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

function StatusLabel({ status }: { status: Status | "read" }) {
  const label = { pending: "gönderiliyor", sent: "gönderildi", read: "okundu", failed: "gönderilemedi" }[status];
  // "…" and check marks are in every font (an emoji clock showed as an empty box without an emoji font)
  const mark = { pending: "…", sent: "✓", read: "✓✓", failed: "!" }[status];
  return (
    <span data-testid="message-status" role="img" aria-label={label} title={label}>
      {mark}
    </span>
  );
}

function AttachmentLink({ attachment }: { attachment: AttachmentPayload }) {
  const href = `/api/ekler/${attachment.id}`;
  const size = attachment.sizeBytes >= 1024 * 1024 ? `${(attachment.sizeBytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(attachment.sizeBytes / 1024)} KB`;
  return (
    <a className={styles.attachment} href={href} target="_blank" rel="noopener" data-testid="message-attachment">
      {attachment.mimeType.startsWith("image/") ? (
        // eslint-disable-next-line @next/next/no-img-element -- a members-only download, not an optimisable static image
        <img src={href} alt={attachment.fileName} loading="lazy" />
      ) : (
        <>
          <PaperclipIcon /> {attachment.fileName} ({size})
        </>
      )}
    </a>
  );
}

function PaperclipIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M21.44 11.05l-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48" />
    </svg>
  );
}
