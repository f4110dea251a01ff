-- CreateTable
CREATE TABLE "JuryCommentShare" (
    "scoreId" TEXT NOT NULL PRIMARY KEY,
    "nominationId" TEXT NOT NULL,
    "sharedByUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "JuryFeedback" (
    "nominationId" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentByUserId" TEXT
);

-- CreateIndex
CREATE INDEX "JuryCommentShare_nominationId_idx" ON "JuryCommentShare"("nominationId");

-- CreateIndex
CREATE INDEX "JuryFeedback_editionId_idx" ON "JuryFeedback"("editionId");

