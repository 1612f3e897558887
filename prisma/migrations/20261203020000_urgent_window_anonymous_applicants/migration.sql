-- Issue 14 items 3 and 4: an urgent job's response window, and applicants anonymous until one is accepted.
ALTER TABLE "Job" ADD COLUMN "responseWindowEndsAt" TIMESTAMP(3);
ALTER TABLE "Job" ADD COLUMN "responseWindowNotifiedAt" TIMESTAMP(3);
-- jobs posted before this change keep showing names (their posters have seen them); new ones are anonymous by default
ALTER TABLE "Job" ADD COLUMN "anonymousApplicants" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Job" ALTER COLUMN "anonymousApplicants" SET DEFAULT true;
ALTER TYPE "NotificationType" ADD VALUE 'RESPONSE_WINDOW_ENDED';
