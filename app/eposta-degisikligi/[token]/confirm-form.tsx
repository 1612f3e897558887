"use client";

import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFormAction } from "@/components/use-form-action";
import { confirmEmailChangeAction } from "@/app/eposta-degisikligi/[token]/actions";

export function ConfirmEmailChangeForm({ token }: { token: string }) {
  const [state, formAction] = useFormAction(confirmEmailChangeAction);
  if (state.result?.ok) {
    return (
      <div className="stack" data-testid="email-change-confirmed">
        <p className="banner banner-success break-anywhere" role="status">
          E-posta adresiniz <strong>{state.result.data.email}</strong> olarak değiştirildi. Bundan sonra bu adresle giriş yaparsınız.
        </p>
        {/* a full load, so the header and settings are drawn again with the new address */}
        <a className="button button-primary button-block" href="/ayarlar">Ayarlara git</a>
      </div>
    );
  }
  return (
    <form action={formAction} noValidate>
      <FormMessage result={state.result} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingText="Onaylanıyor…">Yeni adresimi onayla</SubmitButton>
    </form>
  );
}
