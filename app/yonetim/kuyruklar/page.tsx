import type { Metadata } from "next";
import { actorFromSession } from "@/lib/auth/current-user";
import { adminGate } from "@/components/admin-gate";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { formatDateTime } from "@/lib/format";
import { getQueueOverview, queueCountKinds, type QueueCountKind } from "@/lib/queue/queue-overview";
import { RetryButton } from "@/app/yonetim/kuyruklar/retry-button";

export const metadata: Metadata = { title: "Kuyruklar" };

const queueLabels: Record<string, string> = { notifications: "Bildirimler", maintenance: "Bakım", exports: "Veri dışa aktarımı" };
const countLabels: Record<QueueCountKind, string> = {
  waiting: "Bekleyen",
  active: "Çalışan",
  delayed: "Ertelenmiş",
  completed: "Tamamlanan",
  failed: "Başarısız",
};

export default async function QueuesPage() {
  const session = await requirePageSession("/yonetim/kuyruklar");
  const refusal = await adminGate(session);
  if (refusal) return refusal;
  const queues = await getQueueOverview(actorFromSession(session));
  return (
    <div className="stack">
      <h1>İş kuyrukları</h1>
      <p className="muted small">Sayılar sayfa açıldığı andaki durumdur; güncellemek için sayfayı yenileyin.</p>
      {queues.map((queue) => (
        <section key={queue.name} className="card" data-testid="queue-card" aria-labelledby={`queue-${queue.name}`}>
          <h2 id={`queue-${queue.name}`} style={{ marginTop: 0 }}>
            {queueLabels[queue.name] ?? queue.name} <code className="small muted">{queue.name}</code>
          </h2>
          <dl className="queue-counts">
            {queueCountKinds.map((kind) => (
              <div key={kind} className={kind === "failed" && queue.counts.failed > 0 ? "is-failed" : undefined}>
                <dt>{countLabels[kind]}</dt>
                <dd data-testid={`queue-${queue.name}-${kind}`}>{queue.counts[kind]}</dd>
              </div>
            ))}
          </dl>
          {queue.failed.length > 0 && (
            <>
              <h3>
                Başarısız işler
                {queue.counts.failed > queue.failed.length && <span className="small muted"> (en yeni {queue.failed.length} tanesi)</span>}
              </h3>
              <ul className="list">
                {queue.failed.map((job) => (
                  <li key={job.id} className="failed-job" data-testid="failed-job">
                    <div>
                      <strong>{job.name}</strong> <span className="small muted">#{job.id}</span>
                      <p className="failed-reason">{job.failedReason || "Sebep kaydedilmemiş."}</p>
                      <div className="small muted">
                        {job.attemptsMade} deneme · oluşturuldu {formatDateTime(new Date(job.timestamp))}
                      </div>
                    </div>
                    <RetryButton queue={queue.name} jobId={job.id} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
    </div>
  );
}
