"use client";

import Link from "next/link";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFormAction } from "@/components/use-form-action";
import { confirmEmailAction } from "@/app/eposta-onayi/[token]/actions";

export function ConfirmEmailForm({ token }: { token: string }) {
  const [state, formAction] = useFormAction(confirmEmailAction);
  if (state.result?.ok) {
    return (
      <div className="stack" data-testid="email-confirmed">
        <p className="banner banner-success" role="status">
          E-posta adresiniz onaylandı. Baro kaydınız şimdi yöneticinin incelemesinde; sonucu bildirim olarak alacaksınız.
        </p>
        {/* a full load, so the header and banner are drawn again with the confirmed address */}
        <a className="button button-primary button-block" href="/panel">Panele git</a>
        <p className="muted small">Bu cihazda giriş yapmadıysanız <Link href="/giris">giriş yapın</Link>.</p>
      </div>
    );
  }
  return (
    <form action={formAction} noValidate>
      <FormMessage result={state.result} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingText="Onaylanıyor…">E-postamı onayla</SubmitButton>
    </form>
  );
}
