-- CreateTable
CREATE TABLE "AttendanceSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "trainerName" TEXT,
    "trainerSignature" TEXT,
    "signedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AttendanceSession_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AttendanceSignature" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "signedAt" DATETIME,
    "ip" TEXT,
    "method" TEXT,
    "data" TEXT,
    "arrivedAt" DATETIME,
    "leftAt" DATETIME,
    "recordedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AttendanceSignature_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "AttendanceSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AttendanceSignature_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AttendanceSession_eventId_startsAt_idx" ON "AttendanceSession"("eventId", "startsAt");

-- CreateIndex
CREATE INDEX "AttendanceSignature_registrationId_idx" ON "AttendanceSignature"("registrationId");

-- CreateIndex
CREATE UNIQUE INDEX "AttendanceSignature_sessionId_registrationId_key" ON "AttendanceSignature"("sessionId", "registrationId");

