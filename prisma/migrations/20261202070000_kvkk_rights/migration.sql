-- KVKK md. 11 rights: a closed (anonymised) account keeps its row with the time it was closed.
ALTER TABLE "User" ADD COLUMN "deletedAt" TIMESTAMP(3);

-- The in-app notice that a data export is ready to download.
ALTER TYPE "NotificationType" ADD VALUE 'DATA_EXPORT_READY';

-- CreateEnum
CREATE TYPE "DataExportStatus" AS ENUM ('PENDING', 'READY', 'FAILED');

-- A lawyer's data export (a ZIP in the storage driver), downloadable by its owner until it expires.
CREATE TABLE "DataExport" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "DataExportStatus" NOT NULL DEFAULT 'PENDING',
    "storageKey" TEXT,
    "sizeBytes" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readyAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "DataExport_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "DataExport_storageKey_key" ON "DataExport"("storageKey");
-- the settings page shows the newest export of its user
CREATE INDEX "DataExport_userId_createdAt_idx" ON "DataExport"("userId", "createdAt");
-- a second click while one is being built gets that one, not another job
CREATE UNIQUE INDEX "DataExport_one_pending_per_user_key" ON "DataExport"("userId") WHERE "status" = 'PENDING';

ALTER TABLE "DataExport" ADD CONSTRAINT "DataExport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
