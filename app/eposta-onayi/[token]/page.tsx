import type { Metadata } from "next";
import { INVALID_CONFIRMATION_LINK_MESSAGE } from "@/lib/users/confirm-email";
import { isEmailConfirmationTokenLive } from "@/lib/users/email-confirmation-token";
import { ConfirmEmailForm } from "@/app/eposta-onayi/[token]/confirm-form";

// the token is in the address: keep it out of Referer headers and search indexes
export const metadata: Metadata = { title: "E-posta onayı", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const live = await isEmailConfirmationTokenLive(token);
  return (
    <div className="narrow" style={{ margin: "0 auto" }}>
      <h1>E-posta onayı</h1>
      <div className="card">
        {live ? (
          <>
            <p className="muted">Bu adresin size ait olduğunu onaylamak için düğmeye basın.</p>
            <ConfirmEmailForm token={token} />
          </>
        ) : (
          <p className="banner banner-error" role="alert" data-testid="confirmation-link-invalid">{INVALID_CONFIRMATION_LINK_MESSAGE}</p>
        )}
      </div>
    </div>
  );
}
