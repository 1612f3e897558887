import type { TaskType } from "@/lib/generated/prisma/enums";
import { getAvailability } from "@/lib/availability/get-availability";
import { listFollowedCourthouses } from "@/lib/availability/followed-courthouses";

/** "Bana uygun" on the board: the courthouses and task types a lawyer takes, or why there are none. */
export type MyBoardFilter =
  | { kind: "off" }
  | { kind: "no-follows" }
  | { kind: "filter"; courthouseIds: number[]; taskTypes: TaskType[] };

/**
 * The concrete sets for the board query: the picked courthouses still followed (every followed one when none is
 * picked, a whole province counting as all its courthouses) and the picked task types (empty: all). The board caches
 * by these sets, never by the viewer, so two lawyers with the same sets share the same cached result.
 */
export async function myBoardFilter(userId: string): Promise<MyBoardFilter> {
  const [availability, followed] = await Promise.all([getAvailability(userId), listFollowedCourthouses(userId)]);
  if (!availability.accepting) return { kind: "off" };
  const followedIds = followed.map((c) => c.id);
  const picked = new Set(availability.courthouseIds);
  const courthouseIds = picked.size ? followedIds.filter((id) => picked.has(id)) : followedIds;
  if (courthouseIds.length === 0) return { kind: "no-follows" };
  return { kind: "filter", courthouseIds, taskTypes: availability.taskTypes };
}
