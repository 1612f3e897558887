"use client";

import { useRouter } from "next/navigation";
import { useSocketEvent } from "@/components/realtime/socket-provider";

/**
 * Keeps a job's page current for the people involved in it: the server tells them `job:changed` after every
 * write to the job (a new applicant, an acceptance, a completion, a review) and the page renders anew (the cache
 * has already moved to the new version). Renders nothing.
 */
export function LiveJobPage({ jobId }: { jobId: string }) {
  const router = useRouter();
  useSocketEvent<{ jobId: string }>("job:changed", (event) => {
    if (event.jobId === jobId) router.refresh();
  });
  return null;
}
