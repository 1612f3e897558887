"use client";

import { FormField } from "@/components/form-field";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFormAction } from "@/components/use-form-action";
import { requestPasswordResetAction } from "@/app/sifremi-unuttum/actions";

export function RequestResetForm() {
  const [state, formAction] = useFormAction(requestPasswordResetAction);
  const result = state.result;
  return (
    <form action={formAction} noValidate>
      <FormMessage result={result} success={result?.ok ? result.data.message : undefined} />
      <FormField
        name="email"
        label="E-posta"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        errors={fieldErrorsOf(result)}
        defaultValue={state.values.email}
      />
      <SubmitButton pendingText="Gönderiliyor…">Sıfırlama bağlantısı gönder</SubmitButton>
    </form>
  );
}
