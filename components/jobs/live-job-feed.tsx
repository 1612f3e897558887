"use client";

import Link from "next/link";
import { useState } from "react";
import { JobCard } from "@/components/jobs/job-card";
import { SignedIn } from "@/components/viewer/signed-in";
import { useSocketEvent } from "@/components/realtime/socket-provider";
import { fromPayload, type JobSummary, type JobSummaryPayload } from "@/lib/jobs/job-summary";

export type LiveFilters = {
  provinceId?: number;
  courthouseId?: number;
  taskType?: string;
  urgency?: string;
  minFee?: number;
  from?: string;
  to?: string;
  /** with a text search the browser cannot tell whether a job matches, so live jobs are not shown */
  hasQuery: boolean;
  /** "Bana uygun": the viewer's courthouses and task types (empty: all types) */
  courthouseIds?: number[];
  taskTypes?: string[];
  /** "Bana uygun" with work taking off or nothing followed: nothing fits */
  none?: boolean;
};

function matches(job: JobSummary, f: LiveFilters): boolean {
  if (f.hasQuery || f.none) return false;
  if (f.courthouseIds && !f.courthouseIds.includes(job.courthouseId)) return false;
  if (f.taskTypes?.length && !f.taskTypes.includes(job.taskType)) return false;
  if (f.provinceId && job.provinceId !== f.provinceId) return false;
  if (f.courthouseId && job.courthouseId !== f.courthouseId) return false;
  if (f.taskType && job.taskType !== f.taskType) return false;
  if (f.urgency && job.urgency !== f.urgency) return false;
  if (f.minFee && job.feeKurus < f.minFee) return false;
  if (f.from && job.scheduledAt < new Date(f.from)) return false;
  if (f.to && job.scheduledAt > new Date(f.to)) return false;
  return true;
}

/**
 * Jobs posted at the courthouses the lawyer follows arrive as `job:new` on the tab's socket and appear on top of
 * the board without a reload (no polling: nothing is requested until the server pushes). The count above the list
 * is drawn here too, so it always counts the cards that arrived.
 */
export function LiveJobFeed({ filters, knownIds, total }: { filters: LiveFilters; knownIds: string[]; total: number }) {
  const [jobs, setJobs] = useState<JobSummary[]>([]);
  useSocketEvent<JobSummaryPayload>("job:new", (payload) => {
    const job = fromPayload(payload);
    if (!matches(job, filters) || knownIds.includes(job.id)) return;
    setJobs((current) => (current.some((j) => j.id === job.id) ? current : [job, ...current]));
  });
  return (
    <>
      <p className="muted" data-testid="result-count">
        {(total + jobs.length).toLocaleString("tr-TR")} açık ilan
        <SignedIn>
          {" · "}
          <Link href="/ayarlar/takip">Takip ettiğim adliyeler</Link>
        </SignedIn>
      </p>
      {jobs.length > 0 && (
        <section aria-live="polite" aria-label="Yeni ilanlar" className="job-list" data-testid="live-jobs">
          {jobs.map((job) => (
            <JobCard key={job.id} job={job} fresh />
          ))}
        </section>
      )}
    </>
  );
}
