-- CreateTable
CREATE TABLE "OfflineCheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "localId" TEXT NOT NULL,
    "staffUserId" TEXT NOT NULL,
    "checkedInAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "kept" BOOLEAN NOT NULL DEFAULT false
);

-- CreateIndex
CREATE INDEX "OfflineCheckIn_registrationId_idx" ON "OfflineCheckIn"("registrationId");

-- CreateIndex
CREATE INDEX "OfflineCheckIn_eventId_receivedAt_idx" ON "OfflineCheckIn"("eventId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OfflineCheckIn_deviceId_localId_key" ON "OfflineCheckIn"("deviceId", "localId");

