-- CreateTable
CREATE TABLE "OfflineCheckIn" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "localId" TEXT NOT NULL,
    "staffUserId" TEXT NOT NULL,
    "checkedInAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "kept" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "OfflineCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OfflineCheckIn_registrationId_idx" ON "OfflineCheckIn"("registrationId");

-- CreateIndex
CREATE INDEX "OfflineCheckIn_eventId_receivedAt_idx" ON "OfflineCheckIn"("eventId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OfflineCheckIn_deviceId_localId_key" ON "OfflineCheckIn"("deviceId", "localId");

