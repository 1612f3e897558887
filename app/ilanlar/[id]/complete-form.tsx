"use client";

import { useState } from "react";
import { FormField } from "@/components/form-field";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { useFormAction } from "@/components/use-form-action";
import type { CompletionOutcome, TaskType } from "@/lib/generated/prisma/enums";
import { NEEDS_NEXT_HEARING, NEEDS_REASON, outcomeLabels, outcomesByTaskType } from "@/lib/jobs/completion-outcomes";
import { completeAction } from "@/app/ilanlar/actions";

/** The completion report: what happened (per task type), the next hearing, the ara karar or the reason, the tutanak. */
export function CompleteForm({ jobId, taskType }: { jobId: string; taskType: TaskType }) {
  const [state, action] = useFormAction(completeAction);
  const errors = fieldErrorsOf(state.result);
  const v = state.values;
  const form = useFocusFirstError(state.result);
  const [outcome, setOutcome] = useState<CompletionOutcome | "">((v.outcome as CompletionOutcome) ?? "");
  // React resets the form after a submit: a failed one comes back with the outcome that was sent
  const [sentValues, setSentValues] = useState(state.values);
  if (sentValues !== state.values) {
    setSentValues(state.values);
    setOutcome((state.values.outcome as CompletionOutcome) ?? "");
  }
  const hearing = taskType === "DURUSMA";
  const chosen = outcome || null;
  return (
    <form action={action} noValidate data-testid="complete-form" ref={form}>
      <FormMessage result={state.result} />
      <input type="hidden" name="jobId" value={jobId} />
      <FormField name="outcome" label={hearing ? "Duruşmada ne oldu?" : "Sonuç"} errors={errors}>
        {/* uncontrolled and remounted with what was sent: the form's reset after a failed submit goes back to it */}
        <select id="field-outcome" name="outcome" defaultValue={outcome} key={`oc-${v.outcome}`} onChange={(e) => setOutcome(e.target.value as CompletionOutcome)} aria-invalid={errors?.outcome ? true : undefined}>
          <option value="" disabled>Seçin</option>
          {outcomesByTaskType[taskType].map((o) => (
            <option key={o} value={o}>{outcomeLabels[o]}</option>
          ))}
        </select>
      </FormField>
      {hearing && chosen !== "KARAR_VERILDI" && (
        <FormField
          name="nextHearingAt"
          label={chosen && NEEDS_NEXT_HEARING.includes(chosen) ? "Sonraki duruşma tarihi ve saati" : "Sonraki duruşma tarihi ve saati (varsa)"}
          type="datetime-local"
          errors={errors}
          defaultValue={v.nextHearingAt}
          key={`h-${v.nextHearingAt}`}
        />
      )}
      {hearing && chosen === "ARA_KARAR" && (
        <FormField name="interimDecision" label="Ara karar (birkaç satır)" errors={errors}>
          <textarea id="field-interimDecision" name="interimDecision" rows={3} maxLength={1000} defaultValue={v.interimDecision} key={`i-${v.interimDecision}`} aria-invalid={errors?.interimDecision ? true : undefined} />
        </FormField>
      )}
      {chosen && NEEDS_REASON.includes(chosen) && (
        <FormField name="outcomeReason" label={hearing ? "Duruşma neden yapılmadı?" : "Neden yapılamadı?"} errors={errors}>
          <textarea id="field-outcomeReason" name="outcomeReason" rows={2} maxLength={1000} defaultValue={v.outcomeReason} key={`o-${v.outcomeReason}`} aria-invalid={errors?.outcomeReason ? true : undefined} />
        </FormField>
      )}
      <FormField name="report" label="Ne yapıldı? (rapor)" errors={errors}>
        <textarea id="field-report" name="report" rows={5} maxLength={5000} defaultValue={v.report} key={`r-${v.report}`} aria-invalid={errors?.report ? true : undefined} />
      </FormField>
      <FormField
        name="tutanak"
        label="Tutanak (fotoğraf veya PDF, isteğe bağlı)"
        type="file"
        multiple
        accept="application/pdf,image/png,image/jpeg,image/gif,image/webp"
        errors={errors}
        hint="En fazla 5 dosya, her biri en fazla 10 MB. Yalnızca ilan sahibi görür."
      />
      <FormField name="notes" label="Notlar (isteğe bağlı)" errors={errors}>
        <textarea id="field-notes" name="notes" rows={3} maxLength={2000} defaultValue={v.notes} key={`no-${v.notes}`} />
      </FormField>
      <SubmitButton pendingText="Gönderiliyor…">Raporu gönder ve işi tamamla</SubmitButton>
    </form>
  );
}
