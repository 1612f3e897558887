"use client";

import { FormField } from "@/components/form-field";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFormAction } from "@/components/use-form-action";
import { decideDisputeAction, writeDisputeMessageAction } from "@/app/uyusmazlik/[id]/actions";

export function DisputeMessageForm({ disputeId }: { disputeId: string }) {
  const [state, action] = useFormAction(writeDisputeMessageAction);
  const errors = fieldErrorsOf(state.result);
  // a sent message clears the box; a refused one keeps the text
  const kept = state.result?.ok ? "" : state.values.body;
  return (
    <form action={action} noValidate data-testid="dispute-message-form">
      <FormMessage result={state.result} success="Mesajınız eklendi." />
      <input type="hidden" name="disputeId" value={disputeId} />
      <FormField name="body" id="field-dispute-body" label="Mesajınız" errors={errors}>
        <textarea id="field-dispute-body" name="body" rows={3} maxLength={2000} defaultValue={kept} key={`b-${kept}-${state.result?.ok ? "ok" : ""}`} />
      </FormField>
      <SubmitButton pendingText="Gönderiliyor…">Mesajı gönder</SubmitButton>
    </form>
  );
}

export function DisputeDecisionForm({ disputeId, posterName, assigneeName }: { disputeId: string; posterName: string; assigneeName: string }) {
  const [state, action] = useFormAction(decideDisputeAction);
  const errors = fieldErrorsOf(state.result);
  const v = state.values;
  return (
    <form action={action} noValidate data-testid="dispute-decision-form">
      <FormMessage result={state.result} success="Karar kaydedildi." />
      <input type="hidden" name="disputeId" value={disputeId} />
      <FormField name="note" id="field-decision-note" label="Karar notu" errors={errors}>
        <textarea id="field-decision-note" name="note" rows={3} maxLength={2000} defaultValue={v.note} key={`n-${v.note}`} />
      </FormField>
      <FormField name="reviews" id="field-decision-reviews" label="Bu işin değerlendirmeleri" errors={errors}>
        <select id="field-decision-reviews" name="reviews" defaultValue={v.reviews ?? "KEEP"}>
          <option value="KEEP">Yayımlansın</option>
          <option value="HIDE">Gizlensin</option>
        </select>
      </FormField>
      <FormField name="sanction" id="field-decision-sanction" label="Yaptırım (başvuruları duraklat)" errors={errors}>
        <select id="field-decision-sanction" name="sanction" defaultValue={v.sanction ?? "NONE"}>
          <option value="NONE">Yaptırım yok</option>
          <option value="POSTER">İlan sahibi: {posterName}</option>
          <option value="ASSIGNEE">Görevli avukat: {assigneeName}</option>
        </select>
      </FormField>
      <SubmitButton className="button button-primary" pendingText="Kaydediliyor…">Karara bağla</SubmitButton>
    </form>
  );
}
