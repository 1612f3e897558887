import type { Metadata } from "next";
import Link from "next/link";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { formatDateTime } from "@/lib/format";
import { barNames } from "@/lib/reference/bars";
import { getVerificationState } from "@/lib/users/get-verification-state";
import { listActiveSessions } from "@/lib/users/list-active-sessions";
import { ViewerRefresh } from "@/components/viewer/viewer-refresh";
import { ResubmitForm } from "@/app/ayarlar/resubmit-form";
import { SessionList } from "@/app/ayarlar/session-list";

export const metadata: Metadata = { title: "Ayarlar" };

const verificationLabel = { PENDING: "Doğrulama bekliyor", VERIFIED: "Doğrulandı", REJECTED: "Reddedildi" } as const;

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ gonderildi?: string }> }) {
  const session = await requirePageSession("/ayarlar");
  const { gonderildi } = await searchParams;
  const actor = actorFromSession(session);
  const [sessions, verification] = await Promise.all([listActiveSessions(actor), getVerificationState(actor)]);
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
        <p className="muted small">Profil bilgileriniz, fotoğrafınız, gizlilik tercihleriniz, takvim aboneliğiniz ve ilanlarını takip ettiğiniz il ve adliyeler.</p>
        <div className="row">
          <Link className="button button-secondary" href="/ayarlar/profil">Profilim</Link>
          <Link className="button button-secondary" href="/ayarlar/takip">Takip ettiğim adliyeler</Link>
        </div>
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Bildirimler</h2>
        <p className="muted small">Hangi gelişmeleri e-posta, WhatsApp ya da tarayıcı bildirimiyle alacağınızı seçin.</p>
        <Link className="button button-secondary" href="/ayarlar/bildirimler">Bildirim ayarları</Link>
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
