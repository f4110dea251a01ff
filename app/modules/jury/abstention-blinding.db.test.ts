// Abstention and blind fields against a real database (SQLite and PostgreSQL): an abstention is
// left out of the nomination's mean and counts as done, withdrawing it brings the nomination back;
// the scoring page's data never carries a blinded value.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { makeJuryEdition } from '#tests/support/jury-fixtures.ts'
import { abstain, withdrawAbstention } from './abstention.server.ts'
import { setBlindFields } from './blinding.server.ts'
import { findActiveJuror } from './jurors.server.ts'
import { jurorOverviewOf } from './juror-overview.server.ts'
import { computeResults } from './results.server.ts'
import { getScoringPage } from './scoring.server.ts'

describe('abstention', () => {
  test('left out of the mean, counted as done, withdrawn on request', async () => {
    const f = await makeJuryEdition({ weights: [1], nominationsPerCategory: 2, jurors: 2 })
    const { criteria, nominations } = f.categories[0]!
    const [n1] = nominations
    const [j1, j2] = f.jurors.map((j) => j.juror.id) as [string, string]
    const score = (jurorId: string, v: number) =>
      prisma.juryScore.create({ data: { jurorId, nominationId: n1!.id, complete: true, values: JSON.stringify({ [criteria[0]!.id]: v }) } })
    await score(j1, 4)
    await score(j2, 0)
    const before = (await computeResults(f.edition.id)).categories[0]!.rows.find((r) => r.nominationId === n1!.id)!
    expect(before.mean).toBe(2)

    await abstain(j2, n1!.id, '  Je connais trop bien ce projet  ')
    const row = await prisma.juryAbstention.findUniqueOrThrow({ where: { jurorId_nominationId: { jurorId: j2, nominationId: n1!.id } } })
    expect(row.reason).toBe('Je connais trop bien ce projet')
    const after = (await computeResults(f.edition.id)).categories[0]!.rows.find((r) => r.nominationId === n1!.id)!
    expect(after).toMatchObject({ mean: 4, count: 1 })
    expect(await prisma.auditLog.count({ where: { action: 'juryAbstention.abstain', entityId: row.id } })).toBe(1)

    const active = (await findActiveJuror(f.jurors[1]!.user!.id, f.edition.id))!
    const page = await getScoringPage(active, n1!.id)
    expect(page.abstention?.reason).toBe('Je connais trop bien ce projet')
    expect(page.progress.done).toBe(1)
    const overview = await jurorOverviewOf(f.edition.id)
    expect(overview.find((r) => r.jurorId === j2)).toMatchObject({ abstentions: 1, scored: 1 })

    await expect(abstain(j2, n1!.id, '   ')).rejects.toMatchObject({ status: 422 })
    expect(await withdrawAbstention(j2, n1!.id)).toBe(true)
    const back = (await computeResults(f.edition.id)).categories[0]!.rows.find((r) => r.nominationId === n1!.id)!
    expect(back.mean).toBe(2)
  })
})

describe('blind fields', () => {
  test('the scoring page data never carries a blinded value', async () => {
    const f = await makeJuryEdition({ nominationsPerCategory: 1, jurors: 1 })
    const n = f.categories[0]!.nominations[0]!
    await prisma.nomination.update({ where: { id: n.id }, data: { structureName: 'Coopérative Zéphyrine', siret: '73282932000074' } })
    const active = (await findActiveJuror(f.jurors[0]!.user!.id, f.edition.id))!
    const open = JSON.stringify(await getScoringPage(active, n.id))
    expect(open).toContain('Zéphyrine')
    expect(open).toContain('73282932000074')

    await setBlindFields(f.org.id, f.edition.id, ['structureName', 'siret'], { userId: f.organiser.id })
    const page = await getScoringPage(active, n.id)
    const text = JSON.stringify(page)
    expect(text).not.toContain('Zéphyrine')
    expect(text).not.toContain('73282932000074')
    expect(page.nomination.structureName).toBe(page.nomination.reference)
    await expect(setBlindFields(f.org.id, f.edition.id, ['projectTitle'], { userId: f.organiser.id })).rejects.toMatchObject({
      status: 422,
    })
  })
})
