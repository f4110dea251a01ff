import { describe, expect, test } from 'vitest'
import { halfDaysOf, hoursAttended, isDrawnSignature, isOpenForSigning, missingSignatures, sheetsByDefault } from './rules.ts'

const at = (iso: string) => new Date(iso)
const morning = { id: 's1', startsAt: at('2026-03-10T08:00:00Z'), endsAt: at('2026-03-10T11:30:00Z'), closedAt: null }
const afternoon = { id: 's2', startsAt: at('2026-03-10T13:00:00Z'), endsAt: at('2026-03-10T16:30:00Z'), closedAt: null }
const line = (
  sessionId: string,
  registrationId: string,
  extra: Partial<{ signedAt: Date | null; arrivedAt: Date; leftAt: Date }> = {},
) => ({
  sessionId,
  registrationId,
  signedAt: at('2026-03-10T08:05:00Z'),
  arrivedAt: null,
  leftAt: null,
  ...extra,
})

describe('hoursAttended', () => {
  test('adds the length of every signed session', () => {
    const m = hoursAttended([morning, afternoon], [line('s1', 'a'), line('s2', 'a'), line('s1', 'b')])
    expect(m.get('a')).toBe(420)
    expect(m.get('b')).toBe(210)
  })
  test('takes off a late arrival and an early departure', () => {
    const m = hoursAttended(
      [morning, afternoon],
      [line('s1', 'a', { arrivedAt: at('2026-03-10T08:45:00Z') }), line('s2', 'a', { leftAt: at('2026-03-10T15:30:00Z') })],
    )
    expect(m.get('a')).toBe(210 - 45 + 210 - 60)
  })
  test('an unsigned line counts nothing, times outside the session are clamped', () => {
    const m = hoursAttended(
      [morning],
      [line('s1', 'a', { signedAt: null }), line('s1', 'b', { arrivedAt: at('2026-03-10T07:00:00Z'), leftAt: at('2026-03-10T20:00:00Z') })],
    )
    expect(m.has('a')).toBe(false)
    expect(m.get('b')).toBe(210)
  })
})

describe('missingSignatures', () => {
  test('lists the registrations without a signature on that session only', () => {
    const people = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
    const missing = missingSignatures(morning, people, [line('s1', 'a'), line('s2', 'b'), line('s1', 'c', { signedAt: null })])
    expect(missing.map((p) => p.id)).toEqual(['b', 'c'])
  })
})

describe('isOpenForSigning', () => {
  test('opens 30 minutes before the start and closes with the trainer', () => {
    expect(isOpenForSigning(morning, at('2026-03-10T07:20:00Z'))).toBe(false)
    expect(isOpenForSigning(morning, at('2026-03-10T07:35:00Z'))).toBe(true)
    expect(isOpenForSigning(morning, at('2026-03-10T12:00:00Z'))).toBe(true)
    expect(isOpenForSigning({ ...morning, closedAt: at('2026-03-10T11:35:00Z') }, at('2026-03-10T11:40:00Z'))).toBe(false)
    expect(isOpenForSigning(morning, at('2026-03-11T08:00:00Z'))).toBe(false)
  })
})

describe('halfDaysOf', () => {
  test('morning and afternoon of each day, in the event’s time zone', () => {
    const days = halfDaysOf({ startsAt: at('2026-03-28T08:00:00Z'), endsAt: at('2026-03-29T15:00:00Z'), timeZone: 'Europe/Paris' })
    expect(days.map((d) => [d.day, d.part, d.startsAt.toISOString(), d.endsAt.toISOString()])).toEqual([
      ['2026-03-28', 'morning', '2026-03-28T08:00:00.000Z', '2026-03-28T11:30:00.000Z'],
      ['2026-03-28', 'afternoon', '2026-03-28T13:00:00.000Z', '2026-03-28T16:30:00.000Z'],
      // Summer time from 29 March: 9:00 in Paris is 7:00 UTC.
      ['2026-03-29', 'morning', '2026-03-29T07:00:00.000Z', '2026-03-29T10:30:00.000Z'],
      ['2026-03-29', 'afternoon', '2026-03-29T12:00:00.000Z', '2026-03-29T15:30:00.000Z'],
    ])
  })
})

test('sheets by default for trainings, a drawn signature is a PNG data URL of bounded size', () => {
  expect(sheetsByDefault('yess_academie')).toBe(true)
  expect(sheetsByDefault('training')).toBe(true)
  expect(sheetsByDefault('conference')).toBe(false)
  expect(isDrawnSignature('data:image/png;base64,iVBORw0KGgo=')).toBe(true)
  expect(isDrawnSignature('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false)
  expect(isDrawnSignature(`data:image/png;base64,${'A'.repeat(200_001)}`)).toBe(false)
})
