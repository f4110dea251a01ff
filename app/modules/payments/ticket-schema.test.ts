import { describe, expect, test } from 'vitest'
import { centsToEuroInput, parseEuros, paymentSettingsFormSchema, ticketFormSchema, ticketInputSchema } from './ticket-schema.ts'

describe('parseEuros', () => {
  test('reads amounts as people type them', () => {
    expect(parseEuros('45')).toBe(4500)
    expect(parseEuros('45,5')).toBe(4550)
    expect(parseEuros('45,50')).toBe(4550)
    expect(parseEuros('45.05')).toBe(4505)
    expect(parseEuros('1 200,00 €')).toBe(120000)
    expect(parseEuros('1\u202f200,00\u00a0€')).toBe(120000)
    expect(parseEuros('0')).toBe(0)
  })
  test('refuses what is not an amount', () => {
    expect(parseEuros('-5')).toBeNull()
    expect(parseEuros('4,505')).toBeNull()
    expect(parseEuros('abc')).toBeNull()
    expect(parseEuros('1,2,3')).toBeNull()
    expect(parseEuros('')).toBeNull()
  })
  test('round-trips with the form value', () => {
    expect(centsToEuroInput(4505)).toBe('45,05')
    expect(parseEuros(centsToEuroInput(123456))).toBe(123456)
    expect(centsToEuroInput(null)).toBe('')
  })
})

describe('ticket form', () => {
  const schema = ticketFormSchema('Europe/Paris')
  test('a paid ticket: price in euros, quota, sale window in Paris time', () => {
    const r = schema.safeParse({
      kind: 'paid',
      name: ' Plein tarif ',
      price: '45,00',
      quota: '100',
      salesStartAt: '2026-12-01T09:00',
      salesEndAt: '2027-01-10T18:00',
    })
    expect(r.success).toBe(true)
    expect(r.data).toMatchObject({ kind: 'paid', name: 'Plein tarif', priceCents: 4500, quota: 100, nameEn: null, description: null })
    expect(r.data?.salesStartAt?.toISOString()).toBe('2026-12-01T08:00:00.000Z')
  })
  test('a free ticket ignores the price field; a paid one needs a price', () => {
    expect(schema.safeParse({ kind: 'free', name: 'Bénévoles', price: '12' }).data?.priceCents).toBe(0)
    const r = schema.safeParse({ kind: 'reduced', name: 'Tarif réduit', price: '' })
    expect(r.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['priceCents', 'paymentsAdmin.error.paidNeedsPrice']])
  })
  test('bad price, quota, kind and window are reported on their fields', () => {
    const r = schema.safeParse({
      kind: 'vip',
      name: 'X',
      price: 'douze',
      quota: '0',
      salesStartAt: '2026-12-02T09:00',
      salesEndAt: '2026-12-01T09:00',
    })
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]))
    expect(byField).toMatchObject({
      kind: 'paymentsAdmin.error.kindInvalid',
      name: 'paymentsAdmin.error.nameRequired',
      priceCents: 'paymentsAdmin.error.priceInvalid',
      quota: 'paymentsAdmin.error.quotaInvalid',
    })
    const window = schema.safeParse({ kind: 'free', name: 'Gratuit', salesStartAt: '2026-12-02T09:00', salesEndAt: '2026-12-01T09:00' })
    expect(window.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['salesEndAt', 'paymentsAdmin.error.salesEndBeforeStart']])
  })
  test('the service schema refuses a price on a free ticket', () => {
    expect(ticketInputSchema.safeParse({ kind: 'free', name: 'Gratuit', priceCents: 100 }).error?.issues[0]?.message).toBe(
      'paymentsAdmin.error.freeHasPrice',
    )
  })
})

describe('payment settings form', () => {
  const schema = paymentSettingsFormSchema('Europe/Paris')
  test('checkboxes, hold minutes, refund deadline and fee in euros', () => {
    const r = schema.safeParse({
      acceptsTransfer: 'on',
      acceptsPurchaseOrder: 'on',
      paymentHoldMinutes: '45',
      refundDeadline: '2027-01-05T23:59',
      refundFee: '5',
    })
    expect(r.data).toMatchObject({
      acceptsCard: false,
      acceptsTransfer: true,
      acceptsPurchaseOrder: true,
      paymentHoldMinutes: 45,
      refundFeeCents: 500,
    })
    expect(r.data?.refundDeadline?.toISOString()).toBe('2027-01-05T22:59:00.000Z')
  })
  test('empty deadline and fee: no refunds deadline, no fee; hold defaults to 30', () => {
    expect(schema.safeParse({ acceptsCard: 'on' }).data).toEqual({
      acceptsCard: true,
      acceptsTransfer: false,
      acceptsPurchaseOrder: false,
      paymentHoldMinutes: 30,
      refundDeadline: null,
      refundFeeCents: 0,
    })
  })
  test('hold between 30 minutes and 24 hours; at least one method', () => {
    for (const minutes of ['29', '1441', 'abc', '-30']) {
      expect(schema.safeParse({ acceptsCard: 'on', paymentHoldMinutes: minutes }).error?.issues[0]?.message).toBe(
        'paymentsAdmin.error.holdInvalid',
      )
    }
    expect(schema.safeParse({ acceptsCard: 'on', paymentHoldMinutes: '1440' }).success).toBe(true)
    expect(schema.safeParse({ paymentHoldMinutes: '30' }).error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['methods', 'paymentsAdmin.error.noMethod'],
    ])
  })
})
