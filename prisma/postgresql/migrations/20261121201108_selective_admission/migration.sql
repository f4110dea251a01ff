-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "requiresApplication" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decidedByUserId" TEXT,
ADD COLUMN     "decisionMessage" TEXT,
ADD COLUMN     "projectDescription" TEXT,
ADD COLUMN     "projectName" TEXT,
ADD COLUMN     "projectNeeds" TEXT,
ADD COLUMN     "projectStage" TEXT,
ADD COLUMN     "projectTerritory" TEXT,
ADD COLUMN     "rating" INTEGER;

-- CreateTable
CREATE TABLE "ApplicationComment" (
    "id" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "authorUserId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApplicationComment_registrationId_idx" ON "ApplicationComment"("registrationId");

-- AddForeignKey
ALTER TABLE "ApplicationComment" ADD CONSTRAINT "ApplicationComment_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

