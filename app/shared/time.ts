// Time zones and dates, the one module for them: wall-clock times in a named time zone
// (Europe/Paris by default) ↔ UTC instants, and how dates read in the UI, emails and exports.
// Intl only, no server import (the browser loads it too).
// A datetime-local input gives "2025-11-29T09:30" with no zone: organisers mean Paris time.
import type { Locale } from '#app/utils/i18n.ts'

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

/**
 * The same instant as a Date whose UTC fields carry the wall time in `timeZone`: spreadsheet dates
 * have no zone, so an XLSX cell must hold the local time the reader expects to see.
 */
export function wallClock(date: Date, timeZone = DEFAULT_TIME_ZONE): Date {
  return new Date(wallAsUtcMs(wallTimeOf(date, timeZone)))
}

/** "dd/mm/yyyy hh:mm" in the time zone: what French spreadsheet software reads as a date. */
export function formatExportDate(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const w = wallTimeOf(date, timeZone)
  return `${pad(w.day)}/${pad(w.month)}/${pad(w.year, 4)} ${pad(w.hour)}:${pad(w.minute)}`
}

// ---- Dates as people read them ----

/** The Intl locale of a UI language. */
export function intlLocale(locale: Locale): string {
  return locale === 'fr' ? 'fr-FR' : 'en-GB'
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

/** Building an Intl formatter costs far more than using one: they are kept per locale and options. */
export function cachedDateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${JSON.stringify(options)}`
  let format = dateTimeFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(tag, options)
    dateTimeFormats.set(key, format)
  }
  return format
}

/** "29 novembre 2025 à 09:30". */
export function formatDateTime(locale: Locale, date: Date | string, timeZone = DEFAULT_TIME_ZONE) {
  return cachedDateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(date))
}

/** "29 novembre 2025". */
export function formatDate(locale: Locale, date: Date | string, timeZone = DEFAULT_TIME_ZONE) {
  return cachedDateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone }).format(new Date(date))
}

/** "29/11/2025 09:30": tables. */
export function formatShortDateTime(locale: Locale, date: Date | string, timeZone = DEFAULT_TIME_ZONE) {
  return cachedDateTimeFormat(intlLocale(locale), { dateStyle: 'short', timeStyle: 'short', timeZone }).format(new Date(date))
}

/** "09:30". */
export function formatTime(locale: Locale, date: Date | string, timeZone = DEFAULT_TIME_ZONE) {
  return cachedDateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(date))
}

/** Short form for lists: "29 nov. 2025". */
export function formatShortDate(locale: Locale, date: Date | string, timeZone = DEFAULT_TIME_ZONE) {
  return cachedDateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone }).format(new Date(date))
}

/** An event's dates: "29 novembre 2025, 09:30 – 17:00" on one day, both dates over several; the zone named when not Paris. */
export function formatEventDates(locale: Locale, startsAt: Date | string, endsAt: Date | string, timeZone = DEFAULT_TIME_ZONE) {
  const format = cachedDateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short', timeZone })
  const range = format.formatRange(new Date(startsAt), new Date(endsAt))
  return timeZone === DEFAULT_TIME_ZONE ? range : `${range} (${timeZone})`
}

/** An event's dates as its public page and its emails show them: "jeudi 4 février 2027, 9 h – 17 h 30"
 * on one day, both dates over several, in the event's zone. French hours read "9 h 30", not "09:30". */
export function formatEventWhen(locale: Locale, startsAt: Date | string, endsAt: Date | string, timeZone = DEFAULT_TIME_ZONE) {
  const format = cachedDateTimeFormat(intlLocale(locale), { dateStyle: 'full', timeStyle: 'short', timeZone })
  if (locale !== 'fr') return format.formatRange(new Date(startsAt), new Date(endsAt))
  return frenchHours(format.formatRangeToParts(new Date(startsAt), new Date(endsAt)))
}

/** "09:00" → "9 h", "17:30" → "17 h 30" (no-break spaces), the rest as Intl wrote it. */
function frenchHours(parts: { type: string; value: string }[]) {
  let out = ''
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    const minute = parts[i + 2]
    if (part.type === 'hour' && parts[i + 1]?.type === 'literal' && minute?.type === 'minute') {
      out += `${Number(part.value)}\u00a0h${minute.value === '00' ? '' : `\u00a0${minute.value}`}`
      i += 2
    } else out += part.value
  }
  return out
}

/** Day and times of a programme slot: "samedi 29 novembre, 09:30 – 11:00". */
export function formatSlotTimes(locale: Locale, startsAt: Date | string, endsAt: Date | string, timeZone = DEFAULT_TIME_ZONE) {
  const format = cachedDateTimeFormat(intlLocale(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  })
  return format.formatRange(new Date(startsAt), new Date(endsAt))
}
