import { describe, expect, test } from 'vitest'
import { registrationClosedReason, seatsLeft } from './availability.ts'

const base = {
  status: 'published',
  registrationOpensAt: new Date('2026-09-01T08:00:00Z'),
  registrationClosesAt: new Date('2026-11-20T23:00:00Z'),
  endsAt: new Date('2026-11-30T17:00:00Z'),
}

describe('registration window', () => {
  test('open between opening and closing', () => {
    expect(registrationClosedReason(base, new Date('2026-10-01T00:00:00Z'))).toBeNull()
  })
  test('closed before opening, at closing and after the end', () => {
    expect(registrationClosedReason(base, new Date('2026-08-31T00:00:00Z'))).toBe('not_open_yet')
    expect(registrationClosedReason(base, new Date('2026-11-20T23:00:00Z'))).toBe('closed')
    expect(registrationClosedReason({ ...base, registrationClosesAt: null }, new Date('2026-12-01T00:00:00Z'))).toBe('ended')
  })
  test('drafts and cancelled events take no registration', () => {
    expect(registrationClosedReason({ ...base, status: 'draft' }, new Date('2026-10-01'))).toBe('not_published')
    expect(registrationClosedReason({ ...base, status: 'cancelled' }, new Date('2026-10-01'))).toBe('cancelled')
  })
})

describe('seats', () => {
  test('seats left never negative, null means unlimited', () => {
    expect(seatsLeft(10, 3)).toBe(7)
    expect(seatsLeft(10, 12)).toBe(0)
    expect(seatsLeft(null, 500)).toBeNull()
  })
})
