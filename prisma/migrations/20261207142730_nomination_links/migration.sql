-- CreateTable
CREATE TABLE "NominationLink" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "nominationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NominationLink_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "NominationLink_nominationId_idx" ON "NominationLink"("nominationId");

