import { formatMessageTime } from "@/components/chat/format";
import type { ChatItem, MessageStatus } from "@/components/chat/chat-items";
import styles from "@/components/chat/chat.module.css";
import type { AttachmentPayload } from "@/lib/messaging/message-payload";

/** One message; a failed one of mine that a retry can fix is a button that retries it. */
export function MessageBubble({ message, mine, readByPeer, onRetry }: { message: ChatItem; mine: boolean; readByPeer: boolean; onRetry: (m: ChatItem) => void }) {
  const status = mine && readByPeer ? "read" : message.status;
  const retryable = status === "failed" && message.retryable !== false;
  return (
    <div
      className={`${styles.bubble} ${mine ? styles.mine : styles.theirs} ${status === "failed" ? styles.failed : ""}`}
      data-testid="message-item"
      data-status={status}
      data-message-id={message.id ?? ""}
      onClick={retryable ? () => onRetry(message) : undefined}
      role={retryable ? "button" : undefined}
      tabIndex={retryable ? 0 : undefined}
    >
      {message.attachment && <AttachmentLink attachment={message.attachment} />}
      <span data-testid="message-body">{message.body}</span>
      <span className={styles.meta}>
        <time dateTime={message.createdAt}>{formatMessageTime(message.createdAt)}</time>
        {mine && <StatusLabel status={status} />}
      </span>
      {status === "failed" && (
        <span className={`${styles.meta} ${styles.failedNote}`}>
          {message.error ?? "Gönderilemedi."}
          {retryable && " Yeniden denemek için dokunun."}
        </span>
      )}
    </div>
  );
}

function StatusLabel({ status }: { status: MessageStatus | "read" }) {
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

export function PaperclipIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M21.44 11.05l-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48" />
    </svg>
  );
}
