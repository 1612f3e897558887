-- Issue 14 item 7: the structured completion report (what happened, the ara karar or the reason, the tutanak files)
-- and the reminder of the next hearing to the poster.
ALTER TYPE "NotificationType" ADD VALUE 'HEARING_REMINDER';

CREATE TYPE "CompletionOutcome" AS ENUM ('ERTELENDI', 'KARAR_VERILDI', 'ARA_KARAR', 'DURUSMA_YAPILMADI', 'YAPILDI', 'KISMEN_YAPILDI', 'YAPILAMADI');

ALTER TABLE "Job" ADD COLUMN "completionOutcome" "CompletionOutcome",
ADD COLUMN "interimDecision" TEXT,
ADD COLUMN "outcomeReason" TEXT;

CREATE TABLE "JobReportFile" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "uploaderId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobReportFile_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "JobReportFile_storageKey_key" ON "JobReportFile"("storageKey");
CREATE INDEX "JobReportFile_jobId_idx" ON "JobReportFile"("jobId");
CREATE INDEX "JobReportFile_uploaderId_idx" ON "JobReportFile"("uploaderId");
-- the reminder scan looks for done jobs whose next hearing is within a day
CREATE INDEX "Job_status_nextHearingAt_idx" ON "Job"("status", "nextHearingAt");

ALTER TABLE "JobReportFile" ADD CONSTRAINT "JobReportFile_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "JobReportFile" ADD CONSTRAINT "JobReportFile_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
