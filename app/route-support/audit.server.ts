// The audit viewer's rows and CSV, composed: the log (modules/audit), staff names (modules/auth),
// translated labels, and a link to the object's page for the types that have one.
import { userDisplayNames } from '#app/modules/auth/user-names.server.ts'
import { auditCsvStream, type AuditFilters, type AuditRow } from '#app/modules/audit/viewer.server.ts'
import { formatExportDate } from '#app/shared/time.ts'
import { formatDateTime } from '#app/shared/time.ts'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'

/** A message when the catalogue has it, else the raw code (a new action is never hidden). */
function labelOr(locale: Locale, key: string, fallback: string) {
  const text = translate(locale, key as MessageKey)
  return text === key ? fallback : text
}

export const actionLabel = (locale: Locale, action: string) => labelOr(locale, `audit.action.${action}`, action)
export const typeLabel = (locale: Locale, type: string) => labelOr(locale, `audit.type.${type}`, type)

function objectHref(orgSlug: string, type: string, id: string | null) {
  if (!id) return null
  if (type === 'Event') return `/o/${orgSlug}/events/${id}`
  if (type === 'contact') return `/o/${orgSlug}/contacts/${id}`
  if (type === 'PrizeEdition' || type === 'prizeEdition') return `/o/${orgSlug}/prizes/${id}`
  return null
}

export type AuditViewRow = {
  id: string
  date: string
  isoDate: string
  actor: string
  action: string
  actionCode: string
  type: string
  entityId: string | null
  href: string | null
  details: string
}

export async function auditViewRows(entries: AuditRow[], orgSlug: string, locale: Locale): Promise<AuditViewRow[]> {
  const names = await userDisplayNames(entries.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))
  return entries.map((e) => ({
    id: e.id,
    date: formatDateTime(locale, e.createdAt),
    isoDate: e.createdAt.toISOString(),
    actor: e.actorUserId ? (names.get(e.actorUserId) ?? e.actorUserId) : translate(locale, 'audit.system'),
    action: actionLabel(locale, e.action),
    actionCode: e.action,
    type: typeLabel(locale, e.entityType),
    entityId: e.entityId,
    href: objectHref(orgSlug, e.entityType, e.entityId),
    details: e.details ?? '',
  }))
}

/** The filtered log as CSV: date (Paris), actor, action code and label, object type and id, details. */
export function auditCsv(organisationId: string, filters: AuditFilters, locale: Locale) {
  const names = new Map<string, string>()
  return auditCsvStream(organisationId, filters, {
    header: [
      translate(locale, 'audit.col.date'),
      translate(locale, 'audit.col.actor'),
      translate(locale, 'audit.col.action'),
      'code',
      translate(locale, 'audit.col.object'),
      'id',
      translate(locale, 'audit.col.details'),
    ],
    async row(e) {
      if (e.actorUserId && !names.has(e.actorUserId)) {
        for (const [id, name] of await userDisplayNames([e.actorUserId])) names.set(id, name)
      }
      return [
        formatExportDate(e.createdAt),
        e.actorUserId ? (names.get(e.actorUserId) ?? e.actorUserId) : translate(locale, 'audit.system'),
        actionLabel(locale, e.action),
        e.action,
        typeLabel(locale, e.entityType),
        e.entityId ?? '',
        e.details ?? '',
      ]
    },
  })
}
