import { describe, expect, test } from 'vitest'
import { pdfText } from '#tests/support/pdf-text.ts'
import { sortBadges, type BadgePerson } from './badge-rules.ts'
import { badgesPdf } from './badges-pdf.server.ts'

const people: BadgePerson[] = Array.from({ length: 17 }, (_, i) => ({
  id: `r${i}`,
  firstName: `Hélène${i}`,
  lastName: `Castan${String.fromCharCode(97 + ((i * 7) % 17))}`,
  organisationName: `SCOP n°${i % 3}`,
  organisationType: i % 2 ? 'cooperative' : 'association',
  ticketCode: `code${i}`,
  createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
}))

describe('badge sheets', () => {
  test('A4: 8 badges a page, each with its name, organisation and profile', async () => {
    const pdf = await pdfText(await badgesPdf({ eventTitle: 'Conférence régionale', format: 'a4x8', locale: 'fr', people }))
    expect(pdf.pageCount).toBe(3)
    for (const p of people) expect(pdf.text).toContain(p.firstName)
    expect(pdf.pages[0]).toContain('CASTANA')
    expect(pdf.pages[0]).toContain('SCOP n°0')
    expect(pdf.pages[0]).toContain('Coopérative')
    expect(pdf.pages[2]).toContain('Hélène16')
    expect(pdf.pages[2]).not.toContain('Hélène15')
  })

  test('labels: one badge a page, in the chosen order', async () => {
    const sorted = sortBadges(people, 'lastName')
    const pdf = await pdfText(await badgesPdf({ eventTitle: 'Conférence régionale', format: 'label90x55', locale: 'en', people: sorted }))
    expect(pdf.pageCount).toBe(17)
    expect(pdf.pages.map((p) => /Hélène\d+/.exec(p)?.[0])).toEqual(sorted.map((p) => p.firstName))
    expect(sorted[0]!.lastName).toBe('Castana')
  })

  test('orders: organisation then name, registration date', () => {
    expect(
      sortBadges(people, 'organisation')
        .slice(0, 2)
        .map((p) => p.organisationName),
    ).toEqual(['SCOP n°0', 'SCOP n°0'])
    expect(sortBadges([...people].reverse(), 'registeredAt').map((p) => p.id)).toEqual(people.map((p) => p.id))
  })
})
