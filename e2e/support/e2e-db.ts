import { createPrismaClient } from "@/lib/db";

export type E2eDb = ReturnType<typeof createPrismaClient>["prisma"];

/** Runs `run` with a one-connection client on the e2e database (test setup and checks), closed afterwards. */
export async function withE2eDb<T>(run: (db: E2eDb) => Promise<T>): Promise<T> {
  const { prisma, pool } = createPrismaClient(process.env.E2E_DATABASE_URL!, 1);
  try {
    return await run(prisma);
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}
