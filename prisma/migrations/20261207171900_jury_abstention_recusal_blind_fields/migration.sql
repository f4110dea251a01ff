-- CreateTable
CREATE TABLE "JuryAbstention" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jurorId" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JuryAbstention_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "Juror" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JuryAbstention_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PrizeEdition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "rules" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "submissionsOpenAt" DATETIME NOT NULL,
    "submissionsCloseAt" DATETIME NOT NULL,
    "juryStartsAt" DATETIME,
    "juryEndsAt" DATETIME,
    "announcementAt" DATETIME,
    "eligibleLegalForms" TEXT NOT NULL DEFAULT '[]',
    "minAgeYears" INTEGER NOT NULL DEFAULT 2,
    "eligibleDepartements" TEXT NOT NULL DEFAULT '[]',
    "publicVoteEnabled" BOOLEAN NOT NULL DEFAULT false,
    "voteOpensAt" DATETIME,
    "voteClosesAt" DATETIME,
    "copiedFromId" TEXT,
    "normaliseScores" BOOLEAN NOT NULL DEFAULT false,
    "tieBreak" TEXT NOT NULL DEFAULT 'chair',
    "juryReminderDaysBefore" INTEGER NOT NULL DEFAULT 3,
    "scoringLockedAt" DATETIME,
    "resultsPublishedAt" DATETIME,
    "blindFields" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PrizeEdition_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PrizeEdition" ("announcementAt", "copiedFromId", "createdAt", "description", "eligibleDepartements", "eligibleLegalForms", "id", "juryEndsAt", "juryReminderDaysBefore", "juryStartsAt", "minAgeYears", "normaliseScores", "organisationId", "publicVoteEnabled", "resultsPublishedAt", "rules", "scoringLockedAt", "slug", "status", "submissionsCloseAt", "submissionsOpenAt", "tieBreak", "title", "updatedAt", "voteClosesAt", "voteOpensAt", "year") SELECT "announcementAt", "copiedFromId", "createdAt", "description", "eligibleDepartements", "eligibleLegalForms", "id", "juryEndsAt", "juryReminderDaysBefore", "juryStartsAt", "minAgeYears", "normaliseScores", "organisationId", "publicVoteEnabled", "resultsPublishedAt", "rules", "scoringLockedAt", "slug", "status", "submissionsCloseAt", "submissionsOpenAt", "tieBreak", "title", "updatedAt", "voteClosesAt", "voteOpensAt", "year" FROM "PrizeEdition";
DROP TABLE "PrizeEdition";
ALTER TABLE "new_PrizeEdition" RENAME TO "PrizeEdition";
CREATE UNIQUE INDEX "PrizeEdition_slug_key" ON "PrizeEdition"("slug");
CREATE INDEX "PrizeEdition_organisationId_year_idx" ON "PrizeEdition"("organisationId", "year");
CREATE TABLE "new_JuryConflict" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "jurorId" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "declaredBy" TEXT NOT NULL,
    "declaredByUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recusalStatus" TEXT NOT NULL DEFAULT 'declared',
    "recusalReason" TEXT NOT NULL DEFAULT '',
    "recusalDecidedAt" DATETIME,
    "recusalDecidedByUserId" TEXT,
    CONSTRAINT "JuryConflict_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "PrizeEdition" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JuryConflict_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "Juror" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JuryConflict_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_JuryConflict" ("createdAt", "declaredBy", "declaredByUserId", "editionId", "id", "jurorId", "kind", "nominationId", "note") SELECT "createdAt", "declaredBy", "declaredByUserId", "editionId", "id", "jurorId", "kind", "nominationId", "note" FROM "JuryConflict";
DROP TABLE "JuryConflict";
ALTER TABLE "new_JuryConflict" RENAME TO "JuryConflict";
CREATE INDEX "JuryConflict_editionId_idx" ON "JuryConflict"("editionId");
CREATE INDEX "JuryConflict_nominationId_idx" ON "JuryConflict"("nominationId");
CREATE UNIQUE INDEX "JuryConflict_jurorId_nominationId_key" ON "JuryConflict"("jurorId", "nominationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "JuryAbstention_nominationId_idx" ON "JuryAbstention"("nominationId");

-- CreateIndex
CREATE UNIQUE INDEX "JuryAbstention_jurorId_nominationId_key" ON "JuryAbstention"("jurorId", "nominationId");

