import Link from "next/link";
import { ResponseWindowCountdown } from "@/components/jobs/response-window-countdown";
import { formatDateTime } from "@/lib/format";
import type { JobSummary } from "@/lib/jobs/job-summary";
import { taskTypeLabels, urgencyLabels } from "@/lib/jobs/labels";
import { formatKurus } from "@/lib/jobs/money";

/** One job on the board (also rendered on the client for jobs that arrive live). */
/** A job in a list; `headingLevel` follows the page's outline (2 under the page's h1, 3 inside a section). */
export function JobCard({ job, fresh = false, extra, headingLevel = 2 }: { job: JobSummary; fresh?: boolean; extra?: React.ReactNode; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className={`card job-card${fresh ? " job-card-fresh" : ""}`} data-testid="job-card" data-job-id={job.id}>
      <div className="job-card-top">
        <span className="badge">{taskTypeLabels[job.taskType]}</span>
        {job.urgency !== "NORMAL" && <span className={`badge badge-urgent-${job.urgency.toLowerCase()}`}>{urgencyLabels[job.urgency]}</span>}
        {fresh && <span className="badge badge-success">Yeni</span>}
        <span className="spacer" />
        <strong className="job-fee">{formatKurus(job.feeKurus)}</strong>
      </div>
      <Heading className="job-card-title">
        <Link href={`/ilanlar/${job.id}`}>{job.title}</Link>
      </Heading>
      <p className="small muted job-card-meta">
        {job.courthouseName} · {job.provinceName}
        <br />
        <time dateTime={new Date(job.scheduledAt).toISOString()}>{formatDateTime(new Date(job.scheduledAt))}</time> · {job.lawArea}
      </p>
      {job.responseWindowEndsAt && <ResponseWindowCountdown endsAt={new Date(job.responseWindowEndsAt).toISOString()} open compact />}
      {extra}
    </article>
  );
}
