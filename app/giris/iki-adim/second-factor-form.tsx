"use client";

import Link from "next/link";
import { FormField } from "@/components/form-field";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { useFormAction } from "@/components/use-form-action";
import { secondFactorAction } from "@/app/giris/iki-adim/actions";

export function SecondFactorForm({ next }: { next?: string }) {
  const [state, formAction] = useFormAction(secondFactorAction);
  const errors = fieldErrorsOf(state.result);
  const form = useFocusFirstError(state.result);
  const expired = state.result && !state.result.ok && !errors && state.result.error.code === "VALIDATION";
  return (
    <form action={formAction} noValidate ref={form}>
      <FormMessage result={state.result} />
      {expired && (
        <p>
          <Link href="/giris">Yeniden giriş yapın</Link>
        </p>
      )}
      <input type="hidden" name="next" value={next ?? ""} />
      <FormField
        name="code"
        label="Doğrulama kodu"
        autoComplete="one-time-code"
        inputMode="text"
        autoCapitalize="none"
        spellCheck={false}
        required
        errors={errors}
        hint="Uygulamadaki 6 haneli kod ya da bir kurtarma kodu (örn. abcde-fghjk)."
      />
      <SubmitButton pendingText="Doğrulanıyor…">Doğrula ve giriş yap</SubmitButton>
    </form>
  );
}
