// The SQL of jurorScope and the rule canSeeNomination (rules.ts) agree: over a seeded edition with
// every kind of case (pool mode and assignments, conflicts, withdrawn and ineligible nominations,
// a category the juror does not sit in, another edition's nominations), for each juror and each
// nomination, the guard, the juror's lists and the scope query answer what the rule says.
import { describe, expect, test } from 'vitest'
import { prisma, readRows } from '#app/db.server.ts'
import { isAppError } from '#app/utils/errors.ts'
import { makeJuryEdition } from '#tests/support/jury-fixtures.ts'
import { assignedNominations, requireNominationAccess } from './jurors.server.ts'
import { canSeeNomination, inJuryScope, type JurorScopeFacts } from './rules.ts'
import { jurorScope } from './scope.server.ts'

async function factsOf(jurorId: string, nomination: JurorScopeFacts['nomination']): Promise<JurorScopeFacts> {
  const juror = await prisma.juror.findUniqueOrThrow({
    where: { id: jurorId },
    include: { memberships: { include: { category: true } }, assignments: true, conflicts: true },
  })
  const shortlisted = await prisma.nomination.count({ where: { editionId: nomination.editionId, status: 'shortlisted' } })
  return {
    juror: {
      editionId: juror.editionId,
      seats: juror.memberships.map((m) => ({ categoryId: m.categoryId, assignmentMode: m.category.assignmentMode })),
      assignments: juror.assignments.map((a) => ({ nominationId: a.nominationId, categoryId: a.categoryId })),
      conflicts: juror.conflicts.map((c) => c.nominationId),
    },
    nomination,
    editionHasShortlisted: shortlisted > 0,
  }
}

/** What the database says for one pair: in the scope query (and conflicted?), in the lists, and the guard's answer. */
async function sqlAnswers(jurorId: string, nominationId: string) {
  const rows = await readRows(
    jurorScope(jurorId, { categoryOf: nominationId })
      .selectFrom('pool as p')
      .select(['p.id', 'p.conflicted'])
      .where('p.id', '=', nominationId),
  )
  const everything = await readRows(jurorScope(jurorId).selectFrom('pool as p').select('p.id'))
  const listed = (await assignedNominations(jurorId)).some((n) => n.id === nominationId)
  const listedWithConflicts = (await assignedNominations(jurorId, { includeConflicted: true })).some((n) => n.id === nominationId)
  let guard: 'ok' | 'not_found' | 'forbidden'
  try {
    await requireNominationAccess({ id: jurorId }, nominationId)
    guard = 'ok'
  } catch (error) {
    if (!isAppError(error)) throw error
    guard = error.code as 'not_found' | 'forbidden'
  }
  return {
    inScope: rows.length === 1,
    inWholeScope: everything.some((r) => r.id === nominationId),
    scorable: rows.length === 1 && !rows[0]!.conflicted,
    listed,
    listedWithConflicts,
    guard,
  }
}

async function expectAgreement(jurorIds: string[], nominations: JurorScopeFacts['nomination'][]) {
  let seen = 0
  for (const jurorId of jurorIds) {
    for (const nomination of nominations) {
      const facts = await factsOf(jurorId, nomination)
      const rule = { inScope: inJuryScope(facts), canSee: canSeeNomination(facts) }
      const db = await sqlAnswers(jurorId, nomination.id)
      const label = `${jurorId} × ${nomination.id} (${nomination.status})`
      expect({ label, ...db }, label).toEqual({
        label,
        inScope: rule.inScope,
        inWholeScope: rule.inScope,
        scorable: rule.canSee,
        listed: rule.canSee,
        listedWithConflicts: rule.inScope,
        guard: rule.canSee ? 'ok' : rule.inScope ? 'forbidden' : 'not_found',
      })
      if (rule.canSee) seen++
    }
  }
  return seen
}

describe('who sees which nomination: the SQL and canSeeNomination agree', () => {
  test('over an edition with both modes, assignments, conflicts, every status, and another edition', async () => {
    const fx = await makeJuryEdition({ categories: 3, nominationsPerCategory: 4, jurors: 3 })
    const other = await makeJuryEdition({ categories: 1, nominationsPerCategory: 2, jurors: 1 })
    const [a, b, c] = fx.jurors.map((j) => j.juror.id) as [string, string, string]
    const [cat1, cat2, cat3] = fx.categories
    // Category 1 in mode all; in it, a withdrawn, an ineligible and an eligible nomination next to a shortlisted one.
    await prisma.nomination.update({ where: { id: cat1!.nominations[1]!.id }, data: { status: 'withdrawn' } })
    await prisma.nomination.update({ where: { id: cat1!.nominations[2]!.id }, data: { status: 'ineligible' } })
    await prisma.nomination.update({ where: { id: cat1!.nominations[3]!.id }, data: { status: 'eligible' } })
    // Category 2 balanced: juror a assigned two, juror b none (sees nothing there), juror c one.
    await prisma.prizeCategory.update({ where: { id: cat2!.category.id }, data: { assignmentMode: 'balanced' } })
    for (const [jurorId, n] of [
      [a, 0],
      [a, 1],
      [c, 2],
    ] as const) {
      await prisma.juryAssignment.create({
        data: { jurorId, nominationId: cat2!.nominations[n]!.id, categoryId: cat2!.category.id, source: 'manual' },
      })
    }
    // Category 3 in mode all but juror b does not sit there; juror c is assigned one nomination there.
    await prisma.juryMember.deleteMany({ where: { jurorId: b, categoryId: cat3!.category.id } })
    await prisma.juryAssignment.create({
      data: { jurorId: c, nominationId: cat3!.nominations[0]!.id, categoryId: cat3!.category.id, source: 'manual' },
    })
    // Conflicts: juror a on a shortlisted nomination of category 1 and on an assigned one of category 2.
    for (const n of [cat1!.nominations[0]!, cat2!.nominations[1]!]) {
      await prisma.juryConflict.create({
        data: { editionId: fx.edition.id, jurorId: a, nominationId: n.id, kind: 'other', declaredBy: 'juror' },
      })
    }

    const nominations = [...fx.categories.flatMap((x) => x.nominations), ...other.categories[0]!.nominations].map((n) => ({
      id: n.id,
      editionId: n.editionId,
      categoryId: n.categoryId,
      status: n.status,
    }))
    const fresh = async () =>
      (await prisma.nomination.findMany({ where: { id: { in: nominations.map((n) => n.id) } } })).map((n) => ({
        id: n.id,
        editionId: n.editionId,
        categoryId: n.categoryId,
        status: n.status,
      }))
    const jurors = [a, b, c, other.jurors[0]!.juror.id]
    // With shortlisted nominations, eligible ones stay out of the pool.
    const seenShortlisted = await expectAgreement(jurors, await fresh())
    expect(seenShortlisted).toBeGreaterThan(10)

    // While none is shortlisted, the eligible ones are the pool.
    await prisma.nomination.updateMany({ where: { editionId: fx.edition.id, status: 'shortlisted' }, data: { status: 'eligible' } })
    const seenEligible = await expectAgreement(jurors, await fresh())
    expect(seenEligible).toBeGreaterThan(10)
  })
})
