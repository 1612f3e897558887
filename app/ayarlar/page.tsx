import type { Metadata } from "next";
import Link from "next/link";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { formatDateTime } from "@/lib/format";
import { listActiveSessions } from "@/lib/users/list-active-sessions";
import { SessionList } from "@/app/ayarlar/session-list";

export const metadata: Metadata = { title: "Ayarlar" };

const verificationLabel = { PENDING: "Doğrulama bekliyor", VERIFIED: "Doğrulandı", REJECTED: "Reddedildi" } as const;

export default async function SettingsPage() {
  const session = await requirePageSession("/ayarlar");
  const sessions = await listActiveSessions(actorFromSession(session));
  return (
    <div className="stack">
      <h1>Ayarlar</h1>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Hesap</h2>
        <p>
          {session.user.name} · <span data-testid="account-email">{session.user.email}</span>
        </p>
        <p>
          Hesap durumu: <span className="badge" data-testid="verification-state">{verificationLabel[session.user.verification]}</span>
        </p>
      </section>
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
