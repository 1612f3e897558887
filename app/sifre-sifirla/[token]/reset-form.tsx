"use client";

import Link from "next/link";
import { FormField } from "@/components/form-field";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFormAction } from "@/components/use-form-action";
import { resetPasswordAction } from "@/app/sifre-sifirla/[token]/actions";

export function ResetPasswordForm({ token, minLength }: { token: string; minLength: number }) {
  const [state, formAction] = useFormAction(resetPasswordAction);
  const errors = fieldErrorsOf(state.result);
  // a link that stopped working meanwhile (used in another tab, expired) has no field errors: offer a new one
  const linkDead = state.result && !state.result.ok && !errors;
  return (
    <form action={formAction} noValidate>
      <FormMessage result={state.result} />
      {linkDead ? (
        <p style={{ marginTop: "-0.5rem" }}>
          <Link href="/sifremi-unuttum">Yeni bağlantı isteyin</Link>
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <FormField
        name="password"
        label="Yeni şifre"
        type="password"
        autoComplete="new-password"
        minLength={minLength}
        required
        errors={errors}
        hint={`En az ${minLength} karakter.`}
      />
      <FormField name="passwordConfirm" label="Yeni şifre (tekrar)" type="password" autoComplete="new-password" minLength={minLength} required errors={errors} />
      <SubmitButton pendingText="Kaydediliyor…">Şifremi değiştir</SubmitButton>
    </form>
  );
}
