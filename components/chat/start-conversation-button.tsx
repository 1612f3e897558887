"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { openConversationAction } from "@/lib/messaging/open-conversation-action";

/**
 * "Mesaj gönder": opens (or creates) the one-to-one conversation with this lawyer, optionally about a job, with a
 * POST (a server action) and then goes to it.
 */
export function StartConversationButton({ peerId, jobId, label = "Mesaj gönder" }: { peerId: string; jobId?: string; label?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const submit = (formData: FormData) =>
    startTransition(async () => {
      setError(null);
      const result = await openConversationAction(formData);
      if (result.ok) router.push(`/mesajlar/${result.data.conversationId}`);
      else setError(result.error.message);
    });
  return (
    <form action={submit}>
      <input type="hidden" name="peerId" value={peerId} />
      {jobId && <input type="hidden" name="jobId" value={jobId} />}
      <button type="submit" className="button button-secondary" data-testid="start-conversation" disabled={pending} aria-busy={pending}>
        {pending ? "Açılıyor…" : label}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
