import { describe, expect, it } from 'vitest'
import { codeFromBytes, codeRefusal, isHiddenTicket, normaliseCode, priceWithCode, usesLeft, type CodeRule } from './rules.ts'

const now = new Date('2026-05-10T10:00:00Z')
const base: CodeRule = {
  kind: 'percent',
  amount: 20,
  ticketTypeId: 't1',
  maxUses: 10,
  uses: 0,
  validFrom: new Date('2026-05-01T00:00:00Z'),
  validUntil: new Date('2026-05-31T00:00:00Z'),
  deactivatedAt: null,
}

describe('normaliseCode', () => {
  it('reads codes case-insensitively, without spaces or dashes', () => {
    expect(normaliseCode(' early-bird 26 ')).toBe('EARLYBIRD26')
    expect(normaliseCode('Réduc')).toBe('REDUC')
    expect(normaliseCode(null)).toBe('')
  })
})

describe('codeRefusal', () => {
  it('accepts a valid code for its ticket', () => {
    expect(codeRefusal(base, 't1', now)).toBeNull()
  })
  it('refuses an unknown or deactivated code', () => {
    expect(codeRefusal(null, 't1', now)).toBe('unknown')
    expect(codeRefusal({ ...base, deactivatedAt: now }, 't1', now)).toBe('inactive')
  })
  it('refuses outside the validity window (the end is exclusive)', () => {
    expect(codeRefusal(base, 't1', new Date('2026-04-30T23:59:59Z'))).toBe('not_yet')
    expect(codeRefusal(base, 't1', new Date('2026-05-31T00:00:00Z'))).toBe('expired')
    expect(codeRefusal({ ...base, validFrom: null, validUntil: null }, 't1', new Date('2030-01-01'))).toBeNull()
  })
  it('refuses a code whose uses are all taken, and accepts the last one', () => {
    expect(codeRefusal({ ...base, uses: 10 }, 't1', now)).toBe('exhausted')
    expect(codeRefusal({ ...base, uses: 9 }, 't1', now)).toBeNull()
    expect(codeRefusal({ ...base, maxUses: 1, uses: 1 }, 't1', now)).toBe('exhausted')
    expect(codeRefusal({ ...base, maxUses: null, uses: 500 }, 't1', now)).toBeNull()
  })
  it('refuses a code for another ticket, or without a ticket', () => {
    expect(codeRefusal(base, 't2', now)).toBe('wrong_ticket')
    expect(codeRefusal(base, null, now)).toBe('wrong_ticket')
  })
})

describe('priceWithCode', () => {
  it('takes a percentage off, rounded to the cent', () => {
    expect(priceWithCode({ kind: 'percent', amount: 20 }, 12_000)).toBe(9_600)
    expect(priceWithCode({ kind: 'percent', amount: 33 }, 999)).toBe(669)
    expect(priceWithCode({ kind: 'percent', amount: 100 }, 5_000)).toBe(0)
  })
  it('takes a fixed amount off, never below zero', () => {
    expect(priceWithCode({ kind: 'fixed', amount: 2_500 }, 12_000)).toBe(9_500)
    expect(priceWithCode({ kind: 'fixed', amount: 20_000 }, 12_000)).toBe(0)
  })
  it('gives a free place, and leaves an unlocked ticket at its price', () => {
    expect(priceWithCode({ kind: 'free', amount: 0 }, 12_000)).toBe(0)
    expect(priceWithCode({ kind: 'unlock', amount: 0 }, 4_000)).toBe(4_000)
  })
})

describe('isHiddenTicket', () => {
  it('hides the ticket of an active unlock code only', () => {
    const codes = [
      { kind: 'unlock', ticketTypeId: 'vip', deactivatedAt: null },
      { kind: 'percent', ticketTypeId: 'std', deactivatedAt: null },
      { kind: 'unlock', ticketTypeId: 'old', deactivatedAt: now },
    ]
    expect(isHiddenTicket('vip', codes)).toBe(true)
    expect(isHiddenTicket('std', codes)).toBe(false)
    expect(isHiddenTicket('old', codes)).toBe(false)
  })
})

describe('usesLeft and codeFromBytes', () => {
  it('counts uses left', () => {
    expect(usesLeft({ maxUses: 10, uses: 3 })).toBe(7)
    expect(usesLeft({ maxUses: null, uses: 3 })).toBeNull()
  })
  it('makes an 8-character code without ambiguous characters', () => {
    const code = codeFromBytes(new Uint8Array([0, 1, 2, 3, 250, 251, 252, 253, 254]))
    expect(code).toHaveLength(8)
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]+$/)
  })
})
