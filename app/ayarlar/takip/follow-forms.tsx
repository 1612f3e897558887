"use client";

import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { PlaceSelect } from "@/components/jobs/place-select";
import { SubmitButton } from "@/components/submit-button";
import { useFormAction } from "@/components/use-form-action";
import type { PlaceOptions } from "@/lib/jobs/reference-places";
import { addFollowAction, removeFollowAction } from "@/app/ayarlar/takip/actions";

export function AddFollowForm({ places }: { places: PlaceOptions }) {
  const [state, action] = useFormAction(addFollowAction);
  return (
    <form action={action} noValidate data-testid="add-follow">
      <FormMessage result={state.result} success="Takip listenize eklendi." />
      <PlaceSelect places={places} optional errors={fieldErrorsOf(state.result)} idPrefix="follow" />
      <p className="small muted">Adliye seçmezseniz ildeki tüm adliyelerin ilanlarını alırsınız.</p>
      <SubmitButton pendingText="Ekleniyor…">Takip et</SubmitButton>
    </form>
  );
}

export function RemoveFollowForm({ followId, label }: { followId: string; label: string }) {
  const [state, action] = useFormAction(removeFollowAction);
  return (
    <form action={action}>
      <FormMessage result={state.result} />
      <input type="hidden" name="followId" value={followId} />
      <SubmitButton className="button button-danger" pendingText="Kaldırılıyor…" aria-label={`${label} takibini bırak`}>
        Bırak
      </SubmitButton>
    </form>
  );
}
