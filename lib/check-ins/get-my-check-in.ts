import type { Actor } from "@/lib/auth/actor";
import { defaultCheckInUntil } from "@/lib/check-ins/check-in-time";
import { readCheckIn, type StoredCheckIn } from "@/lib/check-ins/check-in-store";
import { listPlaces } from "@/lib/jobs/reference-places";

export type CheckInView = { courthouseId: number; provinceId: number; courthouseName: string; until: string };

export async function describeCheckIn(stored: StoredCheckIn): Promise<CheckInView> {
  const { courthouses } = await listPlaces();
  const courthouse = courthouses.find((c) => c.id === stored.courthouseId);
  return { courthouseId: stored.courthouseId, provinceId: courthouse?.provinceId ?? 0, courthouseName: courthouse?.name ?? "Adliye", until: stored.until.toISOString() };
}

/** The lawyer's own check-in (null when none or ended) and the end time the form suggests now. */
export async function getMyCheckIn(actor: Actor, now = new Date()): Promise<{ checkIn: CheckInView | null; defaultUntil: string }> {
  const stored = await readCheckIn(actor.id, now);
  return { checkIn: stored ? await describeCheckIn(stored) : null, defaultUntil: defaultCheckInUntil(now) };
}
