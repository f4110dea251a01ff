// Exports of an edition's nominations for spreadsheets, with the registrations' CSV and XLSX
// writers (BOM, ";" separator, formula-injection safe; typed XLSX cells). No database access:
// the caller loads the rows with nominationsForExport.
import { tableToXlsx } from '#app/shared/xlsx.server.ts'
import { parseAnswers } from '#app/shared/questions.ts'
import { answerText, toCsv, type Cell, type ExportTable } from '#app/modules/registrations/export-format.ts'
import { legalFormLabelKey, LEGAL_FORMS } from '#app/modules/prizes/rules.ts'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { isNominationStatus, nominationStatusLabelKey } from './statuses.ts'
import { DEFAULT_TIME_ZONE, formatExportDate } from '#app/shared/time.ts'

export { attachmentHeaders } from '#app/modules/registrations/export.server.ts'
export { exportLocale } from '#app/modules/registrations/export-format.ts'

export type ExportEdition = { slug: string; questions: { id: string; label: string }[] }

export type NominationExportRow = {
  id: string
  status: string
  structureName: string
  siret: string | null
  legalForm: string | null
  creationDate: Date | null
  address: string | null
  postalCode: string | null
  town: string | null
  departement: string | null
  employees: number | null
  volunteers: number | null
  budgetCents: number | null
  contactFirstName: string
  contactLastName: string
  contactEmail: string
  contactPhone: string | null
  projectTitle: string
  projectDescription: string
  impact: string
  answers: string
  eligibilityReason: string | null
  submittedAt: Date | null
  reviewedAt: Date | null
  attachmentCount: number
  category: { name: string } | null
}

const FIXED_COLUMNS = [
  'prizeReview.export.col.id',
  'prizeReview.col.structure',
  'prizeReview.field.siret',
  'prizeReview.field.legalForm',
  'prizeReview.field.creationDate',
  'prizeReview.field.address',
  'prizeReview.export.col.postalCode',
  'prizeReview.export.col.town',
  'prizeReview.field.departement',
  'prizeReview.field.employees',
  'prizeReview.field.volunteers',
  'prizeReview.export.col.budgetEuros',
  'prizeReview.export.col.contactFirstName',
  'prizeReview.export.col.contactLastName',
  'prizeReview.field.email',
  'prizeReview.field.phone',
  'prizeReview.col.category',
  'prizeReview.col.project',
  'prizeReview.field.description',
  'prizeReview.field.impact',
] as const satisfies readonly MessageKey[]

const TRAILING_COLUMNS = [
  'prizeReview.col.status',
  'prizeReview.detail.reason',
  'prizeReview.export.col.attachments',
  'prizeReview.col.submittedAt',
  'prizeReview.export.col.reviewedAt',
] as const satisfies readonly MessageKey[]

function statusText(locale: Locale, status: string) {
  return isNominationStatus(status) ? translate(locale, nominationStatusLabelKey(status)) : status
}

function legalFormText(locale: Locale, form: string | null) {
  if (!form) return ''
  return (LEGAL_FORMS as readonly string[]).includes(form) ? translate(locale, legalFormLabelKey(form)) : form
}

const numberText = (n: number | null) => (n === null ? '' : String(n))

/** One row per nomination, one column per edition question; dates in Paris time. */
export function buildNominationTable(edition: ExportEdition, rows: NominationExportRow[], locale: Locale = 'fr'): ExportTable {
  const headers = [
    ...FIXED_COLUMNS.map((key) => translate(locale, key)),
    ...edition.questions.map((q) => q.label),
    ...TRAILING_COLUMNS.map((key) => translate(locale, key)),
  ]
  const body = rows.map((n): Cell[] => {
    const answers = parseAnswers(n.answers)
    return [
      n.id,
      n.structureName,
      n.siret ?? '',
      legalFormText(locale, n.legalForm),
      // A day, not an instant: the date part only, as the nominee typed it.
      n.creationDate ? n.creationDate.toISOString().slice(0, 10).split('-').reverse().join('/') : '',
      n.address ?? '',
      n.postalCode ?? '',
      n.town ?? '',
      n.departement ?? '',
      numberText(n.employees),
      numberText(n.volunteers),
      n.budgetCents === null ? '' : (n.budgetCents / 100).toFixed(2),
      n.contactFirstName,
      n.contactLastName,
      n.contactEmail,
      n.contactPhone ?? '',
      n.category?.name ?? '',
      n.projectTitle,
      n.projectDescription,
      n.impact,
      ...edition.questions.map((q) => answerText(answers[q.id], locale)),
      statusText(locale, n.status),
      n.eligibilityReason ?? '',
      String(n.attachmentCount),
      n.submittedAt,
      n.reviewedAt,
    ]
  })
  return { headers, rows: body, dateColumns: [headers.length - 2, headers.length - 1], timeZone: DEFAULT_TIME_ZONE }
}

/** `<slug>-candidatures-2026-11-21.csv`: ASCII only, so every browser keeps it as is. */
export function nominationExportFilename(slug: string, locale: Locale, extension: 'csv' | 'xlsx', now = new Date()): string {
  const safeSlug = slug.replace(/[^a-z0-9-]/gi, '-').slice(0, 80) || 'prix'
  const day = formatExportDate(now, DEFAULT_TIME_ZONE).slice(0, 10).split('/').reverse().join('-')
  return `${safeSlug}-${translate(locale, 'prizeReview.export.filePrefix')}-${day}.${extension}`
}

export function exportNominationsCsv(edition: ExportEdition, rows: NominationExportRow[], locale: Locale) {
  return {
    body: toCsv(buildNominationTable(edition, rows, locale)),
    filename: nominationExportFilename(edition.slug, locale, 'csv'),
    contentType: 'text/csv; charset=utf-8',
  }
}

export async function exportNominationsXlsx(edition: ExportEdition, rows: NominationExportRow[], locale: Locale) {
  return {
    body: await tableToXlsx(buildNominationTable(edition, rows, locale), translate(locale, 'prizeReview.export.sheetName')),
    filename: nominationExportFilename(edition.slug, locale, 'xlsx'),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }
}
