import type { Metadata } from "next";
import Link from "next/link";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { formatDateTime } from "@/lib/format";
import { adminGate } from "@/components/admin-gate";

export const metadata: Metadata = { title: "Denetim kaydı" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ once?: string }> }) {
  const session = await requirePageSession("/yonetim/denetim");
  const refusal = await adminGate(session);
  if (refusal) return refusal;
  const { once } = await searchParams;
  const { items, nextCursor } = await listAuditEntries(actorFromSession(session), { cursor: typeof once === "string" ? once : undefined });
  return (
    <div className="stack">
      <h1>Denetim kaydı</h1>
      <p className="muted small">Yöneticilerin her işlemi: kim, ne yaptı, kimin hesabında, ne zaman. En yenisi üstte.</p>
      <section className="card">
        {items.length === 0 ? (
          <p className="empty">Henüz kayıt yok.</p>
        ) : (
          <ul className="list" data-testid="audit-entries">
            {items.map((entry) => (
              <li key={entry.id} data-testid="audit-entry" data-action={entry.action} style={{ padding: "0.6rem 0", borderBottom: "1px solid var(--border)" }}>
                <div className="row">
                  <strong>{entry.label}</strong>
                  <span className="spacer" />
                  <time className="small muted" dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
                </div>
                <div className="small break-anywhere">
                  Yapan: {entry.actor.fullName} <span className="muted">({entry.actor.email})</span>
                </div>
                {entry.target && (
                  <div className="small break-anywhere">
                    Hesap: <Link href={`/avukat/${entry.target.id}`}>{entry.target.fullName}</Link> <span className="muted">({entry.target.email})</span>
                  </div>
                )}
                {entry.note && <div className="small muted break-anywhere">{entry.note}</div>}
              </li>
            ))}
          </ul>
        )}
        {nextCursor && (
          <p style={{ marginBottom: 0 }}>
            <Link className="button button-secondary" href={`/yonetim/denetim?once=${encodeURIComponent(nextCursor)}`}>Daha eski kayıtlar</Link>
          </p>
        )}
      </section>
    </div>
  );
}
