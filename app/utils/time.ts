// Wall-clock times in a named time zone (Europe/Paris by default) ↔ UTC instants, with Intl only.
// A datetime-local input gives "2025-11-29T09:30" with no zone: organisers mean Paris time.

export const DEFAULT_TIME_ZONE = 'Europe/Paris'

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

const partsFormatters = new Map<string, Intl.DateTimeFormat>()
function partsFormatter(timeZone: string) {
  let f = partsFormatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    partsFormatters.set(timeZone, f)
  }
  return f
}

type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number }

function wallTimeOf(date: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {}
  for (const p of partsFormatter(timeZone).formatToParts(date)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! }
}

function wallAsUtcMs(w: WallTime) {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
}

/** Minutes to add to UTC to get the wall time in `timeZone` at that instant (+60 in Paris in winter). */
export function timeZoneOffsetMinutes(date: Date, timeZone = DEFAULT_TIME_ZONE): number {
  const ms = Math.floor(date.getTime() / 1000) * 1000
  return Math.round((wallAsUtcMs(wallTimeOf(new Date(ms), timeZone)) - ms) / 60_000)
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}

/**
 * "YYYY-MM-DDTHH:mm[:ss]" read as wall time in `timeZone` → the UTC instant, or null when the
 * text is not a real date. Like Temporal's "compatible" disambiguation: a time skipped by the
 * spring change (02:30 on the last Sunday of March) moves forward by the gap (03:30), and a time
 * that happens twice in the autumn (02:30 on the last Sunday of October) is the first one.
 */
export function parseLocalDateTime(value: string, timeZone = DEFAULT_TIME_ZONE): Date | null {
  const m = LOCAL_PATTERN.exec(value.trim())
  if (!m) return null
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number]
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null
  const wall = Date.UTC(year, month - 1, day, hour, minute, second)
  const check = new Date(wall)
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null
  if (!isValidTimeZone(timeZone)) return null

  const DAY = 24 * 60 * 60 * 1000
  // Offsets a day either side cover any single transition around this wall time.
  const before = timeZoneOffsetMinutes(new Date(wall - DAY), timeZone)
  const after = timeZoneOffsetMinutes(new Date(wall + DAY), timeZone)
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => wallAsUtcMs(wallTimeOf(new Date(instant), timeZone)) === wall)
    .sort((a, b) => a - b)
  if (candidates.length > 0) return new Date(candidates[0]!)
  // In the gap: keep the offset in force before the change, which lands after the gap.
  return new Date(wall - before * 60_000)
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The instant as "YYYY-MM-DDTHH:mm" in `timeZone`: the value of a datetime-local input. */
export function formatLocalDateTime(date: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  const w = wallTimeOf(new Date(date), timeZone)
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`
}

/** The calendar day "YYYY-MM-DD" of the instant in `timeZone`. */
export function localDateOf(date: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  return formatLocalDateTime(date, timeZone).slice(0, 10)
}
