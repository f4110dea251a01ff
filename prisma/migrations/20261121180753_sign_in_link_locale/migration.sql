-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LoginToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "redirectTo" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_LoginToken" ("createdAt", "email", "expiresAt", "id", "redirectTo", "usedAt") SELECT "createdAt", "email", "expiresAt", "id", "redirectTo", "usedAt" FROM "LoginToken";
DROP TABLE "LoginToken";
ALTER TABLE "new_LoginToken" RENAME TO "LoginToken";
CREATE INDEX "LoginToken_email_idx" ON "LoginToken"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

