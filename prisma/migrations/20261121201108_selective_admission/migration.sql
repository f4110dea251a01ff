-- AlterTable
ALTER TABLE "Registration" ADD COLUMN "decidedAt" DATETIME;
ALTER TABLE "Registration" ADD COLUMN "decidedByUserId" TEXT;
ALTER TABLE "Registration" ADD COLUMN "decisionMessage" TEXT;
ALTER TABLE "Registration" ADD COLUMN "projectDescription" TEXT;
ALTER TABLE "Registration" ADD COLUMN "projectName" TEXT;
ALTER TABLE "Registration" ADD COLUMN "projectNeeds" TEXT;
ALTER TABLE "Registration" ADD COLUMN "projectStage" TEXT;
ALTER TABLE "Registration" ADD COLUMN "projectTerritory" TEXT;
ALTER TABLE "Registration" ADD COLUMN "rating" INTEGER;

-- CreateTable
CREATE TABLE "ApplicationComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "registrationId" TEXT NOT NULL,
    "authorUserId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApplicationComment_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "venueName" TEXT,
    "address" TEXT,
    "town" TEXT,
    "departement" TEXT,
    "onlineUrl" TEXT,
    "capacity" INTEGER,
    "seatsTaken" INTEGER NOT NULL DEFAULT 0,
    "waitlistEnabled" BOOLEAN NOT NULL DEFAULT true,
    "offerHours" INTEGER NOT NULL DEFAULT 48,
    "registrationOpensAt" DATETIME,
    "registrationClosesAt" DATETIME,
    "visibility" TEXT NOT NULL DEFAULT 'public',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "reminderDaysBefore" INTEGER NOT NULL DEFAULT 2,
    "contactEmail" TEXT,
    "requiresApplication" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Event_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("address", "capacity", "contactEmail", "createdAt", "departement", "description", "endsAt", "id", "kind", "offerHours", "onlineUrl", "organisationId", "registrationClosesAt", "registrationOpensAt", "reminderDaysBefore", "seatsTaken", "slug", "startsAt", "status", "timeZone", "title", "town", "updatedAt", "venueName", "visibility", "waitlistEnabled") SELECT "address", "capacity", "contactEmail", "createdAt", "departement", "description", "endsAt", "id", "kind", "offerHours", "onlineUrl", "organisationId", "registrationClosesAt", "registrationOpensAt", "reminderDaysBefore", "seatsTaken", "slug", "startsAt", "status", "timeZone", "title", "town", "updatedAt", "venueName", "visibility", "waitlistEnabled" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE INDEX "Event_organisationId_startsAt_idx" ON "Event"("organisationId", "startsAt");
CREATE INDEX "Event_status_visibility_startsAt_idx" ON "Event"("status", "visibility", "startsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ApplicationComment_registrationId_idx" ON "ApplicationComment"("registrationId");

