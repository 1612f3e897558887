import { getOrLoad, cacheKey } from "@/lib/cache";
import { db } from "@/lib/db";
import { badField } from "@/lib/jobs/errors";

export type Courthouse = { id: number; provinceId: number; name: string };
export type PlaceOptions = { provinces: { id: number; name: string }[]; courthouses: Courthouse[] };

// Reference data changes only with a deployment's seed: kept in this process for an hour after one Redis read,
// so a page view does not fetch and parse the 595 courthouses again.
const IN_PROCESS_MS = 60 * 60 * 1000;
let inProcess: { places: Promise<PlaceOptions>; until: number } | null = null;

/** The 81 provinces and their courthouses for the cascading selects; reference data, cached for a day. */
export function listPlaces(): Promise<PlaceOptions> {
  if (inProcess && inProcess.until > Date.now()) return inProcess.places;
  const places = loadPlaces();
  inProcess = { places, until: Date.now() + IN_PROCESS_MS };
  places.catch(() => (inProcess = null));
  return places;
}

/**
 * What a page hands the province → courthouse selects: every province, and the courthouses of the chosen one only
 * (the others are fetched when picked, from /api/adliyeler). All 595 in every page's payload made it ~50 KB larger.
 */
export async function placeOptionsFor(provinceId?: number | string | null): Promise<PlaceOptions> {
  const places = await listPlaces();
  const chosen = Number(provinceId);
  return { provinces: places.provinces, courthouses: chosen ? places.courthouses.filter((c) => c.provinceId === chosen) : [] };
}

function loadPlaces(): Promise<PlaceOptions> {
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
