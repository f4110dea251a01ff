-- DropIndex
DROP INDEX "Nomination_contactEmail_idx";

-- CreateIndex
CREATE INDEX "Nomination_editionId_contactEmail_idx" ON "Nomination"("editionId", "contactEmail");

