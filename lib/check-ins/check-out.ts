import type { Actor } from "@/lib/auth/actor";
import { removeCheckIn } from "@/lib/check-ins/check-in-store";

/** The lawyer leaves the courthouse before the time they gave; nothing to do when they were not checked in. */
export async function checkOut(actor: Actor): Promise<{ left: boolean }> {
  return { left: (await removeCheckIn(actor.id)) !== null };
}
