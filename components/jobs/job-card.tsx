import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { JobSummary } from "@/lib/jobs/job-summary";
import { taskTypeLabels, urgencyLabels } from "@/lib/jobs/labels";
import { formatKurus } from "@/lib/jobs/money";

/** One job on the board (also rendered on the client for jobs that arrive live). */
export function JobCard({ job, fresh = false, extra }: { job: JobSummary; fresh?: boolean; extra?: React.ReactNode }) {
  return (
    <article className={`card job-card${fresh ? " job-card-fresh" : ""}`} data-testid="job-card" data-job-id={job.id}>
      <div className="job-card-top">
        <span className="badge">{taskTypeLabels[job.taskType]}</span>
        {job.urgency !== "NORMAL" && <span className={`badge badge-urgent-${job.urgency.toLowerCase()}`}>{urgencyLabels[job.urgency]}</span>}
        {fresh && <span className="badge badge-success">Yeni</span>}
        <span className="spacer" />
        <strong className="job-fee">{formatKurus(job.feeKurus)}</strong>
      </div>
      <h3 className="job-card-title">
        <Link href={`/ilanlar/${job.id}`}>{job.title}</Link>
      </h3>
      <p className="small muted job-card-meta">
        {job.courthouseName} · {job.provinceName}
        <br />
        <time dateTime={new Date(job.scheduledAt).toISOString()}>{formatDateTime(new Date(job.scheduledAt))}</time> · {job.lawArea}
      </p>
      {extra}
    </article>
  );
}
