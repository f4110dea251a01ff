// Results against hand-computed figures (SQLite and PostgreSQL): weighted totals, mean,
// population SD, disagreement, normalisation, ranking, conflicts and removed jurors excluded,
// the chair's redacted view and the public vote beside the ranking.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { makeJuryEdition } from '#tests/support/jury-fixtures.ts'
import { computeResults } from './results.server.ts'

async function scoredEdition() {
  const f = await makeJuryEdition({ weights: [1, 2], nominationsPerCategory: 3, jurors: 3 })
  const { criteria, nominations } = f.categories[0]!
  const [c1, c2] = criteria.map((c) => c.id) as [string, string]
  const [n1, n2, n3] = nominations.map((n) => n.id) as [string, string, string]
  const [j1, j2, j3] = f.jurors.map((j) => j.juror.id) as [string, string, string]
  const score = (jurorId: string, nominationId: string, a: number | null, b: number | null, complete = true, comment = '') =>
    prisma.juryScore.create({
      data: {
        jurorId,
        nominationId,
        complete,
        comment,
        values: JSON.stringify({ ...(a === null ? {} : { [c1]: a }), ...(b === null ? {} : { [c2]: b }) }),
      },
    })
  // J1 (chair): n1 14/3, n2 3, n3 2. J2: n1 13/3, n2 11/3, n3 incomplete. J3: conflicted on n1, n2 0, n3 5.
  await score(j1, n1, 4, 5, true, 'Très solide')
  await score(j1, n2, 3, 3)
  await score(j1, n3, 2, 2)
  await score(j2, n1, 5, 4)
  await score(j2, n2, 1, 5)
  await score(j2, n3, 3, null, false)
  await score(j3, n1, 0, 0)
  await score(j3, n2, 0, 0)
  await score(j3, n3, 5, 5)
  await prisma.juryConflict.create({
    data: { editionId: f.edition.id, jurorId: j3, nominationId: n1, kind: 'works_there', declaredBy: 'juror' },
  })
  return { f, n1, n2, n3, j1, j2, j3 }
}

describe('computeResults', () => {
  test('mean, population SD, count, disagreement and rank (hand-computed)', async () => {
    const { f, n1, n2, n3, j3 } = await scoredEdition()
    const results = await computeResults(f.edition.id)
    const rows = results.categories[0]!.rows
    expect(rows.map((r) => [r.nominationId, r.rank])).toEqual([
      [n1, 1],
      [n3, 2],
      [n2, 3],
    ])
    const byId = new Map(rows.map((r) => [r.nominationId, r]))
    // n1: 14/3 and 13/3 (J3 conflicted, not counted) → mean 4.5, SD 1/6.
    expect(byId.get(n1)!.count).toBe(2)
    expect(byId.get(n1)!.mean).toBeCloseTo(4.5, 6)
    expect(byId.get(n1)!.sd).toBeCloseTo(1 / 6, 6)
    expect(byId.get(n1)!.disagreement).toBe(false)
    expect(byId.get(n1)!.conflicts.map((c) => c.jurorId)).toEqual([j3])
    expect(byId.get(n1)!.scores.find((s) => s.isChair)?.comment).toBe('Très solide')
    // n2: 3, 11/3, 0 → mean 20/9, SD 1.59474 (> 1: disagreement).
    expect(byId.get(n2)!.mean).toBeCloseTo(20 / 9, 6)
    expect(byId.get(n2)!.sd).toBeCloseTo(1.59474, 4)
    expect(byId.get(n2)!.disagreement).toBe(true)
    // n3: J2 incomplete → 2 and 5 only: mean 3.5, SD 1.5.
    expect(byId.get(n3)!.count).toBe(2)
    expect(byId.get(n3)!.mean).toBeCloseTo(3.5, 6)
    expect(byId.get(n3)!.sd).toBeCloseTo(1.5, 6)
    expect(byId.get(n3)!.normalised).toBeNull()
  })

  test('normalised scores when the edition normalises (hand-computed)', async () => {
    const { f, n1, n2, n3 } = await scoredEdition()
    await prisma.prizeEdition.update({ where: { id: f.edition.id }, data: { normaliseScores: true } })
    const rows = (await computeResults(f.edition.id)).categories[0]!.rows
    const byId = new Map(rows.map((r) => [r.nominationId, r]))
    // All totals: mean 3.23810, SD 1.63021. z̄: n1 1.15660 → 5.12 clamped to 5; n2 −0.73401 → 2.0415; n3 −0.05559 → 3.1475.
    expect(byId.get(n1)!.normalised).toBe(5)
    expect(byId.get(n2)!.normalised).toBeCloseTo(2.0415, 3)
    expect(byId.get(n3)!.normalised).toBeCloseTo(3.1475, 3)
    expect(rows.map((r) => r.nominationId)).toEqual([n1, n3, n2])
  })

  test('a removed juror’s scores do not count; the conflicted chair view hides scores', async () => {
    const { f, n1, n2, j3 } = await scoredEdition()
    const view = await computeResults(f.edition.id, { viewerJurorId: j3 })
    const hidden = view.categories[0]!.rows.find((r) => r.nominationId === n1)!
    expect(hidden.hidden).toBe(true)
    expect(hidden.scores).toEqual([])
    expect(hidden.mean).toBeNull()
    await prisma.juror.update({ where: { id: j3 }, data: { removedAt: new Date() } })
    const after = await computeResults(f.edition.id)
    expect(after.categories[0]!.rows.find((r) => r.nominationId === n2)!.count).toBe(2)
  })

  test('the chair tie-break splits equal means; public vote tally beside the ranking', async () => {
    const f = await makeJuryEdition({ weights: [1], nominationsPerCategory: 2, jurors: 2 })
    const { criteria, nominations } = f.categories[0]!
    const c = criteria[0]!.id
    const [a, b] = nominations.map((n) => n.id) as [string, string]
    const [chair, other] = f.jurors.map((j) => j.juror.id) as [string, string]
    const s = (jurorId: string, nominationId: string, v: number) =>
      prisma.juryScore.create({ data: { jurorId, nominationId, complete: true, values: JSON.stringify({ [c]: v }) } })
    await s(chair, a, 3)
    await s(other, a, 5)
    await s(chair, b, 5)
    await s(other, b, 3)
    await prisma.prizeEdition.update({ where: { id: f.edition.id }, data: { publicVoteEnabled: true } })
    await prisma.publicVote.create({
      data: {
        editionId: f.edition.id,
        nominationId: a,
        emailHash: 'h1',
        emailDomain: 'example.org',
        networkHash: 'n',
        confirmTokenHash: `t-${a}`,
        confirmedAt: new Date(),
      },
    })
    const rows = (await computeResults(f.edition.id)).categories[0]!.rows
    expect(rows.map((r) => [r.nominationId, r.rank])).toEqual([
      [b, 1],
      [a, 2],
    ])
    expect(rows.find((r) => r.nominationId === a)!.votes).toBe(1)
    await prisma.prizeEdition.update({ where: { id: f.edition.id }, data: { tieBreak: 'public_vote' } })
    const byVote = (await computeResults(f.edition.id)).categories[0]!.rows
    expect(byVote[0]!.nominationId).toBe(a)
  })
})
