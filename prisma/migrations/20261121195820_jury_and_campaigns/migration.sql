-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN "campaignRatePerMinute" INTEGER;

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN "bouncedAt" DATETIME;
ALTER TABLE "EmailMessage" ADD COLUMN "unsubscribeUrl" TEXT;

-- AlterTable
ALTER TABLE "Registration" ADD COLUMN "invitationId" TEXT;

-- CreateTable
CREATE TABLE "Juror" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organisationName" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "inviteTokenHash" TEXT,
    "userId" TEXT,
    "invitedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "joinedAt" DATETIME,
    "removedAt" DATETIME,
    "lastRemindedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Juror_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "PrizeEdition" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Juror_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JuryMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jurorId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "isChair" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" DATETIME,
    CONSTRAINT "JuryMember_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "Juror" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JuryMember_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "PrizeCategory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JuryAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jurorId" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'all',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JuryAssignment_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "Juror" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JuryAssignment_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JuryAssignment_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "PrizeCategory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JuryScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jurorId" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "values" TEXT NOT NULL DEFAULT '{}',
    "comment" TEXT NOT NULL DEFAULT '',
    "complete" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "JuryScore_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "Juror" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JuryScore_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JuryConflict" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "jurorId" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "declaredBy" TEXT NOT NULL,
    "declaredByUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JuryConflict_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "PrizeEdition" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JuryConflict_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "Juror" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JuryConflict_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JuryDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "nominationId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "rationale" TEXT NOT NULL DEFAULT '',
    "rank" INTEGER,
    "decidedByUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "JuryDecision_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT NOT NULL DEFAULT '',
    "lastName" TEXT NOT NULL DEFAULT '',
    "structure" TEXT,
    "profile" TEXT,
    "departement" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "tags" TEXT NOT NULL DEFAULT '[]',
    "source" TEXT NOT NULL DEFAULT 'manual',
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Contact_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Suppression" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "campaignId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Suppression_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "eventId" TEXT,
    "editionId" TEXT,
    "name" TEXT NOT NULL,
    "subjectFr" TEXT NOT NULL DEFAULT '',
    "bodyFr" TEXT NOT NULL DEFAULT '',
    "subjectEn" TEXT NOT NULL DEFAULT '',
    "bodyEn" TEXT NOT NULL DEFAULT '',
    "audience" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "scheduledAt" DATETIME,
    "sentAt" DATETIME,
    "trackOpens" BOOLEAN NOT NULL DEFAULT false,
    "parentId" TEXT,
    "createdByUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Campaign_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CampaignRecipient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT NOT NULL,
    "contactId" TEXT,
    "email" TEXT NOT NULL,
    "firstName" TEXT NOT NULL DEFAULT '',
    "lastName" TEXT NOT NULL DEFAULT '',
    "structure" TEXT,
    "profile" TEXT,
    "departement" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "tokenHash" TEXT NOT NULL,
    "emailMessageId" TEXT,
    "skippedReason" TEXT,
    "clickedAt" DATETIME,
    "openedAt" DATETIME,
    "registeredAt" DATETIME,
    "registrationId" TEXT,
    "declinedAt" DATETIME,
    "unsubscribedAt" DATETIME,
    "remindedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CampaignRecipient_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CampaignRecipient_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PrizeEdition_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PrizeEdition" ("announcementAt", "copiedFromId", "createdAt", "description", "eligibleDepartements", "eligibleLegalForms", "id", "juryEndsAt", "juryStartsAt", "minAgeYears", "organisationId", "publicVoteEnabled", "rules", "slug", "status", "submissionsCloseAt", "submissionsOpenAt", "title", "updatedAt", "voteClosesAt", "voteOpensAt", "year") SELECT "announcementAt", "copiedFromId", "createdAt", "description", "eligibleDepartements", "eligibleLegalForms", "id", "juryEndsAt", "juryStartsAt", "minAgeYears", "organisationId", "publicVoteEnabled", "rules", "slug", "status", "submissionsCloseAt", "submissionsOpenAt", "title", "updatedAt", "voteClosesAt", "voteOpensAt", "year" FROM "PrizeEdition";
