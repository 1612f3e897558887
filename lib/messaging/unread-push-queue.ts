import { pushUnreadTotal } from "@/lib/messaging/list-conversations";

// Unread totals (sent after reads; a new message is counted by the client) are computed at most a few at a time
// per process, and a user already waiting in the queue is not queued again (the one computation that runs sees
// every read so far). Under load the pushes coalesce instead of taking the database connections that sends need.
const MAX_RUNNING = 2;
const waiting = new Set<string>();
let running = 0;

function drain(): void {
  for (const userId of waiting) {
    if (running >= MAX_RUNNING) return;
    waiting.delete(userId);
    running++;
    pushUnreadTotal(userId)
      .catch((error) => console.error("unread push failed", error))
      .finally(() => {
        running--;
        drain();
      });
  }
}

/** Sends the user their current unread total soon (`unread` event), coalescing repeated requests. */
export function scheduleUnreadPush(userId: string): void {
  waiting.add(userId);
  drain();
}
