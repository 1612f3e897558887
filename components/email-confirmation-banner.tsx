"use client";

import { SubmitButton } from "@/components/submit-button";
import { useFormAction } from "@/components/use-form-action";
import type { ViewerSummary } from "@/lib/viewer/viewer-summary";
import { resendEmailConfirmationAction } from "@/lib/users/resend-email-confirmation-action";

/** Until the address is confirmed, the first thing a new lawyer reads, with a way to get the link again. */
export function EmailConfirmationBanner({ viewer }: { viewer: ViewerSummary }) {
  const [state, formAction] = useFormAction(resendEmailConfirmationAction);
  const result = state.result;
  return (
    <div className="banner banner-warning stack-sm" role="status" data-testid="email-confirmation-banner">
      <p>
        E-posta adresinizi onaylayın: <strong className="break-anywhere">{viewer.email}</strong> adresine bir onay bağlantısı gönderdik. Adresiniz
        onaylanınca baro kaydınız yöneticiye incelemeye gider.
      </p>
      {result?.ok ? (
        <p data-testid="confirmation-resent">Yeni bağlantı gönderildi; gelen kutunuzu ve istenmeyen (spam) klasörünü kontrol edin.</p>
      ) : (
        <form action={formAction}>
          {result && !result.ok && <p role="alert">{result.error.message}</p>}
          <SubmitButton className="button button-secondary" pendingText="Gönderiliyor…">Bağlantıyı yeniden gönder</SubmitButton>
        </form>
      )}
    </div>
  );
}
