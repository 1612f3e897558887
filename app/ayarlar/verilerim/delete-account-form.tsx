"use client";

import { FormField } from "@/components/form-field";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { useFormAction } from "@/components/use-form-action";
import { deleteAccountAction } from "@/app/ayarlar/verilerim/actions";

/** Closing the account: the current password and an explicit tick; on success the action leaves the page. */
export function DeleteAccountForm() {
  const [state, formAction] = useFormAction(deleteAccountAction);
  const errors = fieldErrorsOf(state.result);
  const form = useFocusFirstError(state.result);
  const confirmError = errors?.confirm?.[0];
  return (
    <form action={formAction} noValidate ref={form} data-testid="delete-account-form">
      <FormMessage result={state.result} />
      <FormField name="currentPassword" id="field-delete-password" label="Mevcut şifre" type="password" autoComplete="current-password" required errors={errors} />
      <div className="field checkbox">
        <input id="field-confirm" type="checkbox" name="confirm" aria-invalid={confirmError ? true : undefined} aria-describedby={confirmError ? "field-confirm-error" : undefined} />
        <label htmlFor="field-confirm">Bekleme süresi dolunca hesabımın kalıcı olarak kapatılacağını, bunun geri alınamayacağını anlıyorum.</label>
      </div>
      {confirmError && (
        <p className="field-error" id="field-confirm-error" role="alert">
          {confirmError}
        </p>
      )}
      <SubmitButton className="button button-danger button-block" pendingText="Hesap kapatılıyor…">Hesabımı kalıcı olarak kapat</SubmitButton>
    </form>
  );
}
