-- A short number people can read out and type (the yetki belgesi's "Belge no"), instead of the record id.
ALTER TABLE "Job" ADD COLUMN "number" SERIAL NOT NULL;
CREATE UNIQUE INDEX "Job_number_key" ON "Job"("number");
