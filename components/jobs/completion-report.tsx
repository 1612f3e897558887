import { formatDateTime } from "@/lib/format";
import type { Assignment } from "@/lib/jobs/get-assignment";
import { outcomeLabels } from "@/lib/jobs/completion-outcomes";

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The assignee's structured report as the two parties see it on the job page, with the tutanak to download. */
export function CompletionReport({ assignment }: { assignment: Assignment }) {
  const a = assignment;
  return (
    <div className="completion" data-testid="completion-report">
      <h3>Tamamlama raporu</h3>
      <dl className="facts">
        {a.completionOutcome && <div><dt>Sonuç</dt><dd data-testid="completion-outcome">{outcomeLabels[a.completionOutcome]}</dd></div>}
        {a.nextHearingAt && <div><dt>Sonraki duruşma</dt><dd data-testid="next-hearing">{formatDateTime(a.nextHearingAt)}</dd></div>}
        {a.completedAt && <div><dt>Rapor tarihi</dt><dd>{formatDateTime(a.completedAt)}</dd></div>}
      </dl>
      {a.interimDecision && <p data-testid="interim-decision"><strong>Ara karar:</strong> {a.interimDecision}</p>}
      {a.outcomeReason && <p data-testid="outcome-reason"><strong>Gerekçe:</strong> {a.outcomeReason}</p>}
      <p>{a.completionReport}</p>
      {a.completionNotes && <p className="muted">{a.completionNotes}</p>}
      {a.reportFiles.length > 0 && (
        <>
          <h4>Tutanak</h4>
          <ul className="list">
            {a.reportFiles.map((f) => (
              <li key={f.id}>
                <a href={`/api/ilanlar/${a.jobId}/tutanak/${f.id}`} download={f.fileName} data-testid="report-file">{f.fileName}</a>{" "}
                <span className="small muted">{f.mimeType === "application/pdf" ? "PDF" : "Fotoğraf"} · {kilobytes(f.sizeBytes)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
