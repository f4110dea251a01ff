// The audit viewer's filters read from a query string (a GET form): pure, unit-tested.
import { parseLocalDateTime } from '#app/shared/time.ts'

export type AuditFilters = {
  actorUserId?: string
  action?: string
  entityType?: string
  /** Inclusive lower bound. */
  from?: Date
  /** Exclusive upper bound. */
  to?: Date
}

const TOKEN = /^[\w.-]{1,80}$/
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A day "YYYY-MM-DD" at midnight in Europe/Paris, or undefined when absent or malformed. */
function parisMidnight(day: string | null, plusDays = 0): Date | undefined {
  if (!day || !DAY.test(day)) return undefined
  const start = parseLocalDateTime(`${day}T00:00`)
  if (!start) return undefined
  if (plusDays === 0) return start
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const next = new Date(Date.UTC(y, m - 1, d + plusDays)).toISOString().slice(0, 10)
  return parseLocalDateTime(`${next}T00:00`) ?? undefined
}

/** actor, action, type: exact codes (anything else is ignored); from/to: days, `to` included. */
export function auditFiltersFrom(params: URLSearchParams): AuditFilters {
  const token = (name: string) => {
    const value = params.get(name)?.trim()
    return value && TOKEN.test(value) ? value : undefined
  }
  return {
    actorUserId: token('actor'),
    action: token('action'),
    entityType: token('type'),
    from: parisMidnight(params.get('from')),
    to: parisMidnight(params.get('to'), 1),
  }
}
