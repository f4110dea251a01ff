-- CreateTable
CREATE TABLE "RegistrationLink" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "registrationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    CONSTRAINT "RegistrationLink_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RegistrationLink_registrationId_idx" ON "RegistrationLink"("registrationId");

