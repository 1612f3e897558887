"use client";

import { FormField } from "@/components/form-field";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { useFormAction } from "@/components/use-form-action";
import { changePasswordAction, requestEmailChangeAction } from "@/app/ayarlar/actions";

function successOf(revokedCount: number): string {
  return revokedCount > 0
    ? `Şifreniz değiştirildi. Diğer ${revokedCount} oturumunuz kapatıldı; bu cihazda oturumunuz açık kalıyor.`
    : "Şifreniz değiştirildi. Bu cihazda oturumunuz açık kalıyor.";
}

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const [state, formAction] = useFormAction(changePasswordAction);
  const errors = fieldErrorsOf(state.result);
  const form = useFocusFirstError(state.result);
  return (
    <form action={formAction} noValidate ref={form} data-testid="change-password-form">
      <FormMessage result={state.result} success={state.result?.ok ? successOf(state.result.data.revokedCount) : undefined} />
      <FormField name="currentPassword" id="field-password-current" label="Mevcut şifre" type="password" autoComplete="current-password" required errors={errors} />
      <FormField name="newPassword" label="Yeni şifre" type="password" autoComplete="new-password" minLength={minLength} required errors={errors} hint={`En az ${minLength} karakter.`} />
      <FormField name="newPasswordConfirm" label="Yeni şifre (tekrar)" type="password" autoComplete="new-password" minLength={minLength} required errors={errors} />
      <SubmitButton pendingText="Değiştiriliyor…">Şifremi değiştir</SubmitButton>
    </form>
  );
}

export function ChangeEmailForm({ pendingEmail }: { pendingEmail: string | null }) {
  const [state, formAction] = useFormAction(requestEmailChangeAction);
  const errors = fieldErrorsOf(state.result);
  const form = useFocusFirstError(state.result);
  const pending = state.result?.ok ? state.result.data.pendingEmail : pendingEmail;
  return (
    <form action={formAction} noValidate ref={form} data-testid="change-email-form">
      <FormMessage result={state.result} />
      {pending && (
        <p className="banner banner-warning break-anywhere" role="status" data-testid="pending-email">
          <strong>{pending}</strong> adresine bir onay bağlantısı gönderdik. Bağlantıyı açıp onaylayınca e-posta adresiniz değişir; o zamana kadar
          mevcut adresinizle giriş yaparsınız.
        </p>
      )}
      <FormField
        name="newEmail"
        label="Yeni e-posta adresi"
        type="email"
        autoComplete="email"
        required
        errors={errors}
        defaultValue={state.result?.ok ? "" : state.values.newEmail}
        key={`e-${state.result?.ok ? "sent" : state.values.newEmail}`}
      />
      <FormField name="currentPassword" id="field-email-password" label="Mevcut şifre" type="password" autoComplete="current-password" required errors={errors} />
      <SubmitButton pendingText="Gönderiliyor…">Onay bağlantısı gönder</SubmitButton>
    </form>
  );
}
