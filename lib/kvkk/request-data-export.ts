import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { addExportJob } from "@/lib/queue/queues";

/**
 * The lawyer asks for a copy of their data (KVKK md. 11/1-b): records a PENDING export and queues the worker job
 * that builds it (the payload is the export's id only). While one is being built, a second click returns that one.
 * Only ever for the actor's own account: no id comes from the client.
 */
export async function requestDataExport(actor: Actor): Promise<{ exportId: string }> {
  let exportId: string;
  try {
    ({ id: exportId } = await db.dataExport.create({ data: { userId: actor.id }, select: { id: true } }));
  } catch (error) {
    // the partial unique index: one PENDING export per user
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    ({ id: exportId } = await db.dataExport.findFirstOrThrow({ where: { userId: actor.id, status: "PENDING" }, select: { id: true } }));
  }
  // jobId: the same export is never built twice, however often this runs
  await addExportJob("build-data-export", { exportId }, { jobId: `build-${exportId}` });
  return { exportId };
}
