// The scoring page's cache and the autosave's revisions against a real database (SQLite and
// PostgreSQL): the grid is cached, yet a change by the organiser shows on the next page; the
// dossier follows the nomination; the access (seat, assignment, conflict, removal) is never
// cached; a save overtaken by a later revision (the beacon sent on leaving the page) changes nothing.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { createSession } from '#app/modules/auth/session.server.ts'
import {
  createCriterion,
  createPrizeQuestion,
  deleteCriterion,
  updateCategory,
  updateCriterion,
} from '#app/modules/prizes/service.server.ts'
import { makeJuryEdition } from '#tests/support/jury-fixtures.ts'
import { declareConflict } from './conflicts.server.ts'
import { findActiveJuror, removeJuror } from './jurors.server.ts'
import { getScoringPage, MAX_REVISION_AHEAD_MS, saveScore } from './scoring.server.ts'

async function rejects(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}
const statusOf = (thrown: unknown) => (thrown instanceof AppError ? thrown.status : -1)

async function fixture() {
  const fx = await makeJuryEdition()
  const { category, criteria, nominations } = fx.categories[0]!
  const active = (await findActiveJuror(fx.jurors[0]!.user!.id, fx.edition.id))!
  const actor = { actorUserId: fx.organiser.id }
  return { fx, category, c1: criteria[0]!, c2: criteria[1]!, nominations, active, actor }
}

describe('the scoring page’s caches', () => {
  test('a criterion or question the organiser changes shows on the next page, though the grid is cached', async () => {
    const { fx, category, c1, c2, nominations, active, actor } = await fixture()
    const first = await getScoringPage(active, nominations[0]!.id)
    expect(first.criteria.map((c) => c.name)).toEqual(['Critère 1', 'Critère 2'])

    await updateCriterion(fx.org.id, fx.edition.id, c1.id, { name: 'Utilité sociale démontrée', rubric: 'Preuves.', weight: 3 }, actor)
    const renamed = await getScoringPage(active, nominations[0]!.id)
    expect(renamed.criteria[0]).toMatchObject({ id: c1.id, name: 'Utilité sociale démontrée', rubric: 'Preuves.', weight: 3 })

    const added = await createCriterion(fx.org.id, fx.edition.id, category.id, { name: 'Coopération', rubric: '', weight: 1 }, actor)
    expect((await getScoringPage(active, nominations[0]!.id)).criteria.map((c) => c.name)).toEqual([
      'Utilité sociale démontrée',
      'Critère 2',
      'Coopération',
    ])
    await deleteCriterion(fx.org.id, fx.edition.id, c2.id, actor)
    expect((await getScoringPage(active, nominations[0]!.id)).criteria.map((c) => c.id)).toEqual([c1.id, (added as { id: string }).id])

    await updateCategory(
      fx.org.id,
      fx.edition.id,
      category.id,
      { name: 'Innovation sociale', description: '', awards: 1, scaleMin: 1, scaleMax: 10 },
      actor,
    )
    expect((await getScoringPage(active, nominations[0]!.id)).category).toMatchObject({
      name: 'Innovation sociale',
      scaleMin: 1,
      scaleMax: 10,
    })

    await createPrizeQuestion(fx.org.id, fx.edition.id, { label: 'Vos partenaires', type: 'short_text', required: false }, actor)
    expect((await getScoringPage(active, nominations[0]!.id)).questions.map((q) => q.label)).toContain('Vos partenaires')
  })

  test('the dossier follows the nomination: an edit or a new attachment shows on the next page', async () => {
    const { nominations, active } = await fixture()
    const n = nominations[0]!
    expect((await getScoringPage(active, n.id)).nomination.projectTitle).not.toBe('Titre corrigé')
    await prisma.nomination.update({ where: { id: n.id }, data: { projectTitle: 'Titre corrigé' } })
    expect((await getScoringPage(active, n.id)).nomination.projectTitle).toBe('Titre corrigé')
    expect((await getScoringPage(active, n.id)).nomination.attachments).toHaveLength(0)
    await prisma.nominationAttachment.create({
      data: {
        nominationId: n.id,
        filename: 'bilan.pdf',
        contentType: 'application/pdf',
        size: 8,
        sha256: 'x',
        data: new Uint8Array([37, 80, 68, 70, 45, 49, 46, 55]),
      },
    })
    expect((await getScoringPage(active, n.id)).nomination.attachments.map((a) => a.filename)).toEqual(['bilan.pdf'])
  })

  test('the access is read fresh: a conflict, a lost seat or assignment, a removal apply to the next page', async () => {
    const { fx, category, nominations, active, actor } = await fixture()
    // Every page loaded once first, so the grid is in the cache.
    for (const n of nominations) await getScoringPage(active, n.id)

    await declareConflict(active, nominations[0]!.id, { kind: 'family', note: '' })
    expect(statusOf(await rejects(getScoringPage(active, nominations[0]!.id)))).toBe(403)
    const second = await getScoringPage(active, nominations[1]!.id)
    expect(second.progress.total).toBe(2)
    expect(second.previousId).toBeNull()

    // Assignments in the category: only the assigned nomination stays open to this juror.
    await prisma.juryAssignment.create({
      data: { jurorId: active.id, nominationId: nominations[2]!.id, categoryId: category.id, source: 'manual' },
    })
    expect(statusOf(await rejects(getScoringPage(active, nominations[1]!.id)))).toBe(404)
    expect((await getScoringPage(active, nominations[2]!.id)).progress.total).toBe(1)

    // Not shortlisted any more (none shortlisted: the eligible ones go to the jury): out of the pool.
    await prisma.nomination.update({ where: { id: nominations[2]!.id }, data: { status: 'ineligible' } })
    expect(statusOf(await rejects(getScoringPage(active, nominations[2]!.id)))).toBe(404)

    // Another juror loses their seat, a third is removed.
    const second2 = (await findActiveJuror(fx.jurors[1]!.user!.id, fx.edition.id))!
    await getScoringPage(second2, nominations[1]!.id)
    await prisma.juryMember.deleteMany({ where: { jurorId: second2.id } })
    expect(statusOf(await rejects(getScoringPage(second2, nominations[1]!.id)))).toBe(404)
    const third = (await findActiveJuror(fx.jurors[2]!.user!.id, fx.edition.id))!
    await getScoringPage(third, nominations[1]!.id)
    await removeJuror(fx.org.id, fx.edition.id, third.id, actor)
    expect(await findActiveJuror(fx.jurors[2]!.user!.id, fx.edition.id)).toBeNull()
  })
})

