import { describe, expect, test } from 'vitest'
import {
  formatEventWhen,
  formatExportDate,
  formatLocalDateTime,
  formatShortDateTime,
  formatTime,
  isValidTimeZone,
  localDateOf,
  parseLocalDateTime,
  timeZoneOffsetMinutes,
  wallClock,
} from './time.ts'

const iso = (d: Date | null) => d?.toISOString() ?? null

describe('parseLocalDateTime (Europe/Paris wall time → UTC)', () => {
  test('winter is UTC+1 and summer UTC+2', () => {
    expect(iso(parseLocalDateTime('2025-11-29T09:30'))).toBe('2025-11-29T08:30:00.000Z')
    expect(iso(parseLocalDateTime('2025-06-12T09:30'))).toBe('2025-06-12T07:30:00.000Z')
  })

  test('around the spring change (last Sunday of March, 2025-03-30)', () => {
    expect(iso(parseLocalDateTime('2025-03-30T01:59'))).toBe('2025-03-30T00:59:00.000Z')
    expect(iso(parseLocalDateTime('2025-03-30T03:00'))).toBe('2025-03-30T01:00:00.000Z')
    // 02:00–02:59 does not exist that night: it moves forward by the hour skipped.
    expect(iso(parseLocalDateTime('2025-03-30T02:30'))).toBe('2025-03-30T01:30:00.000Z')
    expect(formatLocalDateTime(parseLocalDateTime('2025-03-30T02:30')!)).toBe('2025-03-30T03:30')
    // The day before and the day after keep their own offsets.
    expect(iso(parseLocalDateTime('2025-03-29T12:00'))).toBe('2025-03-29T11:00:00.000Z')
    expect(iso(parseLocalDateTime('2025-03-31T12:00'))).toBe('2025-03-31T10:00:00.000Z')
  })

  test('around the autumn change (last Sunday of October, 2025-10-26)', () => {
    expect(iso(parseLocalDateTime('2025-10-26T01:30'))).toBe('2025-10-25T23:30:00.000Z')
    // 02:30 happens twice: the first one (still summer time) is chosen.
    expect(iso(parseLocalDateTime('2025-10-26T02:30'))).toBe('2025-10-26T00:30:00.000Z')
    expect(iso(parseLocalDateTime('2025-10-26T03:00'))).toBe('2025-10-26T02:00:00.000Z')
    expect(iso(parseLocalDateTime('2025-10-25T09:00'))).toBe('2025-10-25T07:00:00.000Z')
    expect(iso(parseLocalDateTime('2025-10-27T09:00'))).toBe('2025-10-27T08:00:00.000Z')
  })

  test('other years and zones', () => {
    expect(iso(parseLocalDateTime('2026-03-29T09:00'))).toBe('2026-03-29T07:00:00.000Z')
    expect(iso(parseLocalDateTime('2026-03-28T09:00'))).toBe('2026-03-28T08:00:00.000Z')
    expect(iso(parseLocalDateTime('2025-11-29T09:30', 'Indian/Reunion'))).toBe('2025-11-29T05:30:00.000Z')
    expect(iso(parseLocalDateTime('2025-11-29T09:30', 'America/Martinique'))).toBe('2025-11-29T13:30:00.000Z')
    expect(iso(parseLocalDateTime('2025-11-29T09:30:15', 'UTC'))).toBe('2025-11-29T09:30:15.000Z')
  })

  test('rejects text that is not a real date or zone', () => {
    for (const bad of [
      '',
      '2025-11-29',
      '29/11/2025 09:30',
      '2025-02-30T10:00',
      '2025-13-01T10:00',
      '2025-11-29T24:00',
      '2025-11-29T09:60',
    ]) {
      expect(parseLocalDateTime(bad), bad).toBeNull()
    }
    expect(parseLocalDateTime('2025-11-29T09:30', 'Mars/Olympus')).toBeNull()
    expect(isValidTimeZone('Europe/Paris')).toBe(true)
    expect(isValidTimeZone('Nowhere/Land')).toBe(false)
  })
})

describe('formatLocalDateTime (UTC → Europe/Paris wall time)', () => {
  test('round-trips every wall time that exists', () => {
    for (const local of [
      '2025-03-30T01:59',
      '2025-03-30T03:00',
      '2025-10-26T01:59',
      '2025-10-26T03:00',
      '2025-12-31T23:59',
      '2026-01-01T00:00',
    ]) {
      expect(formatLocalDateTime(parseLocalDateTime(local)!)).toBe(local)
    }
  })

  test('both instants of the repeated autumn hour show as 02:30', () => {
    expect(formatLocalDateTime(new Date('2025-10-26T00:30:00Z'))).toBe('2025-10-26T02:30')
    expect(formatLocalDateTime(new Date('2025-10-26T01:30:00Z'))).toBe('2025-10-26T02:30')
  })

  test('offsets and calendar days', () => {
    expect(timeZoneOffsetMinutes(new Date('2025-03-30T00:59:00Z'))).toBe(60)
    expect(timeZoneOffsetMinutes(new Date('2025-03-30T01:00:00Z'))).toBe(120)
    expect(timeZoneOffsetMinutes(new Date('2025-10-26T00:59:00Z'))).toBe(120)
    expect(timeZoneOffsetMinutes(new Date('2025-10-26T01:00:00Z'))).toBe(60)
    expect(localDateOf(new Date('2025-11-28T23:30:00Z'))).toBe('2025-11-29')
  })
})

describe('dates for spreadsheets and tables', () => {
  test('Paris wall-clock time, summer and winter', () => {
    expect(formatExportDate(new Date('2026-07-01T10:00:00Z'), 'Europe/Paris')).toBe('01/07/2026 12:00')
    expect(formatExportDate(new Date('2026-01-01T10:00:00Z'), 'Europe/Paris')).toBe('01/01/2026 11:00')
    expect(wallClock(new Date('2026-07-01T10:00:00Z'), 'Europe/Paris').toISOString()).toBe('2026-07-01T12:00:00.000Z')
  })

  test('times and short date-times in the reader’s language and the event’s zone', () => {
    const at = new Date('2026-07-01T10:05:00Z')
    expect(formatTime('fr', at)).toBe('12:05')
    expect(formatTime('en', at, 'Indian/Reunion')).toBe('14:05')
    expect(formatShortDateTime('fr', at)).toBe('01/07/2026 12:05')
  })
})

describe('formatEventWhen', () => {
  const oneSpace = (text: string) => text.replace(/[\s\u202f\u2009]+/g, ' ')
  test('one day: the date once and French hours; several days: both dates', () => {
    expect(oneSpace(formatEventWhen('fr', '2027-02-04T08:00:00Z', '2027-02-04T16:30:00Z'))).toBe('jeudi 4 février 2027, 9 h – 17 h 30')
    expect(oneSpace(formatEventWhen('fr', '2027-02-04T08:00:00Z', '2027-02-05T16:00:00Z'))).toBe(
      'jeudi 4 février 2027 à 9 h – vendredi 5 février 2027 à 17 h',
    )
    expect(oneSpace(formatEventWhen('en', '2027-02-04T08:00:00Z', '2027-02-04T16:30:00Z'))).toBe('Thursday, 4 February 2027, 09:00–17:30')
  })
})
