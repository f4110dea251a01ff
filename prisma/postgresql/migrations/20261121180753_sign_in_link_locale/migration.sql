-- AlterTable
ALTER TABLE "LoginToken" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'fr';

