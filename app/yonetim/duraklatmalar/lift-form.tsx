"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { liftApplyPauseAction } from "@/app/yonetim/duraklatmalar/actions";

export function LiftPauseForm({ pauseId, name }: { pauseId: string; name: string }) {
  const [result, action] = useActionState((_: unknown, formData: FormData) => liftApplyPauseAction(formData), null);
  return (
    <form action={action}>
      <FormMessage result={result} success="Duraklatma kaldırıldı." />
      <input type="hidden" name="pauseId" value={pauseId} />
      <SubmitButton className="button button-secondary" pendingText="Kaldırılıyor…" aria-label={`${name} için duraklatmayı kaldır`}>
        Duraklatmayı kaldır
      </SubmitButton>
    </form>
  );
}
