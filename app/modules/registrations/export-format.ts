// The registrations export as plain functions over data: columns, cell text, CSV encoding; and
// the labels the organisers' list shares with it. No database and no server code here: the
// browser may load it, and the quoting and formula-injection rules are unit-tested on their own.
import { isProfile } from '#app/shared/profiles.ts'
import { REGISTRATION_STATUSES } from './rules.ts'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { DEFAULT_TIME_ZONE, formatExportDate } from '#app/shared/time.ts'
import { parseAnswers } from '#app/shared/questions.ts'
import { BOM, csvField } from '#app/shared/csv.ts'

/** A filter value of the list and the exports beyond the statuses: confirmed people already checked in. */
export const CHECKED_IN_FILTER = 'checked_in'

/** Numbers are amounts in euros (payments columns). */
export type Cell = string | number | Date | null
export type ExportTable = { headers: string[]; rows: Cell[][]; dateColumns: number[]; moneyColumns?: number[]; timeZone: string }

export type ExportEvent = {
  timeZone: string
  slots: { id: string }[]
  questions: { id: string; label: string }[]
  /** Events with ticket types get the payment columns. */
  ticketTypes?: { id: string }[]
}

export type ExportRegistration = {
  firstName: string
  lastName: string
  email: string
  organisationName: string
  organisationType: string
  departement: string | null
  phone: string | null
  status: string
  accessibilityNeeds: string | null
  dietaryNeeds: string | null
  answers: string
  createdAt: Date
  checkedInAt: Date | null
  workshops: { slotId: string; workshop: { title: string } }[]
  ticketType?: { name: string } | null
  /** Rows of other modules the extra columns read (payments: the registration's payments). */
  payments?: unknown[]
}

/**
 * Columns another module adds after the questions (payments: ticket, amount, payment, reference,
 * receipt), when `applies` says the export needs them; wired by the composition layer.
 */
export type ExtraColumns = {
  applies: (event: ExportEvent, registrations: ExportRegistration[]) => boolean
  headers: (locale: Locale) => string[]
  cells: (r: ExportRegistration, locale: Locale) => Cell[]
  /** Indexes, within these columns, of amounts in euros. */
  moneyColumns: number[]
}

export function toCsv(table: ExportTable, separator = ';'): string {
  // Amounts with a decimal comma, as French spreadsheet software reads numbers in a ";" file.
  const text = (cell: Cell) =>
    cell === null
      ? ''
      : cell instanceof Date
        ? formatExportDate(cell, table.timeZone)
        : typeof cell === 'number'
          ? cell.toFixed(2).replace('.', ',')
          : cell
  const lines = [table.headers, ...table.rows].map((row) => row.map((cell) => csvField(text(cell), separator)).join(separator))
  return BOM + lines.join('\r\n') + '\r\n'
}

export function answerText(value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return translate(locale, value ? 'export.yes' : 'export.no')
  if (Array.isArray(value))
    return value
      .map((v) => answerText(v, locale))
      .filter(Boolean)
      .join(', ')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

export function statusLabel(locale: Locale, status: string): string {
  if (status === 'pending_payment') return translate(locale, 'paymentsAdmin.status.pending_payment')
  return [...REGISTRATION_STATUSES, 'applied', 'refused'].includes(status)
    ? translate(locale, `attendees.status.${status}` as MessageKey)
    : status
}

export function profileLabel(locale: Locale, profile: string): string {
  return isProfile(profile) ? translate(locale, `profile.${profile}`) : profile
}

const FIXED_COLUMNS = [
  'export.col.lastName',
  'export.col.firstName',
  'export.col.email',
  'export.col.organisation',
  'export.col.organisationType',
  'export.col.departement',
  'export.col.phone',
  'export.col.status',
  'export.col.workshops',
  'export.col.accessibility',
  'export.col.dietary',
] as const satisfies readonly MessageKey[]

/**
 * Headers in the locale (French by default), one column per organiser question, the extra
 * columns (payments, when the event has tickets), then the dates.
 */
export function buildExportTable(
  event: ExportEvent,
  registrations: ExportRegistration[],
  locale: Locale = 'fr',
  extra?: ExtraColumns,
): ExportTable {
  const more = extra?.applies(event, registrations) ? extra : null
  const headers = [
    ...FIXED_COLUMNS.map((key) => translate(locale, key)),
    ...event.questions.map((q) => q.label),
    ...(more ? more.headers(locale) : []),
    translate(locale, 'export.col.registeredAt'),
    translate(locale, 'export.col.checkedInAt'),
  ]
  const slotOrder = new Map(event.slots.map((s, i) => [s.id, i]))
  const rows = registrations.map((r): Cell[] => {
    const answers = parseAnswers(r.answers)
    const workshops = [...r.workshops]
      .sort((a, b) => (slotOrder.get(a.slotId) ?? 0) - (slotOrder.get(b.slotId) ?? 0))
      .map((w) => w.workshop.title)
      .join(' ; ')
    return [
      r.lastName,
      r.firstName,
      r.email,
      r.organisationName,
      profileLabel(locale, r.organisationType),
      r.departement ?? '',
      r.phone ?? '',
      statusLabel(locale, r.status),
      workshops,
      r.accessibilityNeeds ?? '',
      r.dietaryNeeds ?? '',
      ...event.questions.map((q) => answerText(answers[q.id], locale)),
      ...(more ? more.cells(r, locale) : []),
      r.createdAt,
      r.checkedInAt,
    ]
  })
  const dateColumns = [headers.length - 2, headers.length - 1]
  const moneyColumns = more ? more.moneyColumns.map((i) => FIXED_COLUMNS.length + event.questions.length + i) : []
  return { headers, rows, dateColumns, moneyColumns, timeZone: event.timeZone }
}

/** `<slug>-inscriptions-2026-11-21.csv`: ASCII only, so every browser keeps it as is. */
export function exportFilename(slug: string, locale: Locale, extension: 'csv' | 'xlsx', now = new Date()): string {
  const safeSlug = slug.replace(/[^a-z0-9-]/gi, '-').slice(0, 80) || 'event'
  const day = formatExportDate(now, DEFAULT_TIME_ZONE).slice(0, 10).split('/').reverse().join('-')
  return `${safeSlug}-${translate(locale, 'export.filePrefix')}-${day}.${extension}`
}

/** Exports are in French unless the link asks for another language (`?lang=en`). */
export function exportLocale(params: URLSearchParams): Locale {
  return params.get('lang') === 'en' ? 'en' : 'fr'
}
