"use client";

import { FormField } from "@/components/form-field";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFormAction } from "@/components/use-form-action";
import { loginAction } from "@/app/giris/actions";

export function LoginForm({ next }: { next?: string }) {
  const [state, formAction] = useFormAction(loginAction);
  return (
    <form action={formAction} noValidate>
      <FormMessage result={state.result} />
      <input type="hidden" name="next" value={next ?? ""} />
      <FormField name="email" label="E-posta" type="email" autoComplete="email" required inputMode="email" defaultValue={state.values.email} />
      <FormField name="password" label="Şifre" type="password" autoComplete="current-password" required />
      <SubmitButton pendingText="Giriş yapılıyor…">Giriş yap</SubmitButton>
    </form>
  );
}
