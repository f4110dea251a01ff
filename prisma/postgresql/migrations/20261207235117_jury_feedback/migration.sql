-- CreateTable
CREATE TABLE "JuryCommentShare" (
    "scoreId" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "sharedByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JuryCommentShare_pkey" PRIMARY KEY ("scoreId")
);

-- CreateTable
CREATE TABLE "JuryFeedback" (
    "nominationId" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentByUserId" TEXT,

    CONSTRAINT "JuryFeedback_pkey" PRIMARY KEY ("nominationId")
);

-- CreateIndex
CREATE INDEX "JuryCommentShare_nominationId_idx" ON "JuryCommentShare"("nominationId");

-- CreateIndex
CREATE INDEX "JuryFeedback_editionId_idx" ON "JuryFeedback"("editionId");

