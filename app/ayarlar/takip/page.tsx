import type { Metadata } from "next";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { listFollows } from "@/lib/follows/list-follows";
import { placeOptionsFor } from "@/lib/jobs/reference-places";
import { AddFollowForm, RemoveFollowForm } from "@/app/ayarlar/takip/follow-forms";

export const metadata: Metadata = { title: "Takip ettiğim adliyeler" };

export default async function FollowSettingsPage() {
  const session = await requirePageSession("/ayarlar/takip");
  const [follows, places] = await Promise.all([listFollows(session.user.id), placeOptionsFor()]);
  return (
    <div className="stack narrow-form">
      <h1>Takip ettiğim il ve adliyeler</h1>
      <p className="muted">Buralarda yeni bir ilan verildiğinde açık sayfalarınıza anında düşer ve size bildirim gelir.</p>
      <section className="card">
        {follows.length === 0 ? (
          <p className="empty">Henüz bir il veya adliye takip etmiyorsunuz.</p>
        ) : (
          <ul className="list" data-testid="follow-list">
            {follows.map((f) => {
              const label = f.courthouseName ? `${f.courthouseName} (${f.provinceName})` : `${f.provinceName} — tüm adliyeler`;
              return (
                <li key={f.id} className="row" data-testid="follow-item">
                  <span>{label}</span>
                  <span className="spacer" />
                  <RemoveFollowForm followId={f.id} label={label} />
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Yeni ekle</h2>
        <AddFollowForm places={places} />
      </section>
    </div>
  );
}
