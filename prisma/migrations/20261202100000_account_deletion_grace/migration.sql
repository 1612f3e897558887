-- "Hesabımı sil" closes the account after a grace period (ACCOUNT_DELETION_GRACE_HOURS); logging in cancels it.
ALTER TABLE "User" ADD COLUMN "deletionRequestedAt" TIMESTAMP(3);
ALTER TYPE "SecurityEventType" ADD VALUE 'ACCOUNT_DELETION_REQUESTED';
ALTER TYPE "SecurityEventType" ADD VALUE 'ACCOUNT_DELETION_CANCELLED';
