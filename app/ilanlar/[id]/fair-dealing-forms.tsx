"use client";

import { FormField } from "@/components/form-field";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFormAction } from "@/components/use-form-action";
import { openDisputeAction, reportNoShowAction } from "@/app/ilanlar/[id]/fair-dealing-actions";

export function OpenDisputeForm({ jobId }: { jobId: string }) {
  const [state, action] = useFormAction(openDisputeAction);
  const errors = fieldErrorsOf(state.result);
  return (
    <details className="danger-zone">
      <summary>Uyuşmazlık aç</summary>
      <form action={action} noValidate data-testid="open-dispute-form">
        <FormMessage result={state.result} />
        <input type="hidden" name="jobId" value={jobId} />
        <FormField name="reason" id="field-dispute-reason" label="Uyuşmazlığın gerekçesi" errors={errors}>
          <textarea id="field-dispute-reason" name="reason" rows={4} maxLength={2000} defaultValue={state.values.reason} key={`r-${state.values.reason}`} aria-invalid={errors?.reason ? true : undefined} />
        </FormField>
        <SubmitButton className="button button-danger" pendingText="Açılıyor…">Uyuşmazlık Masası&apos;na başvur</SubmitButton>
      </form>
    </details>
  );
}

export function NoShowForm({ jobId }: { jobId: string }) {
  const [state, action] = useFormAction(reportNoShowAction);
  return (
    <form action={action} data-testid="no-show-form">
      <FormMessage result={state.result} success="Bildiriminiz kaydedildi." />
      <input type="hidden" name="jobId" value={jobId} />
      <SubmitButton className="button button-secondary" pendingText="Kaydediliyor…">Gelmedi / işi yapmadı</SubmitButton>
    </form>
  );
}
