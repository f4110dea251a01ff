-- CreateTable
CREATE TABLE "CertificateTemplate" (
    "eventId" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT,
    "body" TEXT,
    "titleEn" TEXT,
    "bodyEn" TEXT,
    "signatoryName" TEXT,
    "signatoryRole" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CertificateTemplate_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CertificateIssue" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "sentEmailId" TEXT,
    CONSTRAINT "CertificateIssue_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CertificateIssue_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CertificateIssue_registrationId_key" ON "CertificateIssue"("registrationId");

-- CreateIndex
CREATE UNIQUE INDEX "CertificateIssue_eventId_number_key" ON "CertificateIssue"("eventId", "number");

