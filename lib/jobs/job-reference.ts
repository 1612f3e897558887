const yearInIstanbul = new Intl.DateTimeFormat("en", { timeZone: "Europe/Istanbul", year: "numeric" });

/** "TVK-2026-000042": the job's number with the year it was posted, for documents and file names. */
export function jobReference(job: { number: number; createdAt: Date }): string {
  return `TVK-${yearInIstanbul.format(job.createdAt)}-${String(job.number).padStart(6, "0")}`;
}
