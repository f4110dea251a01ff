// The audit trail: who changed roles, personal data, scores, decisions or payments, and when.
// Written inside the transaction of the change, so an entry exists exactly when the change does.
import { prisma, type Tx } from '#app/db.server.ts'

export type AuditEntry = {
  organisationId?: string | null
  actorUserId?: string | null
  /** `<entity>.<verb>`, e.g. "apiToken.create", "membership.update". */
  action: string
  entityType: string
  entityId?: string | null
  /** Small JSON-serialisable facts about the change; never secrets. */
  details?: Record<string, unknown> | null
}

export async function audit(tx: Tx, entry: AuditEntry) {
  return tx.auditLog.create({
    data: {
      organisationId: entry.organisationId ?? null,
      actorUserId: entry.actorUserId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    },
  })
}

export function auditEntriesFor(entityType: string, entityId: string, db: Tx = prisma) {
  return db.auditLog.findMany({ where: { entityType, entityId }, orderBy: { createdAt: 'asc' } })
}
