// The payment columns of the registrations export (Billet, Montant, Paiement, Référence, N° de reçu).
import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { exportRegistration } from '#tests/support/export-fixtures.ts'
import { buildExportTable as buildTable, toCsv } from '#app/modules/registrations/export-format.ts'
import { tableToXlsx } from '#app/shared/xlsx.server.ts'
import type { PaymentLike } from './admin-view.ts'
import { paymentExportColumns } from './export-columns.ts'

const buildExportTable = (...[event, registrations, locale]: Parameters<typeof buildTable>) =>
  buildTable(event, registrations, locale, paymentExportColumns)

function payment(over: Partial<PaymentLike> = {}): PaymentLike {
  return {
    id: 'p1',
    method: 'transfer',
    status: 'paid',
    amountCents: 4500,
    reference: 'ESS-7K3F9Q2M',
    purchaseOrderNumber: null,
    receiptNumber: 12,
    refundStatus: 'none',
    refundCents: null,
    createdAt: new Date('2026-11-20T08:05:00Z'),
    ...over,
  }
}

const event = { timeZone: 'Europe/Paris', slots: [], questions: [{ id: 'q1', label: 'Question' }], ticketTypes: [{ id: 't1' }] }

describe('payment columns', () => {
  test('an event with tickets: ticket, amount, method and state, reference, receipt number before the dates', () => {
    const table = buildExportTable(
      event,
      [
        exportRegistration({
          ticketType: { name: 'Plein tarif' },
          payments: [
            payment({ status: 'expired', method: 'card', receiptNumber: null, reference: 'ESS-OLD', createdAt: new Date('2026-11-19') }),
            payment(),
          ],
        }),
        exportRegistration({ lastName: 'Bénévole', ticketType: { name: 'Bénévoles' }, payments: [] }),
        exportRegistration({
          lastName: 'Mairie',
          status: 'pending_payment',
          ticketType: { name: 'Plein tarif' },
          payments: [payment({ method: 'purchase_order', status: 'pending', receiptNumber: null, reference: 'ESS-AAAA1111' })],
        }),
      ],
      'fr',
    )
    const at = table.headers.indexOf('Billet')
    expect(table.headers.slice(at, at + 5)).toEqual(['Billet', 'Montant', 'Paiement', 'Référence', 'N° de reçu'])
    expect(table.headers.indexOf('Question')).toBe(at - 1)
    expect(table.rows[0]!.slice(at, at + 5)).toEqual(['Plein tarif', 45, 'Virement — Payé', 'ESS-7K3F9Q2M', '000012'])
    expect(table.rows[1]!.slice(at, at + 5)).toEqual(['Bénévoles', null, '', '', ''])
    expect(table.rows[2]![table.headers.indexOf('Statut')]).toBe('Paiement en attente')
    expect(table.rows[2]!.slice(at, at + 5)).toEqual(['Plein tarif', 45, 'Bon de commande — En attente', 'ESS-AAAA1111', ''])
    expect(table.moneyColumns).toEqual([at + 1])
    expect(table.dateColumns).toEqual([table.headers.length - 2, table.headers.length - 1])
    // French spreadsheets read "45,00" in a ";" file as a number.
    expect(toCsv(table).split('\r\n')[1]).toContain(';Plein tarif;45,00;Virement — Payé;ESS-7K3F9Q2M;000012;')
  })

  test('English headers and states', () => {
    const table = buildExportTable(
      event,
      [exportRegistration({ ticketType: { name: 'Full price' }, payments: [payment({ status: 'paid', refundStatus: 'pending' })] })],
      'en',
    )
    const at = table.headers.indexOf('Ticket')
    expect(table.headers.slice(at, at + 5)).toEqual(['Ticket', 'Amount', 'Payment', 'Reference', 'Receipt no.'])
    expect(table.rows[0]![at + 2]).toBe('Bank transfer — Paid, refund to make by bank transfer')
  })

  test('a free event (no tickets) keeps the export as before', () => {
    const table = buildExportTable({ timeZone: 'Europe/Paris', slots: [], questions: [] }, [exportRegistration()], 'fr')
    expect(table.headers).not.toContain('Billet')
    expect(table.moneyColumns).toEqual([])
  })

  test('XLSX amounts are numbers with a euro format', async () => {
    const table = buildExportTable(
      event,
      [exportRegistration({ ticketType: { name: 'Plein tarif' }, payments: [payment({ amountCents: 2050 })] })],
      'fr',
    )
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await tableToXlsx(table, 'Inscriptions')) as unknown as ArrayBuffer)
    const column = table.headers.indexOf('Montant') + 1
    const cell = workbook.worksheets[0]!.getRow(2).getCell(column)
    expect(cell.value).toBe(20.5)
    expect(workbook.worksheets[0]!.getColumn(column).numFmt).toContain('€')
  })
})
