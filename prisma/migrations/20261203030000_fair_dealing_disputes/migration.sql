-- Issue 14 items 5-6: no-show reports, applying pauses, the dispute desk, reviews held/hidden by a dispute.
-- CreateEnum
CREATE TYPE "ReviewState" AS ENUM ('VISIBLE', 'HELD', 'HIDDEN');

-- CreateEnum
CREATE TYPE "DisputeStatus" AS ENUM ('OPEN', 'DECIDED');

-- CreateEnum
CREATE TYPE "DisputeReviewOutcome" AS ENUM ('KEEP', 'HIDE');

-- AlterEnum

ALTER TYPE "NotificationType" ADD VALUE 'NO_SHOW_REPORTED';
ALTER TYPE "NotificationType" ADD VALUE 'APPLYING_PAUSED';
ALTER TYPE "NotificationType" ADD VALUE 'APPLYING_PAUSE_LIFTED';
ALTER TYPE "NotificationType" ADD VALUE 'DISPUTE_OPENED';
ALTER TYPE "NotificationType" ADD VALUE 'DISPUTE_MESSAGE';
ALTER TYPE "NotificationType" ADD VALUE 'DISPUTE_DECIDED';

-- AlterEnum

ALTER TYPE "AuditAction" ADD VALUE 'APPLY_PAUSE_LIFTED';
ALTER TYPE "AuditAction" ADD VALUE 'DISPUTE_OPENED';
ALTER TYPE "AuditAction" ADD VALUE 'DISPUTE_MESSAGE';
ALTER TYPE "AuditAction" ADD VALUE 'DISPUTE_DECIDED';

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "state" "ReviewState" NOT NULL DEFAULT 'VISIBLE';

-- CreateTable
CREATE TABLE "NoShowReport" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "assigneeId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoShowReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplyPause" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "liftedAt" TIMESTAMP(3),
    "liftedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplyPause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dispute" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "openedById" TEXT NOT NULL,
    "posterId" TEXT NOT NULL,
    "assigneeId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "DisputeStatus" NOT NULL DEFAULT 'OPEN',
    "decisionNote" TEXT,
    "reviewOutcome" "DisputeReviewOutcome",
    "sanctionedUserId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Dispute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisputeMessage" (
    "id" TEXT NOT NULL,
    "disputeId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisputeMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NoShowReport_jobId_key" ON "NoShowReport"("jobId");

-- CreateIndex
CREATE INDEX "NoShowReport_assigneeId_createdAt_idx" ON "NoShowReport"("assigneeId", "createdAt");

-- CreateIndex
CREATE INDEX "ApplyPause_userId_endsAt_idx" ON "ApplyPause"("userId", "endsAt");

-- CreateIndex
CREATE INDEX "ApplyPause_endsAt_idx" ON "ApplyPause"("endsAt");

-- CreateIndex
CREATE INDEX "Dispute_status_createdAt_id_idx" ON "Dispute"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Dispute_jobId_status_idx" ON "Dispute"("jobId", "status");

-- CreateIndex
CREATE INDEX "DisputeMessage_disputeId_createdAt_idx" ON "DisputeMessage"("disputeId", "createdAt");

-- AddForeignKey
ALTER TABLE "NoShowReport" ADD CONSTRAINT "NoShowReport_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoShowReport" ADD CONSTRAINT "NoShowReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoShowReport" ADD CONSTRAINT "NoShowReport_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplyPause" ADD CONSTRAINT "ApplyPause_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplyPause" ADD CONSTRAINT "ApplyPause_liftedById_fkey" FOREIGN KEY ("liftedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_sanctionedUserId_fkey" FOREIGN KEY ("sanctionedUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisputeMessage" ADD CONSTRAINT "DisputeMessage_disputeId_fkey" FOREIGN KEY ("disputeId") REFERENCES "Dispute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisputeMessage" ADD CONSTRAINT "DisputeMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

