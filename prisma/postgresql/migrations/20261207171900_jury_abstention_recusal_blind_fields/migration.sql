-- AlterTable
ALTER TABLE "PrizeEdition" ADD COLUMN     "blindFields" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "JuryConflict" ADD COLUMN     "recusalDecidedAt" TIMESTAMP(3),
ADD COLUMN     "recusalDecidedByUserId" TEXT,
ADD COLUMN     "recusalReason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "recusalStatus" TEXT NOT NULL DEFAULT 'declared';

-- CreateTable
CREATE TABLE "JuryAbstention" (
    "id" TEXT NOT NULL,
    "jurorId" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JuryAbstention_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JuryAbstention_nominationId_idx" ON "JuryAbstention"("nominationId");

-- CreateIndex
CREATE UNIQUE INDEX "JuryAbstention_jurorId_nominationId_key" ON "JuryAbstention"("jurorId", "nominationId");

-- AddForeignKey
ALTER TABLE "JuryAbstention" ADD CONSTRAINT "JuryAbstention_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "Juror"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryAbstention" ADD CONSTRAINT "JuryAbstention_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

