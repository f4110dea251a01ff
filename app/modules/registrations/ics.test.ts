import { describe, expect, test } from 'vitest'
import { buildIcs } from './ics.ts'

describe('calendar file', () => {
  const ics = buildIcs({
    uid: 'reg-1@essor',
    title: 'Conférence régionale de l’ESS; Centre-Val de Loire',
    startsAt: '2026-11-29T08:30:00.000Z',
    endsAt: '2026-11-30T16:00:00.000Z',
    location: 'Narbonne, Palais du Travail',
    description: 'Ligne 1\nLigne 2 '.repeat(10),
    now: new Date('2026-11-01T00:00:00Z'),
  })
  test('has UTC times, escaped text and CRLF line ends', () => {
    expect(ics).toContain('DTSTART:20261129T083000Z')
    expect(ics).toContain('DTEND:20261130T160000Z')
    expect(ics).toContain('SUMMARY:Conférence régionale de l’ESS\\; Centre-Val de Loire')
    expect(ics).toContain('LOCATION:Narbonne\\, Palais du Travail')
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true)
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
  })
  test('folded lines unfold back to the original text', () => {
    const unfolded = ics.replace(/\r\n /g, '')
    expect(unfolded).toContain('DESCRIPTION:' + 'Ligne 1\\nLigne 2 '.repeat(10))
  })
})
