import Link from "next/link";

/** "Mesaj gönder": opens (or creates) the one-to-one conversation with this lawyer, optionally about a job. */
export function StartConversationButton({ peerId, jobId, label = "Mesaj gönder" }: { peerId: string; jobId?: string; label?: string }) {
  const params = new URLSearchParams({ kisi: peerId });
  if (jobId) params.set("ilan", jobId);
  return (
    <Link className="button button-secondary" href={`/mesajlar/yeni?${params}`} data-testid="start-conversation">
      {label}
    </Link>
  );
}
