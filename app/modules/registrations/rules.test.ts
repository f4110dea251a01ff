import { describe, expect, test } from 'vitest'
import {
  duplicateSlots,
  holdsSeat,
  offerExpiry,
  offersToMake,
  placementFor,
  searchTextOf,
} from './rules.ts'

describe('capacity and waiting list', () => {
  test('placement: confirmed with a seat, else waiting list if enabled, else full', () => {
    expect(placementFor(true, false)).toBe('confirmed')
    expect(placementFor(false, true)).toBe('waitlisted')
    expect(placementFor(false, false)).toBe('full')
  })
  test('offers fill the free seats in order and never beyond', () => {
    expect(offersToMake(10, 9, 5)).toBe(1)
    expect(offersToMake(10, 10, 5)).toBe(0)
    expect(offersToMake(20, 10, 5)).toBe(5)
    expect(offersToMake(10, 12, 5)).toBe(0)
    expect(offersToMake(null, 10, 3)).toBe(3)
    expect(offersToMake(10, 2, 0)).toBe(0)
  })
  test('confirmed and offered registrations hold a seat; waiting and cancelled do not', () => {
    expect(holdsSeat('confirmed')).toBe(true)
    expect(holdsSeat('offered')).toBe(true)
    expect(holdsSeat('pending_payment')).toBe(true)
    expect(holdsSeat('waitlisted')).toBe(false)
    expect(holdsSeat('cancelled')).toBe(false)
  })
  test('an offer lasts the event offer time', () => {
    expect(offerExpiry(new Date('2026-11-01T10:00:00Z'), 48).toISOString()).toBe('2026-11-03T10:00:00.000Z')
  })
  test('at most one workshop per slot', () => {
    expect(
      duplicateSlots([
        { slotId: 'a', workshopId: '1' },
        { slotId: 'b', workshopId: '2' },
        { slotId: 'a', workshopId: '3' },
      ]),
    ).toEqual(['a'])
  })
  test('search text ignores case and accents', () => {
    expect(searchTextOf({ firstName: 'Élodie', lastName: 'Ménard', email: 'e@x.fr', organisationName: 'SCOP Léa' })).toBe(
      'elodie menard e@x.fr scop lea',
    )
  })
})
