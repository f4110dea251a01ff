// Exports of an event's registrations for spreadsheets: CSV the way French software opens it
// (UTF-8 with BOM, ";" separator) and XLSX. Columns and labels follow the requested locale.
// No database access here: the caller loads the rows with registrationsForExport, so the unit
// tests run it without a database.
import { translate, type Locale } from '#app/utils/i18n.ts'
import { buildExportTable, exportFilename, toCsv, type ExportEvent, type ExportRegistration, type ExtraColumns } from './export-format.ts'
import { tableToXlsx } from '#app/shared/xlsx.server.ts'

type EventToExport = ExportEvent & { slug: string }

export function exportCsv(event: EventToExport, registrations: ExportRegistration[], locale: Locale, extra?: ExtraColumns) {
  const table = buildExportTable(event, registrations, locale, extra)
  return { body: toCsv(table), filename: exportFilename(event.slug, locale, 'csv'), contentType: 'text/csv; charset=utf-8' }
}

export async function exportXlsx(event: EventToExport, registrations: ExportRegistration[], locale: Locale, extra?: ExtraColumns) {
  const table = buildExportTable(event, registrations, locale, extra)
  return {
    body: await tableToXlsx(table, translate(locale, 'export.sheetName')),
    filename: exportFilename(event.slug, locale, 'xlsx'),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }
}

/** The headers of a file download; the ASCII filename is also given in RFC 5987 form. */
export function attachmentHeaders(filename: string, contentType: string) {
  return {
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  }
}
