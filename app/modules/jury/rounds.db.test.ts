// Rounds on both databases: promotion from round 1's results into a final round (top N, threshold,
// by hand; recorded and audited), a round-2 juror refused on a round-1-only nomination (page and
// save), each round's results from its own jurors, ties recorded as final, and the migration's
// data step attaching an edition's existing seats, assignments and scores to its round 1.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { auditEntriesFor } from '#app/modules/audit/service.server.ts'
import { makeJuryEdition } from '#tests/support/jury-fixtures.ts'
import { findActiveJuror } from './jurors.server.ts'
import { computeResults } from './results.server.ts'
import {
  createRound,
  ensureFirstRound,
  previewPromotion,
  promote,
  recordTieFinal,
  roundResults,
  seatJurorInRound,
} from './rounds.server.ts'
import { getScoringPage, saveScore } from './scoring.server.ts'

/** Four jurors, four nominations; jurors 1–3 score in round 1 (n1 > n2 = n3 > n4), juror 4 is for the final. */
async function twoRounds() {
  const f = await makeJuryEdition({ weights: [1, 1], nominationsPerCategory: 4, jurors: 4 })
  const { criteria, nominations } = f.categories[0]!
  const [c1, c2] = criteria.map((c) => c.id) as [string, string]
  const [n1, n2, n3, n4] = nominations.map((n) => n.id) as [string, string, string, string]
  const jurors = f.jurors.map((j) => j.juror.id)
  const marks: Record<string, number> = { [n1]: 5, [n2]: 4, [n3]: 4, [n4]: 1 }
  for (const jurorId of jurors.slice(0, 3))
    for (const [nominationId, v] of Object.entries(marks))
      await prisma.juryScore.create({ data: { jurorId, nominationId, complete: true, values: JSON.stringify({ [c1]: v, [c2]: v }) } })
  const actor = { organisationId: f.org.id, userId: f.organiser.id }
  const first = await ensureFirstRound(f.edition.id)
  const final = await createRound(f.edition.id, { name: 'Jury final', opensAt: null, closesAt: null, assignmentMode: null }, actor)
  await seatJurorInRound(f.edition.id, jurors[3]!, final.id, actor)
  return { f, c1, c2, n1, n2, n3, n4, jurors, actor, first, final }
}

describe('promotion between rounds', () => {
  test('top N per category: previewed without writing, then recorded with who, when, how, and audited', async () => {
    const { f, n1, n2, n3, actor, final } = await twoRounds()
    const preview = await previewPromotion(f.edition.id, final.id, { kind: 'top', perCategory: 2 })
    // n2 and n3 tie at place 2 with the chair's tie-break equal too: both go on.
    expect(preview.selected.map((s) => s.nominationId)).toEqual([n1, ...[n2, n3].sort()])
    expect(await prisma.juryRoundEntry.count({ where: { roundId: final.id } })).toBe(0)

    const done = await promote(f.edition.id, final.id, { kind: 'top', perCategory: 2 }, actor)
    expect(done.promoted).toBe(3)
    const entries = await prisma.juryRoundEntry.findMany({ where: { roundId: final.id } })
    expect(entries.map((e) => [e.nominationId, e.reason, e.promotedById]).sort()).toEqual(
      [n1, n2, n3].map((id) => [id, 'top', f.organiser.id]).sort(),
    )
    const log = await auditEntriesFor('JuryRound', final.id)
    expect(log.map((l) => l.action)).toContain('juryRound.promote')
    expect(JSON.parse(log.find((l) => l.action === 'juryRound.promote')!.details!).nominationIds.sort()).toEqual([n1, n2, n3].sort())

    // Promoting again adds nothing.
    expect((await promote(f.edition.id, final.id, { kind: 'top', perCategory: 2 }, actor)).promoted).toBe(0)
  })

  test('by threshold and by hand', async () => {
    const { f, n1, n4, actor, final } = await twoRounds()
    expect(
      (await previewPromotion(f.edition.id, final.id, { kind: 'threshold', minScore: 4.5 })).selected.map((s) => s.nominationId),
    ).toEqual([n1])
    await promote(f.edition.id, final.id, { kind: 'manual', nominationIds: [n4] }, actor)
    expect((await prisma.juryRoundEntry.findMany({ where: { roundId: final.id } })).map((e) => [e.nominationId, e.reason])).toEqual([
      [n4, 'manual'],
    ])
  })

  test('nothing is promoted into the first round', async () => {
    const { f, first } = await twoRounds()
    await expect(previewPromotion(f.edition.id, first, { kind: 'top', perCategory: 1 })).rejects.toMatchObject({ status: 409 })
  })
})

describe('jurors see only the nominations of their round', () => {
  test('a round-2 juror is refused on a round-1-only nomination, page and save, and sees the promoted one', async () => {
    const { f, c1, c2, n1, n4, jurors, actor, final } = await twoRounds()
    await promote(f.edition.id, final.id, { kind: 'top', perCategory: 1 }, actor)
    const finalJuror = (await findActiveJuror(f.jurors[3]!.user!.id, f.edition.id))!
    await expect(getScoringPage(finalJuror, n4)).rejects.toMatchObject({ status: 404 })
    await expect(saveScore(finalJuror.id, n4, { [c1]: '3', [c2]: '3' }, '')).rejects.toMatchObject({ status: expect.any(Number) })
    expect(await prisma.juryScore.count({ where: { jurorId: jurors[3]!, nominationId: n4 } })).toBe(0)
    const page = await getScoringPage(finalJuror, n1)
    expect(page.nomination.id).toBe(n1)
    // A round-1 juror still sees every nomination of round 1.
    const roundOne = (await findActiveJuror(f.jurors[1]!.user!.id, f.edition.id))!
    expect((await getScoringPage(roundOne, n4)).nomination.id).toBe(n4)
  })
})

