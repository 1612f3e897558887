import { UnrecoverableError, type Job } from "bullmq";
import { buildDataExport, markDataExportFailed } from "@/lib/kvkk/build-data-export";
import { closeAccount } from "@/lib/kvkk/close-account";
import { expireDataExport } from "@/lib/kvkk/expire-data-export";
import type { ExportJobs } from "@/lib/queue/queues";

/** The exports queue's job kinds. A build that fails its last attempt marks the export FAILED, so the page says so. */
export async function handleExportJob(job: Job): Promise<unknown> {
  if (job.name === "expire-data-export") return expireDataExport((job.data as ExportJobs["expire-data-export"]).exportId);
  if (job.name === "close-account") return closeAccount((job.data as ExportJobs["close-account"]).userId);
  if (job.name !== "build-data-export") throw new UnrecoverableError(`unknown job ${job.name}`);
  const { exportId } = job.data as ExportJobs["build-data-export"];
  try {
    return await buildDataExport(exportId);
  } catch (error) {
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await markDataExportFailed(exportId);
    throw error;
  }
}
