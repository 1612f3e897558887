import type { Urgency } from "@/lib/generated/prisma/enums";
import { hasResponseWindow } from "@/lib/jobs/response-window-choices";
import { addNotificationJob } from "@/lib/queue/queues";

/**
 * When the window of a job posted now ends, or null for a job that is not urgent. It never outlasts the
 * application deadline: applications stop there anyway.
 */
export function responseWindowEnd(urgency: Urgency, minutes: number, deadlineAt: Date, now = new Date()): Date | null {
  if (!hasResponseWindow(urgency)) return null;
  return new Date(Math.min(now.getTime() + minutes * 60_000, deadlineAt.getTime()));
}

/**
 * Queues the poster's "the window has ended" notice as a delayed job (the worker runs endResponseWindow). The job
 * id makes a second add a no-op. A queue failure is logged, not thrown: the job is already posted and the countdown
 * on its page still shows the end.
 */
export async function scheduleResponseWindowNotice(jobId: string, endsAt: Date): Promise<void> {
  try {
    await addNotificationJob("response-window-ended", { jobId }, { jobId: `response-window-${jobId}`, delay: Math.max(0, endsAt.getTime() - Date.now()) });
  } catch (error) {
    console.error("scheduling the response window notice failed", jobId, error);
  }
}
