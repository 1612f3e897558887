import { db } from "@/lib/db";

export type FollowItem = { id: string; provinceId: number; provinceName: string; courthouseId: number | null; courthouseName: string | null };

/** What a lawyer covers, by province then courthouse name (at most 100 rows per user, see addFollow). */
export async function listFollows(userId: string): Promise<FollowItem[]> {
  const rows = await db.follow.findMany({
    where: { userId },
    select: { id: true, provinceId: true, courthouseId: true, province: { select: { name: true } }, courthouse: { select: { name: true } } },
  });
  return rows
    .map(({ province, courthouse, ...f }) => ({ ...f, provinceName: province.name, courthouseName: courthouse?.name ?? null }))
    .sort((a, b) => a.provinceName.localeCompare(b.provinceName, "tr") || (a.courthouseName ?? "").localeCompare(b.courthouseName ?? "", "tr"));
}
