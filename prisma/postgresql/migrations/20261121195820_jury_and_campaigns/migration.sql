-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "campaignRatePerMinute" INTEGER;

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "bouncedAt" TIMESTAMP(3),
ADD COLUMN     "unsubscribeUrl" TEXT;

-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "invitationId" TEXT;

-- AlterTable
ALTER TABLE "PrizeEdition" ADD COLUMN     "juryReminderDaysBefore" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "normaliseScores" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "resultsPublishedAt" TIMESTAMP(3),
ADD COLUMN     "scoringLockedAt" TIMESTAMP(3),
ADD COLUMN     "tieBreak" TEXT NOT NULL DEFAULT 'chair';

-- AlterTable
ALTER TABLE "PrizeCategory" ADD COLUMN     "assignmentMode" TEXT NOT NULL DEFAULT 'all',
ADD COLUMN     "decisionsLockedAt" TIMESTAMP(3),
ADD COLUMN     "decisionsLockedBy" TEXT,
ADD COLUMN     "jurorsPerNomination" INTEGER,
ADD COLUMN     "maxPerJuror" INTEGER;

-- CreateTable
CREATE TABLE "Juror" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organisationName" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "inviteTokenHash" TEXT,
    "userId" TEXT,
    "invitedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "joinedAt" TIMESTAMP(3),
    "removedAt" TIMESTAMP(3),
    "lastRemindedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Juror_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JuryMember" (
    "id" TEXT NOT NULL,
    "jurorId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "isChair" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "JuryMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JuryAssignment" (
    "id" TEXT NOT NULL,
    "jurorId" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'all',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JuryAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JuryScore" (
    "id" TEXT NOT NULL,
    "jurorId" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "values" TEXT NOT NULL DEFAULT '{}',
    "comment" TEXT NOT NULL DEFAULT '',
    "complete" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JuryScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JuryConflict" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "jurorId" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "declaredBy" TEXT NOT NULL,
    "declaredByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JuryConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JuryDecision" (
    "id" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "rationale" TEXT NOT NULL DEFAULT '',
    "rank" INTEGER,
    "decidedByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JuryDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suppression" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "campaignId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suppression_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
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
    "scheduledAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "trackOpens" BOOLEAN NOT NULL DEFAULT false,
    "parentId" TEXT,
    "createdByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignRecipient" (
    "id" TEXT NOT NULL,
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
    "clickedAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),
    "registeredAt" TIMESTAMP(3),
    "registrationId" TEXT,
    "declinedAt" TIMESTAMP(3),
    "unsubscribedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignRecipient_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "Juror" ADD CONSTRAINT "Juror_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "PrizeEdition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Juror" ADD CONSTRAINT "Juror_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryMember" ADD CONSTRAINT "JuryMember_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "Juror"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryMember" ADD CONSTRAINT "JuryMember_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "PrizeCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryAssignment" ADD CONSTRAINT "JuryAssignment_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "Juror"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryAssignment" ADD CONSTRAINT "JuryAssignment_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryAssignment" ADD CONSTRAINT "JuryAssignment_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "PrizeCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryScore" ADD CONSTRAINT "JuryScore_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "Juror"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryScore" ADD CONSTRAINT "JuryScore_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryConflict" ADD CONSTRAINT "JuryConflict_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "PrizeEdition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryConflict" ADD CONSTRAINT "JuryConflict_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "Juror"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryConflict" ADD CONSTRAINT "JuryConflict_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryDecision" ADD CONSTRAINT "JuryDecision_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suppression" ADD CONSTRAINT "Suppression_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

