import { describe, expect, test } from 'vitest'
import { duplicateSlots, holdsSeat, isReminderDue, nextInLine, offerExpiry, offersToMake, placementFor, searchTextOf } from './rules.ts'

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

describe('nextInLine', () => {
  const at = (iso: string) => new Date(iso)
  const waiting = [
    { id: 'c', waitlistedAt: at('2026-10-02T09:00:00Z') },
    { id: 'b', waitlistedAt: at('2026-10-01T09:00:00Z') },
    { id: 'a', waitlistedAt: at('2026-10-02T09:00:00Z') },
    { id: 'z', waitlistedAt: null },
  ]
  test('the longest wait first, equal times by id, no time last', () => {
    expect(nextInLine(waiting, 10).map((r) => r.id)).toEqual(['b', 'a', 'c', 'z'])
  })
  test('only as many as there are seats to offer', () => {
    expect(nextInLine(waiting, 2).map((r) => r.id)).toEqual(['b', 'a'])
    expect(nextInLine(waiting, 0)).toEqual([])
    expect(nextInLine([], 3)).toEqual([])
  })
  test('leaves the list it was given as it was', () => {
    const copy = [...waiting]
    nextInLine(waiting, 4)
    expect(waiting).toEqual(copy)
  })
})

describe('isReminderDue', () => {
  const now = new Date('2026-10-01T08:00:00Z')
  const inDays = (d: number) => new Date(now.getTime() + d * 24 * 60 * 60 * 1000)
  test('due within the days before the event, at any horizon the form accepts', () => {
    expect(isReminderDue({ startsAt: inDays(2), reminderDaysBefore: 2 }, now)).toBe(true)
    expect(isReminderDue({ startsAt: inDays(29), reminderDaysBefore: 30 }, now)).toBe(true)
    expect(isReminderDue({ startsAt: inDays(60), reminderDaysBefore: 60 }, now)).toBe(true)
  })
  test('not yet when the event is further away than the reminder', () => {
    expect(isReminderDue({ startsAt: inDays(31), reminderDaysBefore: 30 }, now)).toBe(false)
    expect(isReminderDue({ startsAt: inDays(2.5), reminderDaysBefore: 2 }, now)).toBe(false)
  })
  test('never without a reminder, nor once the event has started', () => {
    expect(isReminderDue({ startsAt: inDays(1), reminderDaysBefore: 0 }, now)).toBe(false)
    expect(isReminderDue({ startsAt: inDays(-0.1), reminderDaysBefore: 3 }, now)).toBe(false)
  })
})
