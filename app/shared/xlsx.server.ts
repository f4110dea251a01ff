// A table as an XLSX workbook of one sheet (the registrations' and the nominations' exports).
import ExcelJS from 'exceljs'
import { wallClock } from '#app/shared/time.ts'

export type SpreadsheetCell = string | number | Date | null

/** Headers and rows; the indexes of the date and money columns; dates are written in `timeZone`'s wall-clock time. */
export type SpreadsheetTable = {
  headers: string[]
  rows: SpreadsheetCell[][]
  dateColumns: number[]
  moneyColumns?: number[]
  timeZone: string
}

/** XLSX cells are typed, so text is never evaluated as a formula; dates are real dates. */
export async function tableToXlsx(table: SpreadsheetTable, sheetName: string): Promise<Buffer> {
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
