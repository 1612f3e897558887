import type { Metadata } from "next";
import Link from "next/link";
import { adminGate } from "@/components/admin-gate";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { listActiveApplyPauses } from "@/lib/fair-dealing/lift-apply-pause";
import { formatDateTime } from "@/lib/format";
import { LiftPauseForm } from "@/app/yonetim/duraklatmalar/lift-form";

export const metadata: Metadata = { title: "Başvuru duraklatmaları" };

export default async function ApplyPausesPage() {
  const session = await requirePageSession("/yonetim/duraklatmalar");
  const refusal = await adminGate(session);
  if (refusal) return refusal;
  const pauses = await listActiveApplyPauses(actorFromSession(session));
  return (
    <div className="stack">
      <h1>Başvuru duraklatmaları</h1>
      <p className="muted small">İptal ve gelmeme sınırını aşan ya da Uyuşmazlık Masası kararıyla duraklatılan avukatlar. Kaldırılan duraklatma denetim kaydına yazılır.</p>
      <section className="card">
        {pauses.length === 0 ? (
          <p className="empty">Süren duraklatma yok.</p>
        ) : (
          <ul className="list">
            {pauses.map((p) => (
              <li key={p.id} data-testid="apply-pause">
                <Link href={`/avukat/${p.user.id}`} className="break-anywhere">{p.user.fullName}</Link>{" "}
                <span className="small muted break-anywhere">({p.user.email})</span>
                <div className="small">{formatDateTime(p.endsAt)} tarihine kadar · {p.reason}</div>
                <LiftPauseForm pauseId={p.id} name={p.user.fullName} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
