import { createPrismaClient } from "@/lib/db";
import { applyMigrations, ensureDatabase } from "@/lib/db-migrations";
import { seedDemoData } from "@/lib/reference/seed-demo-data";
import { seedReferenceData } from "@/lib/reference/seed-reference-data";

/** Creates and migrates a database and loads the reference data (and the demo accounts and jobs with `demo`). */
export async function prepareDatabase(databaseUrl: string, options: { demo?: boolean } = {}): Promise<void> {
  await ensureDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
  const { prisma, pool } = createPrismaClient(databaseUrl, 2);
  try {
    await seedReferenceData(prisma);
    if (options.demo) await seedDemoData(prisma);
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}
