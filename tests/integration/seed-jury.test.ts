// The demo jury: five jurors with accounts in two categories, a chair in each, assignments
// without the declared conflict, scores in progress with a late juror, one category deliberated
// and validated; the results service agrees with it and loading twice changes nothing.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { juryProgress } from '#app/modules/jury/progress.server.ts'
import { computeResults } from '#app/modules/jury/results.server.ts'
import { seedDemoData } from '../../prisma/seed.ts'
import { DEMO_CONFLICT, DEMO_LATE_JUROR, demoJurors, seedDemoJury } from '../../prisma/seed/jury.ts'
import { DEMO_PRIZE_SLUGS } from '../../prisma/seed/prizes.ts'

describe('demo jury', () => {
  test('jurors, chairs, conflict, progress and a validated category', async () => {
    await seedDemoData(prisma)
    expect((await seedDemoJury(prisma)).seeded).toBe(false)
    // The demo sends nothing: no juror is emailed (the demo campaign's rows are already "sent").
    expect(await prisma.emailMessage.count({ where: { status: 'pending' } })).toBe(0)
    expect(await prisma.emailMessage.count({ where: { template: { startsWith: 'jury' } } })).toBe(0)
    const edition = await prisma.prizeEdition.findUniqueOrThrow({ where: { slug: DEMO_PRIZE_SLUGS.current } })
    const jurors = await prisma.juror.findMany({ where: { editionId: edition.id }, include: { memberships: true } })
    expect(jurors).toHaveLength(demoJurors.length)
    expect(jurors.every((j) => j.userId && j.joinedAt)).toBe(true)
    const chairs = jurors.flatMap((j) => j.memberships.filter((m) => m.isChair))
    expect(new Set(chairs.map((m) => m.categoryId)).size).toBe(2)

    const conflict = await prisma.juryConflict.findFirstOrThrow({
      where: { editionId: edition.id },
      include: { juror: true, nomination: true },
    })
    expect([conflict.juror.email, conflict.nomination.structureName, conflict.declaredBy]).toEqual([
      DEMO_CONFLICT.juror,
      DEMO_CONFLICT.structureName,
      'juror',
    ])
    expect(await prisma.juryAssignment.count({ where: { jurorId: conflict.jurorId, nominationId: conflict.nominationId } })).toBe(0)

    const progress = await juryProgress(edition.id, new Date('2026-11-21T12:00:00Z'))
    const late = progress.jurors.find((j) => j.email === DEMO_LATE_JUROR)!
    expect([late.assigned, late.scored, late.late]).toEqual([2, 0, true])
    expect(progress.jurors.filter((j) => j.late).length).toBeGreaterThanOrEqual(1)

    const results = await computeResults(edition.id)
    const ecologie = results.categories.find((c) => c.name === 'Transition écologique')!
    const social = results.categories.find((c) => c.name === 'Utilité sociale')!
    expect(ecologie.decisionsLockedAt).not.toBeNull()
    expect(ecologie.rows.map((r) => r.decision?.decision)).toEqual(['laureate', 'mention'])
    expect(ecologie.rows.map((r) => r.rank)).toEqual([1, 2])
    expect(social.decisionsLockedAt).toBeNull()
    expect(social.rows.every((r) => r.decision === null)).toBe(true)
    expect(social.rows.every((r) => r.count >= 2)).toBe(true)
    expect(edition.resultsPublishedAt).toBeNull()
  })
})
