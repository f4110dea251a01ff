// The demo prizes: every nomination state is there, SIRETs are valid, the organisers' review
// agrees with the edition's rules, the public vote is open with its nominees, the 2027 edition
// is a draft copy, and loading twice changes nothing.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { eligibilityOf, isValidSiret, stringList, submissionWindow, voteWindow } from '#app/modules/prizes/rules.ts'
import { seedDemoData } from '../../prisma/seed.ts'
import { DEMO_PRIZE_SLUGS, demoNominations, seedDemoPrizes } from '../../prisma/seed/prizes.ts'

const NOW = new Date('2026-11-21T12:00:00Z')

describe('demo prizes', () => {
  test('load once, with nominations in every state that agree with the rules', async () => {
    // seedDemoData loads them once wired in; seedDemoPrizes alone covers the case where it is not.
    await seedDemoData(prisma)
    await seedDemoPrizes(prisma)
    const emailsBefore = await prisma.emailMessage.count()

    const edition = await prisma.prizeEdition.findUniqueOrThrow({
      where: { slug: DEMO_PRIZE_SLUGS.current },
      include: { categories: { include: { criteria: true }, orderBy: { position: 'asc' } }, nominations: true, organisation: true },
    })
    expect(edition.organisation.slug).toBe('cress-occitanie')
    expect(edition.status).toBe('published')
    expect(edition.categories.map((c) => c.name)).toEqual(['Utilité sociale', 'Transition écologique', 'Coup de cœur'])
    for (const c of edition.categories) {
      expect(c.criteria.length, c.name).toBeGreaterThanOrEqual(4)
      expect(c.criteria.length, c.name).toBeLessThanOrEqual(6)
      expect([c.scaleMin, c.scaleMax]).toEqual([0, 5])
      for (const k of c.criteria) {
        expect(k.weight).toBeGreaterThan(0)
        expect(k.rubric).not.toBe('')
      }
    }
    // Submissions closed, jury over, public vote open on the demo's "today".
    expect(submissionWindow(edition, NOW)).toBe('closed')
    expect(edition.juryEndsAt!.getTime()).toBeLessThan(NOW.getTime())
    expect(voteWindow(edition, NOW)).toBe('open')

    const nominations = edition.nominations
    expect(nominations.length).toBe(demoNominations.length)
    expect(nominations.length).toBeGreaterThanOrEqual(20)
    expect([...new Set(nominations.map((x) => x.status))].sort()).toEqual([
      'draft',
      'eligible',
      'ineligible',
      'shortlisted',
      'submitted',
      'withdrawn',
    ])
    expect(new Set(nominations.map((x) => x.legalForm)).size).toBeGreaterThanOrEqual(6)
    expect(
      nominations.filter((x) => x.status === 'shortlisted' && x.categoryId === edition.categories[2]!.id).length,
    ).toBeGreaterThanOrEqual(2)

    const occitanie = stringList(edition.eligibleDepartements)
    for (const x of nominations) {
      const label = `${x.structureName || x.contactEmail} (${x.status})`
      expect(x.contactEmail, label).toMatch(/@[a-z0-9-]+\.example$/)
      if (x.siret) expect(isValidSiret(x.siret), `${label} ${x.siret}`).toBe(true)
      if (x.status === 'draft') {
        expect(x.submittedAt, label).toBeNull()
        continue
      }
      expect(x.submittedAt, label).not.toBeNull()
      expect(x.submittedAt!.getTime(), label).toBeLessThan(edition.submissionsCloseAt.getTime())
      expect(isValidSiret(x.siret), label).toBe(true)
      const { eligible } = eligibilityOf(x, edition)
      if (x.status === 'eligible' || x.status === 'shortlisted') {
        expect(eligible, label).toBe(true)
        expect(occitanie).toContain(x.departement)
        expect(x.reviewedAt, label).not.toBeNull()
      }
      if (x.status === 'ineligible') {
        expect(eligible, label).toBe(false)
        expect(x.eligibilityReason, label).toBeTruthy()
      }
      if (x.status === 'withdrawn') expect(x.withdrawnAt, label).not.toBeNull()
    }

    // 2027: a draft copy of 2026, submissions in spring 2027.
    const next = await prisma.prizeEdition.findUniqueOrThrow({
      where: { slug: DEMO_PRIZE_SLUGS.next },
      include: { categories: { include: { criteria: true } }, nominations: true },
    })
    expect(next.status).toBe('draft')
    expect(next.copiedFromId).toBe(edition.id)
    expect(next.submissionsOpenAt.toISOString().slice(0, 7)).toBe('2027-05')
    expect(next.categories.map((c) => c.criteria.length).sort()).toEqual(edition.categories.map((c) => c.criteria.length).sort())
    expect(next.nominations).toEqual([])

    // Idempotent, and no email written.
    const counts = async () => [await prisma.prizeEdition.count(), await prisma.nomination.count(), await prisma.scoringCriterion.count()]
    const before = await counts()
    expect(await seedDemoPrizes(prisma)).toEqual({ seeded: false, nominations: 0 })
    expect(await counts()).toEqual(before)
    expect(await prisma.emailMessage.count()).toBe(emailsBefore)
  })
})
