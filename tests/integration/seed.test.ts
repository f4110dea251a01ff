// The demo data: what `npm start` loads into an empty installation.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { verifyPassword } from '#app/modules/auth/password.server.ts'
import { DEMO_PASSWORD, demoAccounts, seedDemoData } from '../../prisma/seed.ts'

describe('demo data', () => {
  test('loads the organisations and their staff once, matching the accounts printed at start-up', async () => {
    expect(await seedDemoData(prisma)).toEqual({ seeded: true })

    const slugs = (await prisma.organisation.findMany({ select: { slug: true } })).map((o) => o.slug).sort()
    expect(slugs).toEqual(
      ['cress-centre-val-de-loire', 'cress-ile-de-france', 'cress-occitanie', 'cress-pays-de-la-loire', 'region-occitanie'].sort(),
    )
    const memberships = await prisma.membership.findMany({ include: { user: true, organisation: true } })
    const actual = memberships.map((m) => `${m.user.email} ${m.role} ${m.organisation.slug}`).sort()
    expect(actual).toEqual(demoAccounts.map((a) => `${a.email} ${a.role} ${a.organisation}`).sort())
    for (const slug of slugs) {
      const roles = memberships.filter((m) => m.organisation.slug === slug).map((m) => m.role)
      expect(roles, slug).toEqual(expect.arrayContaining(['admin', 'organiser', 'checkin']))
    }
    // Someone works for two organisations.
    const perUser = memberships.map((m) => m.userId)
    expect(perUser.some((id, i) => perUser.indexOf(id) !== i)).toBe(true)
    for (const m of memberships) expect(m.user.email).toMatch(/\.example$/)

    const admin = await prisma.user.findUniqueOrThrow({ where: { email: 'admin@cress-occitanie.example' } })
    expect(await verifyPassword(DEMO_PASSWORD, admin.passwordHash!)).toBe(true)

    const counts = async () => [await prisma.organisation.count(), await prisma.user.count(), await prisma.membership.count()]
    const before = await counts()
    expect(await seedDemoData(prisma)).toEqual({ seeded: false })
    expect(await counts()).toEqual(before)
  })
})
