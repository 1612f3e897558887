import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { getDispute, type DisputeView } from "@/lib/disputes/get-dispute";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { DisputeDecisionForm, DisputeMessageForm } from "@/app/uyusmazlik/[id]/forms";

export const metadata: Metadata = { title: "Uyuşmazlık Masası" };

const reviewOutcome = { KEEP: "Değerlendirmeler yayımlandı", HIDE: "Değerlendirmeler gizlendi" } as const;

// Rendered on every request (not in lib/page-cache): only the two parties and administrators may see it.
export default async function DisputePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await requirePageSession(`/uyusmazlik/${id}`);
  let dispute: DisputeView;
  try {
    dispute = await getDispute(actorFromSession(session), id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError) return <div className="banner banner-error" role="alert">{error.message}</div>;
    throw error;
  }
  const sanctioned = dispute.decision?.sanctionedUserId
    ? dispute.decision.sanctionedUserId === dispute.poster.id ? dispute.poster.fullName : dispute.assignee.fullName
    : null;
  return (
    <div className="stack">
      <section className="card">
        <p className="small muted" style={{ margin: 0 }}>Uyuşmazlık Masası</p>
        <h1 style={{ marginTop: 0 }} className="break-anywhere">
          <Link href={`/ilanlar/${dispute.jobId}`}>{dispute.jobTitle}</Link>
        </h1>
        <dl className="facts">
          <div><dt>Durum</dt><dd data-testid="dispute-status">{dispute.status === "OPEN" ? "Açık" : "Karara bağlandı"}</dd></div>
          <div><dt>Açan</dt><dd>{dispute.openedBy.fullName}</dd></div>
          <div><dt>Açılış</dt><dd>{formatDateTime(dispute.createdAt)}</dd></div>
          <div><dt>İlan sahibi</dt><dd>{dispute.poster.fullName}</dd></div>
          <div><dt>Görevli avukat</dt><dd>{dispute.assignee.fullName}</dd></div>
        </dl>
        <p className="job-description" data-testid="dispute-reason">{dispute.reason}</p>
        {dispute.status === "OPEN" && (
          <p className="small muted">Karar verilene kadar bu işin değerlendirmeleri profillerde ve ilan sayfasında görünmez.</p>
        )}
      </section>

      {dispute.decision && (
        <section className="card" data-testid="dispute-decision">
          <h2 style={{ marginTop: 0 }}>Karar</h2>
          <p className="job-description">{dispute.decision.note}</p>
          <p className="small">
            {reviewOutcome[dispute.decision.reviews]}. {sanctioned ? `${sanctioned} adlı tarafın başvuruları duraklatıldı.` : "Yaptırım uygulanmadı."}{" "}
            <span className="muted">({formatDateTime(dispute.decision.decidedAt)})</span>
          </p>
        </section>
      )}

      <section className="card" aria-labelledby="dispute-thread-heading">
        <h2 id="dispute-thread-heading" style={{ marginTop: 0 }}>Yazışma</h2>
        {dispute.messages.length === 0 ? (
          <p className="empty">Henüz mesaj yok.</p>
        ) : (
          <ul className="list" data-testid="dispute-messages">
            {dispute.messages.map((m) => (
              <li key={m.id} data-testid="dispute-message">
                <div className="small">
                  <strong>{m.author.isAdmin ? `Uyuşmazlık Masası (${m.author.fullName})` : m.author.fullName}</strong>{" "}
                  <span className="muted">{formatDateTime(m.createdAt)}</span>
                </div>
                <p className="break-anywhere" style={{ margin: "0.25rem 0 0", whiteSpace: "pre-wrap" }}>{m.body}</p>
              </li>
            ))}
          </ul>
        )}
        {dispute.status === "OPEN" && <DisputeMessageForm disputeId={dispute.id} />}
      </section>

      {dispute.role === "ADMIN" && dispute.status === "OPEN" && (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Karar ver</h2>
          <DisputeDecisionForm disputeId={dispute.id} posterName={dispute.poster.fullName} assigneeName={dispute.assignee.fullName} />
        </section>
      )}
    </div>
  );
}
