import type { Metadata } from "next";
import Link from "next/link";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { formatDateTime } from "@/lib/format";
import { SECURITY_EVENT_RETENTION_MONTHS } from "@/lib/security/delete-expired-security-events";
import { listSecurityEvents } from "@/lib/security/list-security-events";

export const metadata: Metadata = { title: "Güvenlik kaydı" };

export default async function SecurityLogPage({ searchParams }: { searchParams: Promise<{ once?: string }> }) {
  const session = await requirePageSession("/ayarlar/guvenlik");
  const { once } = await searchParams;
  const { items, nextCursor } = await listSecurityEvents(actorFromSession(session), { cursor: typeof once === "string" ? once : undefined });
  return (
    <div className="stack narrow-form">
      <h1>Güvenlik kaydı</h1>
      <p className="muted">
        Hesabınızda olan her önemli işlem, en yenisi üstte; kayıtlar {SECURITY_EVENT_RETENTION_MONTHS} ay saklanır. Tanımadığınız bir giriş görürseniz{" "}
        <Link href="/ayarlar">şifrenizi değiştirin</Link>: yeni şifre diğer tüm oturumları kapatır.
      </p>
      <section className="card">
        {items.length === 0 ? (
          <p className="empty">Henüz kayıt yok.</p>
        ) : (
          <ul className="list" data-testid="security-events">
            {items.map((event) => (
              <li key={event.id} data-testid="security-event" data-type={event.type} style={{ padding: "0.6rem 0", borderBottom: "1px solid var(--border)" }}>
                <div className="row">
                  <strong>{event.label}</strong>
                  {event.warning && <span className="badge badge-warning">Dikkat</span>}
                  <span className="spacer" />
                  <time className="small muted" dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt)}</time>
                </div>
                <div className="small muted break-anywhere">
                  {event.device} · IP: {event.ip || "bilinmiyor"}
                </div>
                {event.note && <div className="small break-anywhere">{event.note}</div>}
              </li>
            ))}
          </ul>
        )}
        {nextCursor && (
          <p style={{ marginBottom: 0 }}>
            <Link className="button button-secondary" href={`/ayarlar/guvenlik?once=${encodeURIComponent(nextCursor)}`}>Daha eski kayıtlar</Link>
          </p>
        )}
      </section>
      <p>
        <Link href="/ayarlar">← Ayarlar</Link>
      </p>
    </div>
  );
}
