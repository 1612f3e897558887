import type { Metadata } from "next";
import Link from "next/link";
import { actorFromSession } from "@/lib/auth/current-user";
import { adminGate } from "@/components/admin-gate";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { formatDateTime } from "@/lib/format";
import { listPendingLawyers } from "@/lib/users/verification-decisions";
import { DecisionForm } from "@/app/yonetim/dogrulama/decision-form";

export const metadata: Metadata = { title: "Avukat doğrulama" };

const verificationLabel = { PENDING: "doğrulama bekliyor", VERIFIED: "doğrulanmış", REJECTED: "reddedilmiş" } as const;

export default async function VerificationQueuePage({ searchParams }: { searchParams: Promise<{ sonra?: string }> }) {
  const session = await requirePageSession("/yonetim/dogrulama");
  const refusal = await adminGate(session);
  if (refusal) return refusal;
  const { sonra } = await searchParams;
  const { items, nextCursor } = await listPendingLawyers(actorFromSession(session), sonra);
  return (
    <div className="stack">
      <h1>Doğrulama bekleyen avukatlar</h1>
      {items.length === 0 ? (
        <p className="card empty">Doğrulama bekleyen avukat yok.</p>
      ) : (
        <ul className="list card">
          {items.map((u) => (
            <li key={u.id} className="grid-2" data-testid="pending-lawyer">
              <div>
                <strong>{u.fullName}</strong> <span className="badge">{u.title === "AVUKAT" ? "Avukat" : "Stajyer avukat"}</span>
                <div className="small muted">{u.email}</div>
                <div className="small">
                  {u.barName} · Sicil no {u.barNumber} · {u.provinceName}
                </div>
                <div className="small muted">Kayıt: {formatDateTime(u.createdAt)}</div>
                {!u.emailConfirmed && <span className="badge badge-warning" data-testid="email-unconfirmed">E-posta onaylanmadı</span>}
                {u.sameBarNumber.length > 0 && (
                  <div className="banner banner-warning small" data-testid="bar-number-conflict">
                    Bu baro sicil numarasıyla {u.sameBarNumber.length} hesap daha var:
                    <ul>
                      {u.sameBarNumber.map((c) => (
                        <li key={c.id} className="break-anywhere">
                          {c.fullName} ({c.email}) · {verificationLabel[c.verification]}
                          {c.emailConfirmed ? "" : " · e-posta onaylanmadı"}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </div>
              <DecisionForm userId={u.id} canVerify={u.emailConfirmed} />
            </li>
          ))}
        </ul>
      )}
      {nextCursor && <Link className="button button-secondary" href={`/yonetim/dogrulama?sonra=${nextCursor}`}>Sonraki sayfa</Link>}
    </div>
  );
}
