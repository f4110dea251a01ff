// Exports of an event's registrations for spreadsheets: CSV the way French software opens it
// (UTF-8 with BOM, ";" separator) and XLSX. Columns and labels follow the requested locale.
// No database access here: the caller loads the rows with registrationsForExport, so the unit
// tests run it without a database.
import ExcelJS from 'exceljs'
import { translate, type Locale } from '#app/utils/i18n.ts'
import {
  buildExportTable,
  exportFilename,
  toCsv,
  type ExportEvent,
  type ExportRegistration,
  type ExportTable,
  type ExtraColumns,
} from './export-format.ts'
import { wallClock } from '#app/shared/time.ts'

type EventToExport = ExportEvent & { slug: string }

export function exportCsv(event: EventToExport, registrations: ExportRegistration[], locale: Locale, extra?: ExtraColumns) {
  const table = buildExportTable(event, registrations, locale, extra)
  return { body: toCsv(table), filename: exportFilename(event.slug, locale, 'csv'), contentType: 'text/csv; charset=utf-8' }
}

/** XLSX cells are typed, so text is never evaluated as a formula; dates are real dates. */
export async function tableToXlsx(table: ExportTable, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Essor'
  workbook.created = new Date()
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.addRow(table.headers).font = { bold: true }
  const dates = new Set(table.dateColumns)
  const money = new Set(table.moneyColumns ?? [])
  for (const row of table.rows) {
    sheet.addRow(row.map((cell) => (cell instanceof Date ? wallClock(cell, table.timeZone) : cell)))
  }
  table.headers.forEach((header, i) => {
    const column = sheet.getColumn(i + 1)
    if (dates.has(i)) {
      column.numFmt = 'dd/mm/yyyy hh:mm'
      column.width = 18
    } else if (money.has(i)) {
      column.numFmt = '#,##0.00 "€"'
      column.width = 12
    } else {
      const longest = Math.max(header.length, ...table.rows.map((r) => String(r[i] ?? '').length))
      column.width = Math.min(Math.max(longest + 2, 10), 50)
    }
  })
  if (table.headers.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } }
  return Buffer.from(await workbook.xlsx.writeBuffer())
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
