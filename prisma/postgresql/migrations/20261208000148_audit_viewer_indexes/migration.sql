-- CreateIndex
CREATE INDEX "AuditLog_organisationId_actorUserId_createdAt_idx" ON "AuditLog"("organisationId", "actorUserId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_organisationId_action_createdAt_idx" ON "AuditLog"("organisationId", "action", "createdAt");

