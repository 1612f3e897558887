import { db } from "@/lib/db";

/** How long a security event is kept (the log page says so too). */
export const SECURITY_EVENT_RETENTION_MONTHS = 12;

/** The moment before which events are deleted: 12 calendar months before `now`. */
export function securityEventCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - SECURITY_EVENT_RETENTION_MONTHS);
  return cutoff;
}

/** Deletes security events older than the retention period. Returns how many. */
export async function deleteExpiredSecurityEvents(now: Date = new Date()): Promise<number> {
  const { count } = await db.securityEvent.deleteMany({ where: { createdAt: { lt: securityEventCutoff(now) } } });
  return count;
}
