"use client";

import Link from "next/link";
import { useState } from "react";
import { useSocketEvent } from "@/components/realtime/socket-provider";
import type { JobSummaryPayload } from "@/lib/jobs/job-summary";
import { urgencyLabels } from "@/lib/jobs/labels";

/**
 * The live notice of an urgent job at the courthouse where the lawyer checked in (`job:urgent`), on whichever page
 * is open: the reason "Adliyedeyim" exists is to hear of it before anyone else.
 */
export function UrgentJobNotice() {
  const [jobs, setJobs] = useState<JobSummaryPayload[]>([]);
  useSocketEvent<JobSummaryPayload>("job:urgent", (job) => setJobs((current) => (current.some((j) => j.id === job.id) ? current : [job, ...current].slice(0, 3))));
  if (jobs.length === 0) return null;
  return (
    <div className="container urgent-notices" role="alert" data-testid="urgent-job-notice">
      {jobs.map((job) => (
        <div className="banner banner-warning urgent-notice" key={job.id}>
          <span>
            <strong>{urgencyLabels[job.urgency]} ilan, bulunduğunuz adliyede:</strong>{" "}
            <Link href={`/ilanlar/${job.id}`} onClick={() => setJobs((c) => c.filter((j) => j.id !== job.id))}>{job.title}</Link> · {job.courthouseName}
          </span>
          <button type="button" className="link-button" onClick={() => setJobs((c) => c.filter((j) => j.id !== job.id))} aria-label={`${job.title} bildirimini kapat`}>
            Kapat
          </button>
        </div>
      ))}
    </div>
  );
}
