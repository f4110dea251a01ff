-- AlterTable
ALTER TABLE "JuryMember" ADD COLUMN     "roundId" TEXT;

-- AlterTable
ALTER TABLE "JuryAssignment" ADD COLUMN     "roundId" TEXT;

-- AlterTable
ALTER TABLE "JuryScore" ADD COLUMN     "roundId" TEXT;

-- CreateTable
CREATE TABLE "JuryRound" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3),
    "criteria" TEXT,
    "assignmentMode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JuryRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JuryRoundEntry" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "promotedById" TEXT,
    "promotedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JuryRoundEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JuryTieRecord" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "place" INTEGER NOT NULL,
    "nominationIds" TEXT NOT NULL,
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JuryTieRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "JuryRound_editionId_position_key" ON "JuryRound"("editionId", "position");

-- CreateIndex
CREATE INDEX "JuryRoundEntry_nominationId_idx" ON "JuryRoundEntry"("nominationId");

-- CreateIndex
CREATE UNIQUE INDEX "JuryRoundEntry_roundId_nominationId_key" ON "JuryRoundEntry"("roundId", "nominationId");

-- CreateIndex
CREATE UNIQUE INDEX "JuryTieRecord_roundId_categoryId_place_key" ON "JuryTieRecord"("roundId", "categoryId", "place");

-- AddForeignKey
ALTER TABLE "JuryMember" ADD CONSTRAINT "JuryMember_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "JuryRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryRound" ADD CONSTRAINT "JuryRound_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "PrizeEdition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryRoundEntry" ADD CONSTRAINT "JuryRoundEntry_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "JuryRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryTieRecord" ADD CONSTRAINT "JuryTieRecord_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "JuryRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Data: every existing edition gets a single round 1, and its seats, assignments and scores belong to it.
INSERT INTO "JuryRound" ("id", "editionId", "position", "name") SELECT 'r1_' || "id", "id", 1, 'Jury' FROM "PrizeEdition";
UPDATE "JuryMember" SET "roundId" = (SELECT 'r1_' || j."editionId" FROM "Juror" j WHERE j."id" = "JuryMember"."jurorId");
UPDATE "JuryAssignment" SET "roundId" = (SELECT 'r1_' || j."editionId" FROM "Juror" j WHERE j."id" = "JuryAssignment"."jurorId");
UPDATE "JuryScore" SET "roundId" = (SELECT 'r1_' || j."editionId" FROM "Juror" j WHERE j."id" = "JuryScore"."jurorId");
