import type { Metadata } from "next";
import Link from "next/link";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { formatDateTime } from "@/lib/format";
import { getTwoFactorState } from "@/lib/two-factor/manage-two-factor";
import { DisableTwoFactorForm, EnrolTwoFactor } from "@/app/ayarlar/iki-adim/two-factor-forms";

export const metadata: Metadata = { title: "İki adımlı doğrulama" };

export default async function TwoFactorSettingsPage() {
  const session = await requirePageSession("/ayarlar/iki-adim");
  const state = await getTwoFactorState(actorFromSession(session));
  return (
    <div className="stack narrow">
      <p className="small"><Link href="/ayarlar">← Ayarlar</Link></p>
      <h1>İki adımlı doğrulama</h1>
      <p className="muted">
        Girişte şifrenizden sonra telefonunuzdaki kimlik doğrulama uygulamasının (Google Authenticator, Microsoft Authenticator, 1Password vb.)
        ürettiği 6 haneli kod da istenir. Şifreniz ele geçse bile hesabınıza girilemez.
      </p>
      {state.required && !state.enabled && (
        <p className="banner banner-warning" role="status" data-testid="two-factor-required">Yönetici hesaplarında iki adımlı doğrulama zorunludur: yönetim sayfaları açılmadan önce kurun.</p>
      )}
      <section className="card" data-testid="two-factor-state">
        {state.enabled ? (
          <div className="stack">
            <p>
              <span className="badge badge-success">Açık</span> {state.enabledAt && <>· {formatDateTime(state.enabledAt)} tarihinden beri</>}
            </p>
            <p className="small muted" data-testid="recovery-codes-left">Kullanılmamış kurtarma kodu: {state.recoveryCodesLeft}</p>
            {state.required ? (
              <p className="small muted">Yönetici hesaplarında kapatılamaz.</p>
            ) : (
              <DisableTwoFactorForm />
            )}
          </div>
        ) : (
          <EnrolTwoFactor />
        )}
      </section>
    </div>
  );
}