DROP TABLE "PrizeEdition";
ALTER TABLE "new_PrizeEdition" RENAME TO "PrizeEdition";
CREATE UNIQUE INDEX "PrizeEdition_slug_key" ON "PrizeEdition"("slug");
CREATE INDEX "PrizeEdition_organisationId_year_idx" ON "PrizeEdition"("organisationId", "year");
CREATE TABLE "new_PrizeCategory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "awards" INTEGER NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL DEFAULT 0,
    "scaleMin" INTEGER NOT NULL DEFAULT 0,
    "scaleMax" INTEGER NOT NULL DEFAULT 5,
    "assignmentMode" TEXT NOT NULL DEFAULT 'all',
    "jurorsPerNomination" INTEGER,
    "maxPerJuror" INTEGER,
    "decisionsLockedAt" DATETIME,
    "decisionsLockedBy" TEXT,
    CONSTRAINT "PrizeCategory_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "PrizeEdition" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PrizeCategory" ("awards", "description", "editionId", "id", "name", "position", "scaleMax", "scaleMin") SELECT "awards", "description", "editionId", "id", "name", "position", "scaleMax", "scaleMin" FROM "PrizeCategory";
DROP TABLE "PrizeCategory";
ALTER TABLE "new_PrizeCategory" RENAME TO "PrizeCategory";
CREATE INDEX "PrizeCategory_editionId_idx" ON "PrizeCategory"("editionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Juror_inviteTokenHash_key" ON "Juror"("inviteTokenHash");

-- CreateIndex
CREATE INDEX "Juror_userId_idx" ON "Juror"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Juror_editionId_email_key" ON "Juror"("editionId", "email");

-- CreateIndex
CREATE INDEX "JuryMember_categoryId_idx" ON "JuryMember"("categoryId");

-- CreateIndex
CREATE UNIQUE INDEX "JuryMember_jurorId_categoryId_key" ON "JuryMember"("jurorId", "categoryId");

-- CreateIndex
CREATE INDEX "JuryAssignment_nominationId_idx" ON "JuryAssignment"("nominationId");

-- CreateIndex
CREATE INDEX "JuryAssignment_categoryId_jurorId_idx" ON "JuryAssignment"("categoryId", "jurorId");

-- CreateIndex
CREATE UNIQUE INDEX "JuryAssignment_jurorId_nominationId_key" ON "JuryAssignment"("jurorId", "nominationId");

-- CreateIndex
CREATE INDEX "JuryScore_nominationId_idx" ON "JuryScore"("nominationId");

-- CreateIndex
CREATE UNIQUE INDEX "JuryScore_jurorId_nominationId_key" ON "JuryScore"("jurorId", "nominationId");

-- CreateIndex
CREATE INDEX "JuryConflict_editionId_idx" ON "JuryConflict"("editionId");

-- CreateIndex
CREATE INDEX "JuryConflict_nominationId_idx" ON "JuryConflict"("nominationId");

-- CreateIndex
CREATE UNIQUE INDEX "JuryConflict_jurorId_nominationId_key" ON "JuryConflict"("jurorId", "nominationId");

-- CreateIndex
CREATE UNIQUE INDEX "JuryDecision_nominationId_key" ON "JuryDecision"("nominationId");

-- CreateIndex
CREATE INDEX "JuryDecision_categoryId_idx" ON "JuryDecision"("categoryId");

-- CreateIndex
CREATE INDEX "Contact_organisationId_departement_idx" ON "Contact"("organisationId", "departement");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_organisationId_email_key" ON "Contact"("organisationId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Suppression_organisationId_email_key" ON "Suppression"("organisationId", "email");

-- CreateIndex
CREATE INDEX "Campaign_organisationId_createdAt_idx" ON "Campaign"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "Campaign_status_scheduledAt_idx" ON "Campaign"("status", "scheduledAt");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRecipient_tokenHash_key" ON "CampaignRecipient"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRecipient_emailMessageId_key" ON "CampaignRecipient"("emailMessageId");

-- CreateIndex
CREATE INDEX "CampaignRecipient_contactId_idx" ON "CampaignRecipient"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRecipient_campaignId_email_key" ON "CampaignRecipient"("campaignId", "email");

-- CreateIndex
CREATE INDEX "EmailMessage_category_idx" ON "EmailMessage"("category");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_invitationId_key" ON "Registration"("invitationId");

