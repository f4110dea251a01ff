// Assignment against a real database: mode all, balanced (k, loads, conflicts), keeping scored
// assignments on a new run, manual changes and reassignment when a juror drops out.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { makeJuryEdition } from '#tests/support/jury-fixtures.ts'
import { addAssignment, reassignFromJuror, removeAssignment, runAssignment, updateAssignmentSettings } from './assignment.server.ts'

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? e.code : Promise.reject(e)),
  )

describe('assignment', () => {
  test('mode all: every juror × every nomination, except conflicts; non-shortlisted excluded', async () => {
    const f = await makeJuryEdition({ nominationsPerCategory: 3, jurors: 3 })
    const actor = { organisationId: f.org.id, userId: f.organiser.id }
    const { category, nominations } = f.categories[0]!
    await prisma.nomination.create({
      data: {
        editionId: f.edition.id,
        categoryId: category.id,
        status: 'submitted',
        contactEmail: 'x@example.org',
        editTokenHash: `x-${category.id}`,
      },
    })
    await prisma.juryConflict.create({
      data: {
        editionId: f.edition.id,
        jurorId: f.jurors[1]!.juror.id,
        nominationId: nominations[0]!.id,
        kind: 'family',
        declaredBy: 'organiser',
      },
    })
    const r = await runAssignment(f.edition.id, category.id, actor)
    expect(r.created).toBe(8)
    expect(await prisma.juryAssignment.count({ where: { jurorId: f.jurors[1]!.juror.id, nominationId: nominations[0]!.id } })).toBe(0)
    expect(await prisma.auditLog.count({ where: { action: 'juryAssignment.run', entityId: category.id } })).toBe(1)
  })

  test('balanced: k per nomination, loads within one, conflicts respected, scored kept on rerun', async () => {
    const f = await makeJuryEdition({ nominationsPerCategory: 7, jurors: 4 })
    const actor = { organisationId: f.org.id, userId: f.organiser.id }
    const { category, nominations } = f.categories[0]!
    const jurorIds = f.jurors.map((j) => j.juror.id)
    await prisma.juryConflict.create({
      data: { editionId: f.edition.id, jurorId: jurorIds[0]!, nominationId: nominations[0]!.id, kind: 'works_there', declaredBy: 'juror' },
    })
    await updateAssignmentSettings(f.edition.id, category.id, { mode: 'balanced', jurorsPerNomination: 2, maxPerJuror: null }, actor)
    expect(
      await codeOf(
        updateAssignmentSettings(f.edition.id, category.id, { mode: 'balanced', jurorsPerNomination: 0, maxPerJuror: null }, actor),
      ),
    ).toBe('invalid_input')
    const r = await runAssignment(f.edition.id, category.id, actor)
    expect(r.short).toEqual([])
    const rows = await prisma.juryAssignment.findMany({ where: { categoryId: category.id } })
    expect(rows).toHaveLength(14)
    for (const n of nominations) expect(rows.filter((a) => a.nominationId === n.id)).toHaveLength(2)
    expect(rows.some((a) => a.jurorId === jurorIds[0] && a.nominationId === nominations[0]!.id)).toBe(false)
    const loads = jurorIds.map((j) => rows.filter((a) => a.jurorId === j).length)
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1)

    // A scored assignment survives a rerun with k = 1.
    const scored = rows[0]!
    await prisma.juryScore.create({ data: { jurorId: scored.jurorId, nominationId: scored.nominationId, values: '{}', complete: true } })
    await updateAssignmentSettings(f.edition.id, category.id, { mode: 'balanced', jurorsPerNomination: 1, maxPerJuror: null }, actor)
    await runAssignment(f.edition.id, category.id, actor)
    const after = await prisma.juryAssignment.findMany({ where: { categoryId: category.id } })
    expect(after.some((a) => a.jurorId === scored.jurorId && a.nominationId === scored.nominationId)).toBe(true)
    for (const n of nominations) expect(after.filter((a) => a.nominationId === n.id)).toHaveLength(1)
  })

  test('manual add (never conflicted) and remove (not once scored)', async () => {
    const f = await makeJuryEdition({ nominationsPerCategory: 2, jurors: 2 })
    const actor = { organisationId: f.org.id, userId: f.organiser.id }
    const [n1, n2] = f.categories[0]!.nominations
    const [j1, j2] = f.jurors.map((j) => j.juror.id) as [string, string]
    await prisma.juryConflict.create({
      data: { editionId: f.edition.id, jurorId: j2, nominationId: n1!.id, kind: 'funder', declaredBy: 'organiser' },
    })
    expect(await codeOf(addAssignment(f.edition.id, j2, n1!.id, actor))).toBe('conflict_of_interest')
    const a = await addAssignment(f.edition.id, j1, n1!.id, actor)
    const b = await addAssignment(f.edition.id, j2, n2!.id, actor)
    expect((await prisma.juryAssignment.findUniqueOrThrow({ where: { id: a.id } })).source).toBe('manual')
    await prisma.juryScore.create({ data: { jurorId: j2, nominationId: n2!.id, values: '{}' } })
    expect(await codeOf(removeAssignment(f.edition.id, b.id, actor))).toBe('already_scored')
    await removeAssignment(f.edition.id, a.id, actor)
    expect(await prisma.juryAssignment.count({ where: { id: a.id } })).toBe(0)
    expect(
      await prisma.auditLog.count({ where: { action: { in: ['juryAssignment.add', 'juryAssignment.remove'] }, organisationId: f.org.id } }),
    ).toBe(3)
  })

  test('reassignFromJuror hands unscored nominations to free jurors of the category', async () => {
    const f = await makeJuryEdition({ nominationsPerCategory: 4, jurors: 3 })
    const actor = { organisationId: f.org.id, userId: f.organiser.id }
    const { category } = f.categories[0]!
    await updateAssignmentSettings(f.edition.id, category.id, { mode: 'balanced', jurorsPerNomination: 1, maxPerJuror: null }, actor)
    await runAssignment(f.edition.id, category.id, actor)
    const leaving = f.jurors[0]!.juror.id
    const mine = await prisma.juryAssignment.findMany({ where: { jurorId: leaving } })
    expect(mine.length).toBeGreaterThan(0)
    await prisma.juryScore.create({ data: { jurorId: leaving, nominationId: mine[0]!.nominationId, values: '{}', complete: true } })
    const result = await prisma.$transaction(async (tx) => {
      await tx.juror.update({ where: { id: leaving }, data: { removedAt: new Date() } })
      return reassignFromJuror(tx, leaving, f.organiser.id)
    })
    expect(result.dropped).toBe(mine.length - 1)
    expect(result.moved).toBe(mine.length - 1)
    const left = await prisma.juryAssignment.findMany({ where: { jurorId: leaving } })
    expect(left.map((a) => a.nominationId)).toEqual([mine[0]!.nominationId])
    for (const m of mine.slice(1))
      expect(await prisma.juryAssignment.count({ where: { nominationId: m.nominationId, jurorId: { not: leaving } } })).toBe(1)
  })
})
