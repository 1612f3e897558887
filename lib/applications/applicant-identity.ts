import type { JobStatus } from "@/lib/generated/prisma/enums";

/** What decides whether a job's poster may know who an applicant is. */
export type IdentityRule = { anonymousApplicants: boolean; status: JobStatus; assigneeId: string | null };

/**
 * On an anonymous job the poster learns an applicant's identity only by accepting them: the assignee of an ASSIGNED or
 * DONE job. Everyone else who applied stays anonymous to the poster for good.
 */
export function posterMayIdentify(job: IdentityRule, applicantId: string): boolean {
  if (!job.anonymousApplicants) return true;
  return job.assigneeId === applicantId && (job.status === "ASSIGNED" || job.status === "DONE");
}

/** "Av. Mehmet Demir" → "M. D.": the first given name and the surname, without the title. */
export function initialsOf(fullName: string): string {
  const words = fullName.replace(/^(Stj\.\s*Av\.|Av\.)\s*/i, "").trim().split(/\s+/).filter(Boolean);
  const picked = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return picked.map((w) => `${w.charAt(0).toLocaleUpperCase("tr")}.`).join(" ") || "?";
}
