// Reading the audit trail of one organisation: filters (actor, action, object type, date range),
// keyset pagination on (createdAt, id) — the (organisationId, createdAt) index serves every page,
// never a full scan — and a batched CSV export of the filtered set.
import { prisma } from '#app/db.server.ts'
import { BOM, csvField } from '#app/shared/csv.ts'
import type { AuditFilters } from './rules.ts'

export type { AuditFilters }

export const AUDIT_PAGE_SIZE = 50
const EXPORT_BATCH = 500

export type AuditRow = {
  id: string
  createdAt: Date
  actorUserId: string | null
  action: string
  entityType: string
  entityId: string | null
  details: string | null
}

type Cursor = { createdAt: Date; id: string }

/** "<iso>_<id>" ↔ the position after which the next page starts. */
export function encodeCursor(row: Cursor) {
  return `${row.createdAt.toISOString()}_${row.id}`
}
export function decodeCursor(raw: string | null | undefined): Cursor | null {
  const m = raw ? /^(\d{4}-\d\d-\d\dT[\d:.]+Z)_([\w-]{1,64})$/.exec(raw) : null
  if (!m) return null
  const createdAt = new Date(m[1]!)
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: m[2]! }
}

function whereOf(organisationId: string, f: AuditFilters, after: Cursor | null) {
  return {
    organisationId,
    ...(f.actorUserId ? { actorUserId: f.actorUserId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.entityType ? { entityType: f.entityType } : {}),
    AND: [
      f.from || f.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {},
      after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {},
    ],
  }
}

const SELECT = { id: true, createdAt: true, actorUserId: true, action: true, entityType: true, entityId: true, details: true } as const

/** One page, newest first; `next` is the cursor of the following page, or null on the last one. */
export async function listAuditEntries(organisationId: string, filters: AuditFilters, cursor: string | null, take = AUDIT_PAGE_SIZE) {
  const rows: AuditRow[] = await prisma.auditLog.findMany({
    where: whereOf(organisationId, filters, decodeCursor(cursor)),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: take + 1,
    select: SELECT,
  })
  const page = rows.slice(0, take)
  return { entries: page, next: rows.length > take ? encodeCursor(page[page.length - 1]!) : null }
}

/** What the filter lists offer: the actions and object types present in the organisation's log. */
export async function auditFilterChoices(organisationId: string) {
  const [actions, types, actors] = await Promise.all([
    prisma.auditLog.findMany({ where: { organisationId }, distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
    prisma.auditLog.findMany({
      where: { organisationId },
      distinct: ['entityType'],
      select: { entityType: true },
      orderBy: { entityType: 'asc' },
    }),
    prisma.auditLog.findMany({
      where: { organisationId, actorUserId: { not: null } },
      distinct: ['actorUserId'],
      select: { actorUserId: true },
    }),
  ])
  return { actions: actions.map((a) => a.action), entityTypes: types.map((t) => t.entityType), actorIds: actors.map((a) => a.actorUserId!) }
}

export type AuditCsvColumns = { header: string[]; row: (entry: AuditRow) => Promise<string[]> | string[] }

/** The filtered log as a streamed CSV (';', BOM), read in batches of EXPORT_BATCH along the cursor. */
export function auditCsvStream(organisationId: string, filters: AuditFilters, columns: AuditCsvColumns, batch = EXPORT_BATCH) {
  const encoder = new TextEncoder()
  let cursor: Cursor | null = null
  let started = false
  let done = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(BOM + columns.header.map((h) => csvField(h)).join(';') + '\r\n'))
        return
      }
      if (done) return controller.close()
      const rows: AuditRow[] = await prisma.auditLog.findMany({
        where: whereOf(organisationId, filters, cursor),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: batch,
        select: SELECT,
      })
      if (rows.length < batch) done = true
      if (rows.length > 0) cursor = rows[rows.length - 1]!
      let text = ''
      for (const row of rows) text += (await columns.row(row)).map((v) => csvField(v)).join(';') + '\r\n'
      if (text) controller.enqueue(encoder.encode(text))
      if (done) controller.close()
    },
  })
}
