import type { Metadata } from "next";
import Link from "next/link";
import { adminGate } from "@/components/admin-gate";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { listDisputeQueue, type DisputeQueueRow } from "@/lib/disputes/list-disputes";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Uyuşmazlık Masası" };

function Rows({ rows, testId }: { rows: DisputeQueueRow[]; testId: string }) {
  return (
    <ul className="list">
      {rows.map((d) => (
        <li key={d.id} data-testid={testId}>
          <Link href={`/uyusmazlik/${d.id}`} className="break-anywhere">{d.jobTitle}</Link>
          <div className="small muted break-anywhere">
            {d.openedBy} · {formatDateTime(d.createdAt)}
          </div>
          <p className="small break-anywhere" style={{ margin: "0.25rem 0 0" }}>{d.reason}</p>
        </li>
      ))}
    </ul>
  );
}

export default async function DisputeQueuePage() {
  const session = await requirePageSession("/yonetim/uyusmazliklar");
  const refusal = await adminGate(session);
  if (refusal) return refusal;
  const { open, decided } = await listDisputeQueue(actorFromSession(session));
  return (
    <div className="stack">
      <h1>Uyuşmazlık Masası</h1>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Açık uyuşmazlıklar</h2>
        {open.length === 0 ? <p className="empty">Açık uyuşmazlık yok.</p> : <Rows rows={open} testId="open-dispute" />}
      </section>
      {decided.length > 0 && (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Son kararlar</h2>
          <Rows rows={decided} testId="decided-dispute" />
        </section>
      )}
    </div>
  );
}
