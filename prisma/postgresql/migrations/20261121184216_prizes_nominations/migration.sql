-- CreateTable
CREATE TABLE "PrizeEdition" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "rules" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "submissionsOpenAt" TIMESTAMP(3) NOT NULL,
    "submissionsCloseAt" TIMESTAMP(3) NOT NULL,
    "juryStartsAt" TIMESTAMP(3),
    "juryEndsAt" TIMESTAMP(3),
    "announcementAt" TIMESTAMP(3),
    "eligibleLegalForms" TEXT NOT NULL DEFAULT '[]',
    "minAgeYears" INTEGER NOT NULL DEFAULT 2,
    "eligibleDepartements" TEXT NOT NULL DEFAULT '[]',
    "publicVoteEnabled" BOOLEAN NOT NULL DEFAULT false,
    "voteOpensAt" TIMESTAMP(3),
    "voteClosesAt" TIMESTAMP(3),
    "copiedFromId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PrizeEdition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrizeCategory" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "awards" INTEGER NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL DEFAULT 0,
    "scaleMin" INTEGER NOT NULL DEFAULT 0,
    "scaleMax" INTEGER NOT NULL DEFAULT 5,

    CONSTRAINT "PrizeCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoringCriterion" (
    "id" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rubric" TEXT NOT NULL DEFAULT '',
    "weight" INTEGER NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ScoringCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrizeQuestion" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "help" TEXT,
    "type" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "options" TEXT NOT NULL DEFAULT '[]',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PrizeQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Nomination" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "categoryId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "structureName" TEXT NOT NULL DEFAULT '',
    "siret" TEXT,
    "legalForm" TEXT,
    "creationDate" TIMESTAMP(3),
    "address" TEXT,
    "postalCode" TEXT,
    "town" TEXT,
    "departement" TEXT,
    "employees" INTEGER,
    "volunteers" INTEGER,
    "contactFirstName" TEXT NOT NULL DEFAULT '',
    "contactLastName" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT NOT NULL,
    "contactPhone" TEXT,
    "projectTitle" TEXT NOT NULL DEFAULT '',
    "projectDescription" TEXT NOT NULL DEFAULT '',
    "impact" TEXT NOT NULL DEFAULT '',
    "budgetCents" INTEGER,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "draftStep" INTEGER NOT NULL DEFAULT 1,
    "editTokenHash" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "eligibilityReason" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewedBy" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Nomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NominationAttachment" (
    "id" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NominationAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicVote" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL,
    "emailDomain" TEXT NOT NULL,
    "networkHash" TEXT NOT NULL,
    "confirmTokenHash" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "voidedAt" TIMESTAMP(3),
    "voidReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicVote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PrizeEdition_slug_key" ON "PrizeEdition"("slug");

-- CreateIndex
CREATE INDEX "PrizeEdition_organisationId_year_idx" ON "PrizeEdition"("organisationId", "year");

-- CreateIndex
CREATE INDEX "PrizeCategory_editionId_idx" ON "PrizeCategory"("editionId");

-- CreateIndex
CREATE INDEX "ScoringCriterion_categoryId_idx" ON "ScoringCriterion"("categoryId");

-- CreateIndex
CREATE INDEX "PrizeQuestion_editionId_idx" ON "PrizeQuestion"("editionId");

-- CreateIndex
CREATE UNIQUE INDEX "Nomination_editTokenHash_key" ON "Nomination"("editTokenHash");

-- CreateIndex
CREATE INDEX "Nomination_editionId_status_idx" ON "Nomination"("editionId", "status");

-- CreateIndex
CREATE INDEX "Nomination_editionId_categoryId_idx" ON "Nomination"("editionId", "categoryId");

-- CreateIndex
CREATE INDEX "Nomination_contactEmail_idx" ON "Nomination"("contactEmail");

-- CreateIndex
CREATE INDEX "NominationAttachment_nominationId_idx" ON "NominationAttachment"("nominationId");

-- CreateIndex
CREATE UNIQUE INDEX "PublicVote_confirmTokenHash_key" ON "PublicVote"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "PublicVote_editionId_nominationId_idx" ON "PublicVote"("editionId", "nominationId");

-- CreateIndex
CREATE INDEX "PublicVote_editionId_networkHash_createdAt_idx" ON "PublicVote"("editionId", "networkHash", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PublicVote_editionId_emailHash_key" ON "PublicVote"("editionId", "emailHash");

-- AddForeignKey
ALTER TABLE "PrizeEdition" ADD CONSTRAINT "PrizeEdition_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrizeCategory" ADD CONSTRAINT "PrizeCategory_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "PrizeEdition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoringCriterion" ADD CONSTRAINT "ScoringCriterion_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "PrizeCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrizeQuestion" ADD CONSTRAINT "PrizeQuestion_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "PrizeEdition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "PrizeEdition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "PrizeCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NominationAttachment" ADD CONSTRAINT "NominationAttachment_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicVote" ADD CONSTRAINT "PublicVote_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "PrizeEdition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicVote" ADD CONSTRAINT "PublicVote_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

