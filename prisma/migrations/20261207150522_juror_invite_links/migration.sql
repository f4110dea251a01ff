-- CreateTable
CREATE TABLE "JurorInviteLink" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "jurorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    CONSTRAINT "JurorInviteLink_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "Juror" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "JurorInviteLink_jurorId_idx" ON "JurorInviteLink"("jurorId");

