-- AlterTable
ALTER TABLE "JuryAssignment" ADD COLUMN "roundId" TEXT;

-- AlterTable
ALTER TABLE "JuryScore" ADD COLUMN "roundId" TEXT;

-- CreateTable
CREATE TABLE "JuryRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "opensAt" DATETIME,
    "closesAt" DATETIME,
    "criteria" TEXT,
    "assignmentMode" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JuryRound_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "PrizeEdition" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JuryRoundEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "promotedById" TEXT,
    "promotedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JuryRoundEntry_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "JuryRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JuryTieRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "place" INTEGER NOT NULL,
    "nominationIds" TEXT NOT NULL,
    "recordedById" TEXT,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JuryTieRecord_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "JuryRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_JuryMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jurorId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "isChair" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" DATETIME,
    "roundId" TEXT,
    CONSTRAINT "JuryMember_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "Juror" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JuryMember_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "PrizeCategory" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JuryMember_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "JuryRound" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_JuryMember" ("categoryId", "id", "isChair", "jurorId", "submittedAt") SELECT "categoryId", "id", "isChair", "jurorId", "submittedAt" FROM "JuryMember";
DROP TABLE "JuryMember";
ALTER TABLE "new_JuryMember" RENAME TO "JuryMember";
CREATE INDEX "JuryMember_categoryId_idx" ON "JuryMember"("categoryId");
CREATE UNIQUE INDEX "JuryMember_jurorId_categoryId_key" ON "JuryMember"("jurorId", "categoryId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "JuryRound_editionId_position_key" ON "JuryRound"("editionId", "position");

-- CreateIndex
CREATE INDEX "JuryRoundEntry_nominationId_idx" ON "JuryRoundEntry"("nominationId");

-- CreateIndex
CREATE UNIQUE INDEX "JuryRoundEntry_roundId_nominationId_key" ON "JuryRoundEntry"("roundId", "nominationId");

-- CreateIndex
CREATE UNIQUE INDEX "JuryTieRecord_roundId_categoryId_place_key" ON "JuryTieRecord"("roundId", "categoryId", "place");


-- Data: every existing edition gets a single round 1, and its seats, assignments and scores belong to it.
INSERT INTO "JuryRound" ("id", "editionId", "position", "name") SELECT 'r1_' || "id", "id", 1, 'Jury' FROM "PrizeEdition";
UPDATE "JuryMember" SET "roundId" = (SELECT 'r1_' || j."editionId" FROM "Juror" j WHERE j."id" = "JuryMember"."jurorId");
UPDATE "JuryAssignment" SET "roundId" = (SELECT 'r1_' || j."editionId" FROM "Juror" j WHERE j."id" = "JuryAssignment"."jurorId");
UPDATE "JuryScore" SET "roundId" = (SELECT 'r1_' || j."editionId" FROM "Juror" j WHERE j."id" = "JuryScore"."jurorId");
