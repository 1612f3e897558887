import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SecurityEventType } from "@/lib/generated/prisma/enums";

/** Where a request came from, as the security log shows it. */
export type SecurityContext = { ip: string; userAgent: string };

export type SecurityEventInput = { userId: string; type: SecurityEventType; detail?: Prisma.InputJsonValue };

/** The row as written, for callers that write it inside their own transaction. */
export function securityEventData(event: SecurityEventInput, context: SecurityContext): Prisma.SecurityEventUncheckedCreateInput {
  return { userId: event.userId, type: event.type, ip: context.ip.slice(0, 64), userAgent: context.userAgent.slice(0, 300), detail: event.detail };
}

/**
 * Adds a row to the account's security log. The log follows the operation it records and never fails it: a
 * PostgreSQL hiccup here is logged and the sign-in, password change or revocation stands. Returns the row's id, or
 * null when it could not be written.
 */
export async function recordSecurityEvent(event: SecurityEventInput, context: SecurityContext): Promise<string | null> {
  try {
    const row = await db.securityEvent.create({ data: securityEventData(event, context), select: { id: true } });
    return row.id;
  } catch (error) {
    console.error(`security event ${event.type} for ${event.userId} not recorded:`, error);
    return null;
  }
}
