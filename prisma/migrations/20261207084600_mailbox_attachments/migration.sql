-- CreateTable
CREATE TABLE "LocalMailboxAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "messageId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    CONSTRAINT "LocalMailboxAttachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "LocalMailboxMessage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LocalMailboxAttachment_messageId_idx" ON "LocalMailboxAttachment"("messageId");

