"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { retryFailedJobAction } from "@/app/yonetim/kuyruklar/actions";

export function RetryButton({ queue, jobId }: { queue: string; jobId: string }) {
  const [result, action] = useActionState((_: unknown, formData: FormData) => retryFailedJobAction(formData), null);
  return (
    <form action={action}>
      <input type="hidden" name="queue" value={queue} />
      <input type="hidden" name="jobId" value={jobId} />
      <FormMessage result={result} />
      <SubmitButton className="button button-secondary" pendingText="Kuyruğa alınıyor…" aria-label={`${jobId} numaralı işi yeniden dene`}>
        Yeniden dene
      </SubmitButton>
    </form>
  );
}
