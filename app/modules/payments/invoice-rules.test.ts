import { describe, expect, it } from 'vitest'
import {
  decimalAmount,
  formatInvoiceNumber,
  formatSiret,
  invoicePeriod,
  invoiceDueDate,
  invoiceTotals,
  needsInvoice,
  splitAddress,
  VAT_FRANCHISE_MENTION,
  vatMentionFor,
} from './invoice-rules.ts'

describe('invoice rules', () => {
  it('numbers invoices and credit notes in their own prefixed sequences', () => {
    expect(formatInvoiceNumber('invoice', 42)).toBe('F-000042')
    expect(formatInvoiceNumber('credit_note', 3)).toBe('AV-000003')
  })

  it('invoices transfers and purchase orders, not cards', () => {
    expect(needsInvoice('purchase_order')).toBe(true)
    expect(needsInvoice('transfer')).toBe(true)
    expect(needsInvoice('card')).toBe(false)
  })

  it('makes HT + TVA = TTC, with or without VAT', () => {
    expect(invoiceTotals([{ quantity: 2, unitPriceCents: 4500 }], 0)).toEqual({
      totalExclTaxCents: 9000,
      vatCents: 0,
      totalInclTaxCents: 9000,
    })
    expect(invoiceTotals([{ quantity: 1, unitPriceCents: 12000 }], 2000)).toEqual({
      totalExclTaxCents: 10000,
      vatCents: 2000,
      totalInclTaxCents: 12000,
    })
    const odd = invoiceTotals([{ quantity: 1, unitPriceCents: 4999 }], 2000)
    expect(odd.totalExclTaxCents).toBe(4166)
    expect(odd.totalExclTaxCents + odd.vatCents).toBe(4999)
  })

  it('prints the exemption mention only without VAT, the organisation’s own first', () => {
    expect(vatMentionFor(0, null)).toBe(VAT_FRANCHISE_MENTION)
    expect(vatMentionFor(0, ' Exonération de TVA, art. 261-7-1° b du CGI ')).toBe('Exonération de TVA, art. 261-7-1° b du CGI')
    expect(vatMentionFor(2000, 'anything')).toBeNull()
  })

  it('groups a SIRET 3-3-3-5 and leaves anything else as given', () => {
    expect(formatSiret('73282932000074')).toBe('732 829 320 00074')
    expect(formatSiret('732 829 320 00074')).toBe('732 829 320 00074')
    expect(formatSiret('123')).toBe('123')
  })

  it('is due 30 days after issue', () => {
    expect(invoiceDueDate(new Date('2026-12-07T10:00:00Z')).toISOString()).toBe('2027-01-06T10:00:00.000Z')
  })

  it('writes decimal amounts and splits a French address', () => {
    expect(decimalAmount(4500)).toBe('45.00')
    expect(decimalAmount(5)).toBe('0.05')
    expect(splitAddress('Hôtel de Région\n1 esplanade François-Mitterrand\n69002 Lyon')).toEqual({
      lines: ['Hôtel de Région', '1 esplanade François-Mitterrand'],
      postcode: '69002',
      city: 'Lyon',
    })
  })
})

describe('invoicePeriod', () => {
  const now = new Date('2026-12-07T10:00:00Z')
  it('defaults to the current month and includes the last day', () => {
    expect(invoicePeriod(null, null, now)).toEqual({ from: new Date('2026-12-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') })
    expect(invoicePeriod('2026-01-01', '2026-01-31', now)!.to).toEqual(new Date('2026-02-01T00:00:00Z'))
  })
  it('refuses bad, reversed or over-long periods', () => {
    expect(invoicePeriod('2026-13-45', null, now)).toBeNull()
    expect(invoicePeriod('2026-02-01', '2026-01-01', now)).toBeNull()
    expect(invoicePeriod('2024-01-01', '2026-01-01', now)).toBeNull()
  })
})
