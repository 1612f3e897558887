import { getOrLoad, cacheKey } from "@/lib/cache";
import { db } from "@/lib/db";
import { badField } from "@/lib/jobs/errors";

export type PlaceOptions = { provinces: { id: number; name: string }[]; courthouses: { id: number; provinceId: number; name: string }[] };

/** The 81 provinces and their courthouses for the cascading selects; reference data, cached for a day. */
export function listPlaces(): Promise<PlaceOptions> {
  return getOrLoad(cacheKey("ref", "places"), 86_400, async () => {
    const [provinces, courthouses] = await Promise.all([
      db.province.findMany({ select: { id: true, name: true } }),
      db.courthouse.findMany({ select: { id: true, provinceId: true, name: true } }),
    ]);
    const tr = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "tr");
    return { provinces: provinces.sort(tr), courthouses: courthouses.sort(tr) };
  });
}

/** Refuses a courthouse that is not in the chosen province (a crafted form could pair any two ids). */
export async function assertCourthouseInProvince(courthouseId: number, provinceId: number): Promise<void> {
  const courthouse = await db.courthouse.findUnique({ where: { id: courthouseId }, select: { provinceId: true } });
  if (!courthouse || courthouse.provinceId !== provinceId) throw badField("courthouseId", "Seçtiğiniz ilde bir adliye seçin.");
}
