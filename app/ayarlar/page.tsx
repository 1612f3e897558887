import type { Metadata } from "next";
import Link from "next/link";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { formatDateTime } from "@/lib/format";
import { barNames } from "@/lib/reference/bars";
import { getPendingEmailChange } from "@/lib/users/change-email";
import { getVerificationState } from "@/lib/users/get-verification-state";
import { listActiveSessions } from "@/lib/users/list-active-sessions";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/register-user.schema";
import { ViewerRefresh } from "@/components/viewer/viewer-refresh";
import { ChangeEmailForm, ChangePasswordForm } from "@/app/ayarlar/account-security-forms";
import { ResubmitForm } from "@/app/ayarlar/resubmit-form";
import { SessionList } from "@/app/ayarlar/session-list";

export const metadata: Metadata = { title: "Ayarlar" };

const verificationLabel = { PENDING: "Doğrulama bekliyor", VERIFIED: "Doğrulandı", REJECTED: "Reddedildi" } as const;

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ gonderildi?: string }> }) {
  const session = await requirePageSession("/ayarlar");
  const { gonderildi } = await searchParams;
  const actor = actorFromSession(session);
  const [sessions, verification, emailChange] = await Promise.all([listActiveSessions(actor), getVerificationState(actor), getPendingEmailChange(actor)]);
  return (
    <div className="stack">
      <h1>Ayarlar</h1>
      {gonderildi && verification.verification === "PENDING" && (
        <p className="banner banner-success" role="status" data-testid="resubmitted">
          <ViewerRefresh />
          Bilgileriniz yeniden incelemeye gönderildi. Karar verilince size bildirilecek.
        </p>
      )}
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Hesap</h2>
        <p>
          {session.user.name} · <span data-testid="account-email">{session.user.email}</span>
        </p>
        <p>
          Hesap durumu: <span className={`badge${verification.verification === "VERIFIED" ? " badge-success" : verification.verification === "REJECTED" ? " badge-danger" : ""}`} data-testid="verification-state">{verificationLabel[verification.verification]}</span>
        </p>
      </section>
      {verification.verification === "REJECTED" && (
        <section className="card" aria-labelledby="rejection-heading" id="dogrulama">
          <h2 id="rejection-heading" style={{ marginTop: 0 }}>Doğrulama reddedildi</h2>
          <p data-testid="rejection-reason">
            Gerekçe: <strong>{verification.reason ?? "Yönetici bir gerekçe yazmadı."}</strong>
          </p>
          <p className="muted small">Baro bilgilerinizi düzeltip yeniden gönderin; hesabınız tekrar doğrulama sırasına girer.</p>
          <ResubmitForm details={verification.details} bars={barNames} />
        </section>
      )}
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Profil ve takip</h2>
        <p className="muted small">Profil bilgileriniz, fotoğrafınız, gizlilik tercihleriniz, takvim aboneliğiniz ve ilanlarını takip ettiğiniz il ve adliyeler, görev alıp almadığınız.</p>
        <div className="row">
          <Link className="button button-secondary" href="/ayarlar/profil">Profilim</Link>
          <Link className="button button-secondary" href="/ayarlar/takip">Takip ettiğim adliyeler</Link>
          <Link className="button button-secondary" href="/ayarlar/gorev-durumu">Görev durumu</Link>
        </div>
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Bildirimler</h2>
        <p className="muted small">Hangi gelişmeleri e-posta, WhatsApp ya da tarayıcı bildirimiyle alacağınızı seçin.</p>
        <Link className="button button-secondary" href="/ayarlar/bildirimler">Bildirim ayarları</Link>
      </section>
      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading" style={{ marginTop: 0 }}>Şifre</h2>
        <p className="muted small">Yeni şifre, bu cihaz dışındaki tüm oturumlarınızı kapatır.</p>
        <ChangePasswordForm minLength={PASSWORD_MIN_LENGTH} />
      </section>
      <section className="card" aria-labelledby="email-heading">
        <h2 id="email-heading" style={{ marginTop: 0 }}>E-posta adresi</h2>
        <p className="muted small break-anywhere">
          Şu anki adresiniz: <strong>{emailChange.email}</strong>. Yeni adrese bir onay bağlantısı, mevcut adresinize de bir bilgilendirme gönderilir.
        </p>
        <ChangeEmailForm pendingEmail={emailChange.pendingEmail} />
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Giriş güvenliği</h2>
        <p className="muted small">İki adımlı doğrulamada şifrenizden sonra telefonunuzdaki uygulamanın kodu istenir; geçiş anahtarıyla şifresiz girersiniz.</p>
        <div className="row">
          <Link className="button button-secondary" href="/ayarlar/iki-adim">İki adımlı doğrulama</Link>
          <Link className="button button-secondary" href="/ayarlar/gecis-anahtarlari">Geçiş anahtarları</Link>
        </div>
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Güvenlik kaydı</h2>
        <p className="muted small">Girişler, başarısız denemeler, şifre ve e-posta değişiklikleri ve kapatılan oturumlar: son 12 ay.</p>
        <Link className="button button-secondary" href="/ayarlar/guvenlik">Güvenlik kaydını görüntüle</Link>
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Verilerim (KVKK)</h2>
        <p className="muted small">Verilerinizin kopyasını indirin ya da hesabınızı kapatın.</p>
        <Link className="button button-secondary" href="/ayarlar/verilerim">Verilerim ve hesabı kapatma</Link>
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Açık oturumlar</h2>
        <p className="muted small">
          Tanımadığınız bir cihaz görürseniz oturumunu kapatın ve <Link href="/sifremi-unuttum">şifrenizi yenileyin</Link>: yeni şifre tüm
          oturumları kapatır.
        </p>
        <SessionList
          sessions={sessions.map((s) => ({
            ...s,
            createdAt: formatDateTime(s.createdAt),
            lastSeenAt: formatDateTime(s.lastSeenAt),
          }))}
        />
      </section>
    </div>
  );
}