describe('autosave revisions', () => {
  test('a save overtaken by a later revision changes nothing; a later one applies', async () => {
    const { c1, c2, nominations, active } = await fixture()
    const n = nominations[0]!
    const t = Date.now()
    const newer = await saveScore(active.id, n.id, { [c1.id]: '4', [c2.id]: '5' }, 'Dernier avis', { revision: t - 1000 })
    expect(newer.stale).toBe(false)
    // The autosave sent earlier (older revision) arrives after the beacon.
    const older = await saveScore(active.id, n.id, { [c1.id]: '1', [c2.id]: '' }, '', { revision: t - 2000 })
    expect(older).toMatchObject({ stale: true, complete: true })
    expect(older.savedAt.getTime()).toBe(t - 1000)
    // The same revision again is not newer either.
    expect((await saveScore(active.id, n.id, { [c1.id]: '2', [c2.id]: '2' }, '', { revision: t - 1000 })).stale).toBe(true)
    const row = await prisma.juryScore.findUniqueOrThrow({ where: { jurorId_nominationId: { jurorId: active.id, nominationId: n.id } } })
    expect(JSON.parse(row.values)).toEqual({ [c1.id]: 4, [c2.id]: 5 })
    expect(row.comment).toBe('Dernier avis')
    expect(await prisma.auditLog.count({ where: { action: 'juryScore.save', entityId: row.id } })).toBe(1)

    const later = await saveScore(active.id, n.id, { [c1.id]: '3', [c2.id]: '3' }, 'Revu', { revision: t })
    expect(later.stale).toBe(false)
    expect(JSON.parse((await prisma.juryScore.findUniqueOrThrow({ where: { id: row.id } })).values)).toEqual({ [c1.id]: 3, [c2.id]: 3 })
    // The Save button without JavaScript sends no revision: it always applies.
    expect((await saveScore(active.id, n.id, { [c1.id]: '0', [c2.id]: '0' }, '')).stale).toBe(false)
    expect(JSON.parse((await prisma.juryScore.findUniqueOrThrow({ where: { id: row.id } })).values)).toEqual({ [c1.id]: 0, [c2.id]: 0 })
  })

  test('a revision far ahead of the server’s clock is capped, so it cannot block later saves for long', async () => {
    const { c1, nominations, active } = await fixture()
    const before = Date.now()
    const saved = await saveScore(active.id, nominations[1]!.id, { [c1.id]: '2' }, '', { revision: before + 3600_000 })
    expect(saved.savedAt.getTime()).toBeLessThanOrEqual(Date.now() + MAX_REVISION_AHEAD_MS)
  })

  test('through the autosave route: the beacon’s later values survive the earlier save arriving last', async () => {
    const { fx, c1, c2, nominations } = await fixture()
    const n = nominations[2]!
    const { token } = await createSession(fx.jurors[0]!.user!.id)
    const params = { editionId: fx.edition.id, nominationId: n.id }
    const autosave = await import('#app/routes/jury/jury.$editionId.$nominationId_.autosave.ts')
    const post = (fields: Record<string, string>) =>
      autosave.action({
        request: new Request(`http://localhost/jury/${fx.edition.id}/${n.id}/autosave`, {
          method: 'POST',
          headers: { cookie: `essor_session=${token}` },
          body: new URLSearchParams(fields),
        }),
        params,
        context: {},
      }) as unknown as Promise<{ data: { ok: boolean; stale?: boolean } }>
    const t = Date.now()
    const beacon = await post({ [`c_${c1.id}`]: '5', [`c_${c2.id}`]: '4', comment: 'Avis final', revision: String(t - 500) })
    expect(beacon.data).toMatchObject({ ok: true, stale: false })
    const late = await post({ [`c_${c1.id}`]: '5', [`c_${c2.id}`]: '', comment: '', revision: String(t - 900) })
    expect(late.data).toMatchObject({ ok: true, stale: true })
    const row = await prisma.juryScore.findFirstOrThrow({ where: { nominationId: n.id, juror: { userId: fx.jurors[0]!.user!.id } } })
    expect(JSON.parse(row.values)).toEqual({ [c1.id]: 5, [c2.id]: 4 })
    expect(row.comment).toBe('Avis final')
  })
})
