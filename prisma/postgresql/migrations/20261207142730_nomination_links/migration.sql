-- CreateTable
CREATE TABLE "NominationLink" (
    "tokenHash" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NominationLink_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "NominationLink_nominationId_idx" ON "NominationLink"("nominationId");

-- AddForeignKey
ALTER TABLE "NominationLink" ADD CONSTRAINT "NominationLink_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

