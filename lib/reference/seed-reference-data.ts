import type { PrismaClient } from "@/lib/generated/prisma/client";
import { provinceRecords } from "@/lib/reference/provinces-data";

/** Loads the 81 provinces and their courthouses. Safe to run any number of times. */
export async function seedReferenceData(prisma: PrismaClient): Promise<{ provinces: number; courthouses: number }> {
  await prisma.province.createMany({
    data: provinceRecords.map((p) => ({ id: p.plate, name: p.name })),
    skipDuplicates: true,
  });
  await prisma.courthouse.createMany({
    data: provinceRecords.flatMap((p) => p.courthouses.map((name) => ({ provinceId: p.plate, name }))),
    skipDuplicates: true,
  });
  const [provinces, courthouses] = await Promise.all([prisma.province.count(), prisma.courthouse.count()]);
  return { provinces, courthouses };
}
