// The demo contacts of CRESS Occitanie: EPCI, élus, members and partners of Occitanie, valid
// by the contacts' own rules, deterministic, and loaded once.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { selectAudience } from '#app/modules/campaigns/audience.server.ts'
import { parseTags, validateContact } from '#app/modules/contacts/schema.ts'
import { seedDemoData } from '../../prisma/seed.ts'
import { demoContacts, seedDemoContacts } from '../../prisma/seed/contacts.ts'

const OCCITANIE = ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82']

describe('demo contacts', () => {
  test('about 150 valid contacts of CRESS Occitanie in every group, loaded once', async () => {
    await seedDemoData(prisma)
    expect(await seedDemoContacts(prisma)).toEqual({ seeded: false, contacts: 0 })
    const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: 'cress-occitanie' } })
    const rows = await prisma.contact.findMany({ where: { organisationId: org.id } })
    expect(rows.length).toBeGreaterThanOrEqual(140)
    expect(rows.length).toBeLessThanOrEqual(200)
    expect(await prisma.contact.count({ where: { organisationId: { not: org.id } } })).toBe(0)

    for (const r of rows) {
      const tags = parseTags(r.tags)
      const check = validateContact({
        email: r.email,
        firstName: r.firstName,
        lastName: r.lastName,
        structure: r.structure ?? '',
        profile: r.profile ?? '',
        departement: r.departement ?? '',
        locale: r.locale,
        tags,
      })
      expect(check.ok, r.email).toBe(true)
      expect(r.email.endsWith('.example'), r.email).toBe(true)
      expect(OCCITANIE).toContain(r.departement)
    }
    const byTag = (tag: string) => rows.filter((r) => parseTags(r.tags).includes(tag)).length
    expect(byTag('epci')).toBeGreaterThanOrEqual(30)
    expect(byTag('élus')).toBeGreaterThanOrEqual(20)
    expect(byTag('adhérents')).toBeGreaterThanOrEqual(40)
    expect(byTag('partenaires')).toBeGreaterThanOrEqual(15)
    expect(rows.filter((r) => r.locale === 'en').length).toBeGreaterThanOrEqual(3)
    expect(new Set(rows.map((r) => r.profile)).size).toBeGreaterThanOrEqual(6)

    // The audience selection works on them: élus of Haute-Garonne.
    const elus31 = await selectAudience(org.id, { tags: ['élus'], departements: ['31'] })
    expect(elus31.length).toBeGreaterThan(0)
    expect(elus31.every((r) => r.departement === '31' && r.profile === 'elu')).toBe(true)
  })

  test('deterministic', () => {
    expect(demoContacts()).toEqual(demoContacts())
  })
})
