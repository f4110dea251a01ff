import { describe, expect, test } from 'vitest'
import { canDecide, isRating, outcomeOf, planBatch, statusAfter, summarise } from './rules.ts'

describe('which decisions an application can receive', () => {
  test('an application can be accepted, refused or waitlisted', () => {
    expect(canDecide('applied', 'accept')).toBe(true)
    expect(canDecide('applied', 'refuse')).toBe(true)
    expect(canDecide('applied', 'waitlist')).toBe(true)
  })
  test('a waitlisted candidate can be accepted or refused, not waitlisted again', () => {
    expect(canDecide('waitlisted', 'accept')).toBe(true)
    expect(canDecide('waitlisted', 'refuse')).toBe(true)
    expect(canDecide('waitlisted', 'waitlist')).toBe(false)
  })
  test('refused is final; confirmed, offered and cancelled are decided', () => {
    for (const status of ['refused', 'confirmed', 'offered', 'cancelled']) {
      for (const d of ['accept', 'refuse', 'waitlist'] as const) expect(canDecide(status, d)).toBe(false)
    }
  })
  test('statuses after a decision', () => {
    expect(statusAfter('accept')).toBe('confirmed')
    expect(statusAfter('refuse')).toBe('refused')
    expect(statusAfter('waitlist')).toBe('waitlisted')
  })
})

describe('one outcome', () => {
  test('an acceptance without a seat is reported, or waitlisted when asked', () => {
    expect(outcomeOf('applied', 'accept', true)).toBe('accepted')
    expect(outcomeOf('applied', 'accept', false)).toBe('no_seat')
    expect(outcomeOf('applied', 'accept', false, true)).toBe('waitlisted')
    // Already on the waiting list: stays there, reported without a seat.
    expect(outcomeOf('waitlisted', 'accept', false, true)).toBe('no_seat')
  })
  test('unknown and decided applications', () => {
    expect(outcomeOf(null, 'accept', true)).toBe('not_found')
    expect(outcomeOf('confirmed', 'accept', true)).toBe('already_decided')
    expect(outcomeOf('refused', 'refuse', false)).toBe('already_decided')
  })
})

describe('a batch shares the free seats in the organiser order', () => {
  const ten = Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, status: 'applied' }))

  test('accepting 10 with 4 free seats accepts the first 4 and reports the 6 others', () => {
    const plan = planBatch(ten, 'accept', 4)
    expect(plan.filter((p) => p.outcome === 'accepted').map((p) => p.id)).toEqual(['a0', 'a1', 'a2', 'a3'])
    expect(plan.filter((p) => p.outcome === 'no_seat')).toHaveLength(6)
    expect(summarise(plan)).toMatchObject({ accepted: 4, no_seat: 6 })
  })
  test('the rest can go on the waiting list', () => {
    const plan = planBatch(ten, 'accept', 4, true)
    expect(summarise(plan)).toMatchObject({ accepted: 4, waitlisted: 6, no_seat: 0 })
  })
  test('no free seat: nobody is accepted; no limit: everyone is', () => {
    expect(summarise(planBatch(ten, 'accept', 0)).accepted).toBe(0)
    expect(summarise(planBatch(ten, 'accept', null)).accepted).toBe(10)
  })
  test('decided applications take no seat and do not count', () => {
    const plan = planBatch(
      [
        { id: 'x', status: 'refused' },
        { id: 'y', status: 'applied' },
        { id: 'z', status: null },
        { id: 'w', status: 'waitlisted' },
      ],
      'accept',
      1,
    )
    expect(plan.map((p) => p.outcome)).toEqual(['already_decided', 'accepted', 'not_found', 'no_seat'])
  })
  test('the same id twice is decided once', () => {
    const plan = planBatch(
      [
        { id: 'a', status: 'applied' },
        { id: 'a', status: 'applied' },
      ],
      'accept',
      5,
    )
    expect(plan.map((p) => p.outcome)).toEqual(['accepted', 'already_decided'])
  })
  test('refusals and waitlisting take no seat', () => {
    expect(summarise(planBatch(ten, 'refuse', 0)).refused).toBe(10)
    expect(summarise(planBatch(ten, 'waitlist', 0)).waitlisted).toBe(10)
  })
})

test('ratings are whole numbers from 1 to 5', () => {
  expect([1, 5].every(isRating)).toBe(true)
  expect([0, 6, 2.5, Number.NaN].some(isRating)).toBe(false)
})
