-- Availability ("görev alıyorum", the courthouses and task types a lawyer takes) and the name-sharing choice of
-- "Adliyedeyim" (lib/availability/). The check-ins themselves live in Redis with their expiry.
CREATE TABLE "JobAvailability" (
    "userId" TEXT NOT NULL,
    "accepting" BOOLEAN NOT NULL DEFAULT true,
    "courthouseIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "taskTypes" "TaskType"[] DEFAULT ARRAY[]::"TaskType"[],
    "showCheckIn" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobAvailability_pkey" PRIMARY KEY ("userId")
);
ALTER TABLE "JobAvailability" ADD CONSTRAINT "JobAvailability_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An urgent job at the courthouse where the lawyer has checked in.
ALTER TYPE "NotificationType" ADD VALUE 'URGENT_JOB_AT_COURTHOUSE';
