import { describe, expect, test } from 'vitest'
import { formatPrice, priceSummary, priceSummaryMessage, type PricedTicket } from './rules.ts'

const now = new Date('2026-05-01T10:00:00Z')
const ticket = (name: string, priceCents: number, extra: Partial<PricedTicket> = {}): PricedTicket => ({
  name,
  priceCents,
  quota: null,
  sold: 0,
  salesEndAt: null,
  archivedAt: null,
  ...extra,
})

describe('priceSummary', () => {
  test('no ticket types, or only free ones: free', () => {
    expect(priceSummary([], now).summary).toEqual({ kind: 'free' })
    expect(priceSummary([ticket('Entrée', 0)], now).summary).toEqual({ kind: 'free' })
  })
  test('one price', () => {
    expect(priceSummary([ticket('Plein', 2000), ticket('Autre', 2000)], now).summary).toEqual({ kind: 'single', cents: 2000 })
  })
  test('several prices: a range', () => {
    expect(priceSummary([ticket('Plein', 4500), ticket('Réduit', 2000)], now).summary).toEqual({
      kind: 'range',
      minCents: 2000,
      maxCents: 4500,
    })
  })
  test('some free, some paid: from the cheapest paid', () => {
    expect(priceSummary([ticket('Étudiant', 0), ticket('Plein', 4500), ticket('Réduit', 2000)], now).summary).toEqual({
      kind: 'from',
      minCents: 2000,
    })
  })
  test('sold-out tickets are listed as such and left out of the summary while others are on sale', () => {
    const prices = priceSummary([ticket('Réduit', 2000, { quota: 10, sold: 10 }), ticket('Plein', 4500)], now)
    expect(prices.soldOut).toEqual(['Réduit'])
    expect(prices.tickets).toEqual([
      { name: 'Réduit', priceCents: 2000, soldOut: true },
      { name: 'Plein', priceCents: 4500, soldOut: false },
    ])
    expect(prices.summary).toEqual({ kind: 'single', cents: 4500 })
    expect(
      priceSummary([ticket('Réduit', 2000, { quota: 1, sold: 1 }), ticket('Plein', 4500, { quota: 1, sold: 2 })], now).summary,
    ).toEqual({
      kind: 'range',
      minCents: 2000,
      maxCents: 4500,
    })
  })
  test('archived tickets and ended sales are hidden', () => {
    const prices = priceSummary(
      [
        ticket('Ancien', 1000, { archivedAt: now }),
        ticket('Early bird', 1500, { salesEndAt: new Date('2026-04-01T00:00:00Z') }),
        ticket('Plein', 4500),
      ],
      now,
    )
    expect(prices.tickets.map((t) => t.name)).toEqual(['Plein'])
    expect(prices.summary).toEqual({ kind: 'single', cents: 4500 })
  })
})

describe('formatPrice', () => {
  test('French: narrow no-break space before €, decimals only when needed', () => {
    expect(formatPrice(2000, 'fr')).toBe('20\u202f€')
    expect(formatPrice(1250, 'fr')).toBe('12,50\u202f€')
    expect(formatPrice(120000, 'fr')).toBe('1\u202f200\u202f€')
  })
  test('English', () => {
    expect(formatPrice(2000, 'en')).toBe('€20')
    expect(formatPrice(1250, 'en')).toBe('€12.50')
  })
  test('messages', () => {
    expect(priceSummaryMessage({ kind: 'range', minCents: 2000, maxCents: 4500 }, 'fr')).toEqual({
      key: 'public.price.range',
      params: { min: '20\u202f€', max: '45\u202f€' },
    })
    expect(priceSummaryMessage({ kind: 'from', minCents: 2000 }, 'en')).toEqual({ key: 'public.price.from', params: { price: '€20' } })
  })
})
