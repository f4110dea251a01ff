import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { tableToXlsx, type SpreadsheetTable } from './xlsx.server.ts'

async function sheetOf(table: SpreadsheetTable, name: string) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await tableToXlsx(table, name)) as unknown as ArrayBuffer)
  return workbook.getWorksheet(name)!
}

describe('XLSX', () => {
  test('text stays text (never a formula), dates are real dates in the table’s time zone, amounts in euros', async () => {
    const sheet = await sheetOf(
      {
        headers: ['Nom', 'Montant', 'Arrivée'],
        rows: [['=1+1', 12.5, new Date('2026-11-29T08:31:00Z')]],
        dateColumns: [2],
        moneyColumns: [1],
        timeZone: 'Europe/Paris',
      },
      'Inscriptions',
    )
    expect(sheet.getRow(1).getCell(1).value).toBe('Nom')
    const name = sheet.getRow(2).getCell(1)
    expect(name.value).toBe('=1+1')
    expect(name.formula).toBeUndefined()
    expect(sheet.getRow(2).getCell(2).value).toBe(12.5)
    expect(sheet.getColumn(2).numFmt).toContain('€')
    const arrived = sheet.getRow(2).getCell(3).value
    expect(arrived).toBeInstanceOf(Date)
    expect((arrived as Date).toISOString()).toBe('2026-11-29T09:31:00.000Z')
  })
})
