import type { Metadata } from "next";
import Link from "next/link";
import { isPasswordResetTokenLive } from "@/lib/users/password-reset-token";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/register-user.schema";
import { INVALID_RESET_LINK_MESSAGE } from "@/lib/users/reset-password";
import { ResetPasswordForm } from "@/app/sifre-sifirla/[token]/reset-form";

// the token is in the address: keep it out of Referer headers and search indexes
export const metadata: Metadata = { title: "Yeni şifre belirleyin", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const live = await isPasswordResetTokenLive(token);
  return (
    <div className="narrow" style={{ margin: "0 auto" }}>
      <h1>Yeni şifre belirleyin</h1>
      {live ? (
        <>
          <p className="muted">Yeni şifreniz kaydedilince açık olan tüm oturumlarınız kapatılır; yeni şifrenizle giriş yaparsınız.</p>
          <div className="card">
            <ResetPasswordForm token={token} minLength={PASSWORD_MIN_LENGTH} />
          </div>
        </>
      ) : (
        <div className="card" data-testid="reset-link-invalid">
          <p className="banner banner-error" role="alert">{INVALID_RESET_LINK_MESSAGE}</p>
          <Link className="button button-primary button-block" href="/sifremi-unuttum">Yeni bağlantı iste</Link>
        </div>
      )}
    </div>
  );
}