describe('results per round', () => {
  test('each round ranks its own nominations with its own jurors’ scores', async () => {
    const { f, c1, c2, n1, n2, jurors, actor, first, final } = await twoRounds()
    await promote(f.edition.id, final.id, { kind: 'top', perCategory: 1 }, actor)
    await promote(f.edition.id, final.id, { kind: 'manual', nominationIds: [n2] }, actor)
    const finalJuror = (await findActiveJuror(f.jurors[3]!.user!.id, f.edition.id))!
    await saveScore(finalJuror.id, n2, { [c1]: '5', [c2]: '5' }, 'Remarquable')
    await saveScore(finalJuror.id, n1, { [c1]: '2', [c2]: '2' }, '')

    const one = await roundResults(f.edition.id, first)
    const rowsOne = one.categories[0]!.rows
    expect(rowsOne).toHaveLength(4)
    expect(rowsOne.find((r) => r.nominationId === n1)).toMatchObject({ count: 3, mean: 5, place: 1 })
    expect(rowsOne.every((r) => r.scores.every((s) => s.jurorId !== jurors[3]))).toBe(true)

    const two = await roundResults(f.edition.id, final.id)
    const rowsTwo = two.categories[0]!.rows
    expect(rowsTwo.map((r) => [r.nominationId, r.mean, r.count, r.place])).toEqual([
      [n2, 5, 1, 1],
      [n1, 2, 1, 2],
    ])
  })

  test('an ex aequo place recorded as final keeps the shared rank, audited; refused where there is no tie', async () => {
    const { f, n2, n3, actor, first } = await twoRounds()
    await prisma.prizeEdition.update({ where: { id: f.edition.id }, data: { tieBreak: 'top_scores' } })
    const categoryId = f.categories[0]!.category.id
    const before = await roundResults(f.edition.id, first)
    expect(before.ties[categoryId]).toEqual([{ place: 2, nominationIds: [n2, n3].sort(), final: false }])
    await expect(recordTieFinal(f.edition.id, first, categoryId, 1, actor)).rejects.toMatchObject({ status: 409 })
    await recordTieFinal(f.edition.id, first, categoryId, 2, actor)
    const after = await roundResults(f.edition.id, first)
    expect(after.ties[categoryId]![0]!.final).toBe(true)
    expect(
      after.categories[0]!.rows.filter((r) => r.rank === 2)
        .map((r) => r.nominationId)
        .sort(),
    ).toEqual([n2, n3].sort())
    expect((await auditEntriesFor('JuryRound', first)).map((l) => l.action)).toContain('juryRound.tieFinal')
  })
})

describe('the rounds migration', () => {
  test('its data step gives an edition a round 1 and attaches the existing seats, assignments and scores, results unchanged', async () => {
    const f = await makeJuryEdition({ weights: [1, 2], nominationsPerCategory: 2, jurors: 2 })
    const { criteria, nominations } = f.categories[0]!
    const [c1, c2] = criteria.map((c) => c.id) as [string, string]
    for (const [i, { juror }] of f.jurors.entries())
      for (const [k, n] of nominations.entries()) {
        await prisma.juryScore.create({
          data: { jurorId: juror.id, nominationId: n.id, complete: true, values: JSON.stringify({ [c1]: i + k, [c2]: 5 - k }) },
        })
        await prisma.juryAssignment.create({ data: { jurorId: juror.id, nominationId: n.id, categoryId: f.categories[0]!.category.id } })
      }
    const before = await computeResults(f.edition.id)

    const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'postgresql' : 'sqlite'
    const dir = dialect === 'postgresql' ? 'prisma/postgresql/migrations' : 'prisma/migrations'
    const sqlText = readFileSync(path.join(process.cwd(), dir, '20261207171912_jury_rounds', 'migration.sql'), 'utf8')
    const statements = sqlText
      .split('-- Data:')[1]!
      .split(';')
      .map((s) => s.replace(/^.*\n/, '').trim())
      .filter(Boolean)
    expect(statements).toHaveLength(4)
    // The step runs on this edition only: the test database holds other tests' editions.
    const [insert, ...updates] = statements
    await prisma.$executeRawUnsafe(`${insert} WHERE "id" = '${f.edition.id}'`)
    for (const update of updates)
      await prisma.$executeRawUnsafe(`${update} WHERE "jurorId" IN (SELECT "id" FROM "Juror" WHERE "editionId" = '${f.edition.id}')`)

    const roundId = `r1_${f.edition.id}`
    expect(await ensureFirstRound(f.edition.id)).toBe(roundId)
    const jurorIds = f.jurors.map((j) => j.juror.id)
    expect(await prisma.juryMember.count({ where: { jurorId: { in: jurorIds }, roundId } })).toBe(2)
    expect(await prisma.juryAssignment.count({ where: { jurorId: { in: jurorIds }, roundId } })).toBe(4)
    expect(await prisma.juryScore.count({ where: { jurorId: { in: jurorIds }, roundId } })).toBe(4)
    const after = await roundResults(f.edition.id, roundId)
    const strip = (r: typeof before) => r.categories.map((c) => c.rows.map((row) => [row.nominationId, row.mean, row.count, row.rank]))
    expect(strip(after)).toEqual(strip(before))
    expect(strip(before)[0]!.every(([, mean, count]) => mean !== null && count === 2)).toBe(true)
  })
})
