-- CreateTable
CREATE TABLE "TicketType" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "description" TEXT,
    "priceCents" INTEGER NOT NULL DEFAULT 0,
    "quota" INTEGER,
    "sold" INTEGER NOT NULL DEFAULT 0,
    "salesStartAt" DATETIME,
    "salesEndAt" DATETIME,
    "position" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TicketType_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'eur',
    "reference" TEXT NOT NULL,
    "purchaseOrderNumber" TEXT,
    "stripeCheckoutSessionId" TEXT,
    "stripePaymentIntentId" TEXT,
    "paidAt" DATETIME,
    "markedPaidByUserId" TEXT,
    "receiptNumber" INTEGER,
    "refundStatus" TEXT NOT NULL DEFAULT 'none',
    "refundCents" INTEGER,
    "refundFeeCents" INTEGER,
    "stripeRefundId" TEXT,
    "refundError" TEXT,
    "refundedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Payment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Payment_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "processedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalName" TEXT,
    "address" TEXT,
    "siret" TEXT,
    "region" TEXT,
    "website" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "campaignRatePerMinute" INTEGER,
    "vatMention" TEXT,
    "iban" TEXT,
    "bic" TEXT,
    "bankAccountHolder" TEXT,
    "lastReceiptNumber" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Organisation" ("address", "campaignRatePerMinute", "createdAt", "id", "legalName", "name", "region", "siret", "slug", "updatedAt", "website") SELECT "address", "campaignRatePerMinute", "createdAt", "id", "legalName", "name", "region", "siret", "slug", "updatedAt", "website" FROM "Organisation";
DROP TABLE "Organisation";
ALTER TABLE "new_Organisation" RENAME TO "Organisation";
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");
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
    "acceptsCard" BOOLEAN NOT NULL DEFAULT true,
    "acceptsTransfer" BOOLEAN NOT NULL DEFAULT true,
    "acceptsPurchaseOrder" BOOLEAN NOT NULL DEFAULT false,
    "paymentHoldMinutes" INTEGER NOT NULL DEFAULT 30,
    "refundDeadline" DATETIME,
    "refundFeeCents" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Event_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("address", "capacity", "contactEmail", "createdAt", "departement", "description", "endsAt", "id", "kind", "offerHours", "onlineUrl", "organisationId", "registrationClosesAt", "registrationOpensAt", "reminderDaysBefore", "requiresApplication", "seatsTaken", "slug", "startsAt", "status", "timeZone", "title", "town", "updatedAt", "venueName", "visibility", "waitlistEnabled") SELECT "address", "capacity", "contactEmail", "createdAt", "departement", "description", "endsAt", "id", "kind", "offerHours", "onlineUrl", "organisationId", "registrationClosesAt", "registrationOpensAt", "reminderDaysBefore", "requiresApplication", "seatsTaken", "slug", "startsAt", "status", "timeZone", "title", "town", "updatedAt", "venueName", "visibility", "waitlistEnabled" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE INDEX "Event_organisationId_startsAt_idx" ON "Event"("organisationId", "startsAt");
CREATE INDEX "Event_status_visibility_startsAt_idx" ON "Event"("status", "visibility", "startsAt");
CREATE TABLE "new_Registration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "organisationName" TEXT NOT NULL,
    "organisationType" TEXT NOT NULL,
    "departement" TEXT,
    "phone" TEXT,
    "accessibilityNeeds" TEXT,
    "dietaryNeeds" TEXT,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "consentAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "waitlistedAt" DATETIME,
    "offerExpiresAt" DATETIME,
    "manageTokenHash" TEXT NOT NULL,
    "ticketCode" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'form',
    "invitationId" TEXT,
    "checkedInAt" DATETIME,
    "checkedInBy" TEXT,
    "reminderSentAt" DATETIME,
    "cancelledAt" DATETIME,
    "cancelReason" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "projectName" TEXT,
    "projectStage" TEXT,
    "projectDescription" TEXT,
    "projectTerritory" TEXT,
    "projectNeeds" TEXT,
    "rating" INTEGER,
    "decidedAt" DATETIME,
    "decidedByUserId" TEXT,
    "decisionMessage" TEXT,
    "ticketTypeId" TEXT,
    "holdExpiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Registration_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Registration_ticketTypeId_fkey" FOREIGN KEY ("ticketTypeId") REFERENCES "TicketType" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Registration" ("accessibilityNeeds", "answers", "cancelReason", "cancelledAt", "checkedInAt", "checkedInBy", "consentAt", "createdAt", "decidedAt", "decidedByUserId", "decisionMessage", "departement", "dietaryNeeds", "email", "eventId", "firstName", "id", "invitationId", "lastName", "locale", "manageTokenHash", "offerExpiresAt", "organisationName", "organisationType", "phone", "projectDescription", "projectName", "projectNeeds", "projectStage", "projectTerritory", "rating", "reminderSentAt", "searchText", "source", "status", "ticketCode", "updatedAt", "waitlistedAt") SELECT "accessibilityNeeds", "answers", "cancelReason", "cancelledAt", "checkedInAt", "checkedInBy", "consentAt", "createdAt", "decidedAt", "decidedByUserId", "decisionMessage", "departement", "dietaryNeeds", "email", "eventId", "firstName", "id", "invitationId", "lastName", "locale", "manageTokenHash", "offerExpiresAt", "organisationName", "organisationType", "phone", "projectDescription", "projectName", "projectNeeds", "projectStage", "projectTerritory", "rating", "reminderSentAt", "searchText", "source", "status", "ticketCode", "updatedAt", "waitlistedAt" FROM "Registration";
DROP TABLE "Registration";
ALTER TABLE "new_Registration" RENAME TO "Registration";
CREATE UNIQUE INDEX "Registration_manageTokenHash_key" ON "Registration"("manageTokenHash");
CREATE UNIQUE INDEX "Registration_ticketCode_key" ON "Registration"("ticketCode");
CREATE UNIQUE INDEX "Registration_invitationId_key" ON "Registration"("invitationId");
CREATE INDEX "Registration_eventId_status_waitlistedAt_idx" ON "Registration"("eventId", "status", "waitlistedAt");
CREATE INDEX "Registration_eventId_departement_idx" ON "Registration"("eventId", "departement");
CREATE INDEX "Registration_status_offerExpiresAt_idx" ON "Registration"("status", "offerExpiresAt");
CREATE INDEX "Registration_status_holdExpiresAt_idx" ON "Registration"("status", "holdExpiresAt");
CREATE UNIQUE INDEX "Registration_eventId_email_key" ON "Registration"("eventId", "email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TicketType_eventId_position_idx" ON "TicketType"("eventId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_reference_key" ON "Payment"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_stripeCheckoutSessionId_key" ON "Payment"("stripeCheckoutSessionId");

-- CreateIndex
CREATE INDEX "Payment_registrationId_status_idx" ON "Payment"("registrationId", "status");

-- CreateIndex
CREATE INDEX "Payment_status_method_idx" ON "Payment"("status", "method");

-- CreateIndex
CREATE INDEX "Payment_refundStatus_idx" ON "Payment"("refundStatus");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_organisationId_receiptNumber_key" ON "Payment"("organisationId", "receiptNumber");

