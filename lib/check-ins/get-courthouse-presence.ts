import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { checkedInUserIds } from "@/lib/check-ins/check-in-store";
import { parseInput } from "@/lib/validation";

export type CourthousePresence = {
  count: number;
  /** the viewer is one of them */
  includesViewer: boolean;
  /** only those who allow it (JobAvailability.showCheckIn), and only to verified colleagues */
  shown: { id: string; fullName: string }[];
};

const presenceSchema = z.object({ courthouseId: z.coerce.number().int().positive() });

/**
 * How many lawyers are checked in at a courthouse now: a count, never who, except the ones who allow their name
 * to be shown. Read per request (it changes with time and every check-in), never from a shared page copy.
 */
export async function getCourthousePresence(viewer: Actor, input: unknown, now = new Date()): Promise<CourthousePresence> {
  const { courthouseId } = parseInput(presenceSchema, input);
  const userIds = await checkedInUserIds(courthouseId, now);
  const includesViewer = userIds.includes(viewer.id);
  if (userIds.length === 0 || viewer.verification !== "VERIFIED") return { count: userIds.length, includesViewer, shown: [] };
  const shown = await db.user.findMany({
    where: { id: { in: userIds }, deletedAt: null, availability: { is: { showCheckIn: true } } },
    select: { id: true, fullName: true },
    orderBy: { fullName: "asc" },
    take: 20,
  });
  return { count: userIds.length, includesViewer, shown };
}
