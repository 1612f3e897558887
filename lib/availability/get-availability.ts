import { db } from "@/lib/db";
import { DEFAULT_AVAILABILITY, type Availability } from "@/lib/availability/availability-rules";

/** A lawyer's availability, the defaults when they never changed it. */
export async function getAvailability(userId: string): Promise<Availability> {
  const row = await db.jobAvailability.findUnique({
    where: { userId },
    select: { accepting: true, courthouseIds: true, taskTypes: true, showCheckIn: true },
  });
  return row ?? DEFAULT_AVAILABILITY;
}
