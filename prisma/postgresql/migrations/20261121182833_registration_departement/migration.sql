-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "departement" TEXT;

-- CreateIndex
CREATE INDEX "Registration_eventId_departement_idx" ON "Registration"("eventId", "departement");

