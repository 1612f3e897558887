-- E-mail ownership is confirmed by a link. Accounts made before confirmation existed count as confirmed.
ALTER TABLE "User" ADD COLUMN "emailConfirmedAt" TIMESTAMP(3);
UPDATE "User" SET "emailConfirmedAt" = "createdAt";

-- A (bar, sicil) pair is held only by a verified account: an unverified sign-up no longer keeps the real lawyer
-- from registering; the administrator sees accounts that claim the same pair and can verify only one of them.
DROP INDEX "User_barName_barNumber_key";
CREATE INDEX "User_barName_barNumber_idx" ON "User"("barName", "barNumber");
CREATE UNIQUE INDEX "User_verified_barName_barNumber_key" ON "User"("barName", "barNumber") WHERE "verification" = 'VERIFIED';
