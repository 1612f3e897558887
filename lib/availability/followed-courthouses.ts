import { db } from "@/lib/db";

export type FollowedCourthouse = { id: number; name: string; provinceName: string };

/**
 * The courthouses a lawyer covers: those followed one by one and every courthouse of a province followed whole,
 * by province then name. What the availability page offers to pick from.
 */
export async function listFollowedCourthouses(userId: string): Promise<FollowedCourthouse[]> {
  const follows = await db.follow.findMany({ where: { userId }, select: { provinceId: true, courthouseId: true } });
  if (follows.length === 0) return [];
  const rows = await db.courthouse.findMany({
    where: {
      OR: [
        { id: { in: follows.flatMap((f) => (f.courthouseId ? [f.courthouseId] : [])) } },
        { provinceId: { in: follows.flatMap((f) => (f.courthouseId ? [] : [f.provinceId])) } },
      ],
    },
    select: { id: true, name: true, province: { select: { name: true } } },
  });
  return rows
    .map(({ province, ...c }) => ({ ...c, provinceName: province.name }))
    .sort((a, b) => a.provinceName.localeCompare(b.provinceName, "tr") || a.name.localeCompare(b.name, "tr"));
}
