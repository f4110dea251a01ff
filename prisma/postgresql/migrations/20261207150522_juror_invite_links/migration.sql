-- CreateTable
CREATE TABLE "JurorInviteLink" (
    "tokenHash" TEXT NOT NULL,
    "jurorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "JurorInviteLink_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "JurorInviteLink_jurorId_idx" ON "JurorInviteLink"("jurorId");

-- AddForeignKey
ALTER TABLE "JurorInviteLink" ADD CONSTRAINT "JurorInviteLink_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "Juror"("id") ON DELETE CASCADE ON UPDATE CASCADE;

