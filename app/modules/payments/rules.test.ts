import { describe, expect, test } from 'vitest'
import {
  availableMethods,
  formatEuros,
  formatReceiptNumber,
  holdExpiry,
  isPaymentReference,
  newPaymentReference,
  normalisePurchaseOrderNumber,
  refundFor,
  ticketAvailability,
  ticketsLeft,
} from './rules.ts'

const now = new Date('2026-05-10T10:00:00Z')
const ticket = {
  quota: null as number | null,
  sold: 0,
  salesStartAt: null as Date | null,
  salesEndAt: null as Date | null,
  archivedAt: null as Date | null,
}

describe('formatEuros', () => {
  test('French formatting with a comma and the euro sign after', () => {
    expect(formatEuros(4500, 'fr')).toBe('45,00\u00a0€')
    expect(formatEuros(123450, 'fr')).toBe('1\u00a0234,50\u00a0€')
    expect(formatEuros(0, 'fr')).toBe('0,00\u00a0€')
  })
  test('English formatting', () => {
    expect(formatEuros(2000, 'en')).toBe('€20.00')
  })
})

describe('ticketAvailability', () => {
  test('on sale without window or quota', () => {
    expect(ticketAvailability(ticket, now)).toBe('on_sale')
  })
  test('sale window: not yet, then on sale, then ended (end excluded)', () => {
    const t = { ...ticket, salesStartAt: new Date('2026-05-11T00:00:00Z'), salesEndAt: new Date('2026-05-12T00:00:00Z') }
    expect(ticketAvailability(t, now)).toBe('not_yet')
    expect(ticketAvailability(t, new Date('2026-05-11T00:00:00Z'))).toBe('on_sale')
    expect(ticketAvailability(t, new Date('2026-05-12T00:00:00Z'))).toBe('ended')
  })
  test('quota reached → sold out; archived wins over everything', () => {
    expect(ticketAvailability({ ...ticket, quota: 5, sold: 4 }, now)).toBe('on_sale')
    expect(ticketAvailability({ ...ticket, quota: 5, sold: 5 }, now)).toBe('sold_out')
    expect(ticketAvailability({ ...ticket, quota: 0, sold: 0 }, now)).toBe('sold_out')
    expect(ticketAvailability({ ...ticket, quota: 5, sold: 5, archivedAt: now }, now)).toBe('archived')
  })
  test('tickets left', () => {
    expect(ticketsLeft({ quota: null, sold: 3 })).toBeNull()
    expect(ticketsLeft({ quota: 5, sold: 3 })).toBe(2)
    expect(ticketsLeft({ quota: 5, sold: 7 })).toBe(0)
  })
})

describe('refundFor', () => {
  const deadline = new Date('2026-05-20T00:00:00Z')
  test('before the deadline: amount less the fee', () => {
    expect(refundFor({ amountCents: 4500, refundDeadline: deadline, refundFeeCents: 500 }, now)).toEqual({
      refundable: true,
      refundCents: 4000,
      feeCents: 500,
    })
    expect(refundFor({ amountCents: 4500, refundDeadline: deadline, refundFeeCents: 0 }, now)).toEqual({
      refundable: true,
      refundCents: 4500,
      feeCents: 0,
    })
  })
  test('a fee above the amount never makes a negative refund', () => {
    expect(refundFor({ amountCents: 1000, refundDeadline: deadline, refundFeeCents: 1500 }, now)).toEqual({
      refundable: false,
      refundCents: 0,
      feeCents: 1000,
    })
  })
  test('at or after the deadline, or without one: nothing', () => {
    expect(refundFor({ amountCents: 4500, refundDeadline: deadline, refundFeeCents: 0 }, deadline).refundable).toBe(false)
    expect(refundFor({ amountCents: 4500, refundDeadline: null, refundFeeCents: 0 }, now)).toEqual({
      refundable: false,
      refundCents: 0,
      feeCents: 0,
    })
  })
})

describe('references, holds, receipts', () => {
  test('references look like ESS-XXXXXXXX and differ', () => {
    const refs = new Set(Array.from({ length: 500 }, () => newPaymentReference()))
    expect(refs.size).toBe(500)
    for (const r of refs) expect(isPaymentReference(r)).toBe(true)
    expect(isPaymentReference('ESS-7K3F9Q2M')).toBe(true)
    expect(isPaymentReference('ESS-7K3F9Q2O')).toBe(false)
  })
  test('hold expiry: minutes from now, within Stripe bounds', () => {
    expect(holdExpiry(now, 30).toISOString()).toBe('2026-05-10T10:30:00.000Z')
    expect(holdExpiry(now, 90).toISOString()).toBe('2026-05-10T11:30:00.000Z')
    expect(holdExpiry(now, 5).toISOString()).toBe('2026-05-10T10:30:00.000Z')
    expect(holdExpiry(now, 5000).getTime() - now.getTime()).toBe(1440 * 60_000)
  })
  test('receipt number formatting', () => {
    expect(formatReceiptNumber(1)).toBe('000001')
    expect(formatReceiptNumber(1234567)).toBe('1234567')
  })
  test('available methods: card only with Stripe configured', () => {
    const ev = { acceptsCard: true, acceptsTransfer: true, acceptsPurchaseOrder: true }
    expect(availableMethods(ev, false)).toEqual(['transfer', 'purchase_order'])
    expect(availableMethods(ev, true)).toEqual(['card', 'transfer', 'purchase_order'])
    expect(availableMethods({ ...ev, acceptsTransfer: false, acceptsPurchaseOrder: false }, false)).toEqual([])
  })
  test('purchase-order numbers', () => {
    expect(normalisePurchaseOrderNumber('  BC 2026 /  0042 ')).toBe('BC 2026 / 0042')
    expect(normalisePurchaseOrderNumber('   ')).toBeNull()
    expect(normalisePurchaseOrderNumber('x'.repeat(61))).toBeNull()
  })
})
