import Bowser from "bowser";
import { db } from "@/lib/db";
import { addNotificationJob } from "@/lib/queue/queues";
import { recordSecurityEvent, type SecurityContext } from "@/lib/security/record-security-event";

// how many of the account's latest sign-ins are compared with this one
const HISTORY_LIMIT = 200;

/** Browser, system and kind of device without versions: an update of Chrome is not a new device. */
export function deviceKeyOf(userAgent: string): string {
  if (!userAgent) return "";
  const parsed = Bowser.parse(userAgent);
  return [parsed.browser.name ?? "", parsed.os.name ?? "", parsed.platform.type ?? ""].join("|");
}

/**
 * Logs a successful sign-in. One from a device or an address this account has not signed in from (within the
 * log's 12 months) is a new-device sign-in, and the owner is e-mailed about it. The first sign-in of an account
 * (right after registration) has nothing to compare with and is never "new". Never throws: signing in goes on.
 */
export async function recordSignIn(userId: string, context: SecurityContext): Promise<void> {
  try {
    const history = await db.securityEvent.findMany({
      where: { userId, type: { in: ["LOGIN_SUCCEEDED", "LOGIN_NEW_DEVICE"] } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
      select: { ip: true, userAgent: true },
    });
    const device = deviceKeyOf(context.userAgent);
    const known = history.some((e) => e.ip === context.ip) && history.some((e) => deviceKeyOf(e.userAgent) === device);
    const isNew = history.length > 0 && !known;
    const eventId = await recordSecurityEvent({ userId, type: isNew ? "LOGIN_NEW_DEVICE" : "LOGIN_SUCCEEDED" }, context);
    if (isNew && eventId) {
      await addNotificationJob("new-device-notice", { securityEventId: eventId }, { jobId: `new-device-${eventId}`, attempts: 5 });
    }
  } catch (error) {
    console.error(`sign-in of ${userId} not recorded:`, error);
  }
}
