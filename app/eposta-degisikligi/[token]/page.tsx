import type { Metadata } from "next";
import { INVALID_EMAIL_CHANGE_LINK_MESSAGE } from "@/lib/users/confirm-email-change";
import { isEmailChangeTokenLive } from "@/lib/users/email-change-token";
import { ConfirmEmailChangeForm } from "@/app/eposta-degisikligi/[token]/confirm-form";

// the token is in the address: keep it out of Referer headers and search indexes
export const metadata: Metadata = { title: "E-posta değişikliği", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function ConfirmEmailChangePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const live = await isEmailChangeTokenLive(token);
  return (
    <div className="narrow" style={{ margin: "0 auto" }}>
      <h1>E-posta değişikliği</h1>
      <div className="card">
        {live ? (
          <>
            <p className="muted">Hesabınızın e-posta adresini bu adresle değiştirmek için düğmeye basın.</p>
            <ConfirmEmailChangeForm token={token} />
          </>
        ) : (
          <p className="banner banner-error" role="alert" data-testid="email-change-link-invalid">{INVALID_EMAIL_CHANGE_LINK_MESSAGE}</p>
        )}
      </div>
    </div>
  );
}
