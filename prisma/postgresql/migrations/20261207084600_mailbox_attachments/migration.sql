-- CreateTable
CREATE TABLE "LocalMailboxAttachment" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "LocalMailboxAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LocalMailboxAttachment_messageId_idx" ON "LocalMailboxAttachment"("messageId");

-- AddForeignKey
ALTER TABLE "LocalMailboxAttachment" ADD CONSTRAINT "LocalMailboxAttachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "LocalMailboxMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

