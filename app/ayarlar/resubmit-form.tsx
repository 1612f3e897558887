"use client";

import { FormField } from "@/components/form-field";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { useFormAction } from "@/components/use-form-action";
import { resubmitVerificationAction } from "@/app/ayarlar/actions";

type Details = { fullName: string; barName: string; barNumber: string; title: string };

/** For a rejected lawyer: correct the registered bar details and send them to the administrators again. */
export function ResubmitForm({ details, bars }: { details: Details; bars: string[] }) {
  const [state, formAction] = useFormAction(resubmitVerificationAction);
  const errors = fieldErrorsOf(state.result);
  const v = { ...details, ...state.values };
  const form = useFocusFirstError(state.result);
  return (
    <form action={formAction} noValidate ref={form} data-testid="resubmit-form">
      <FormMessage result={state.result} />
      <FormField name="fullName" label="Ad soyad" required errors={errors} defaultValue={v.fullName} key={`n-${v.fullName}`} />
      <FormField name="title" label="Unvan" errors={errors}>
        <select id="field-title" name="title" defaultValue={v.title} key={`t-${v.title}`}>
          <option value="AVUKAT">Avukat</option>
          <option value="STAJYER">Stajyer avukat</option>
        </select>
      </FormField>
      <FormField name="barName" label="Kayıtlı olduğunuz baro" errors={errors}>
        <select id="field-barName" name="barName" defaultValue={v.barName} key={`b-${v.barName}`} aria-invalid={errors?.barName ? true : undefined}>
          {bars.map((b) => (
            <option key={b} value={b}>{b}</option>
          ))}
        </select>
      </FormField>
      <FormField name="barNumber" label="Baro sicil numarası" inputMode="numeric" required errors={errors} defaultValue={v.barNumber} key={`s-${v.barNumber}`} />
      <SubmitButton className="button button-primary" pendingText="Gönderiliyor…">Düzeltip yeniden gönder</SubmitButton>
    </form>
  );
}
