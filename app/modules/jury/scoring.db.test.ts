// Scoring against a real database (SQLite and PostgreSQL): the autosave's upsert and validation,
// concurrent saves, completeness, submit and reopen, the closed period, and a conflicted juror
// refused by every service, loader and action touching that nomination.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { createSession } from '#app/modules/auth/session.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { makeJuryEdition, type JuryFixture } from '#tests/support/jury-fixtures.ts'
import { declareConflict } from './conflicts.server.ts'
import { getAttachmentForJuror, getScoringPage, listJuryWork, reopenCategory, saveScore, submitCategory } from './scoring.server.ts'
import { findActiveJuror, removeJuror } from './jurors.server.ts'

async function rejects(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

const statusOf = (thrown: unknown) => (thrown instanceof Response ? thrown.status : thrown instanceof AppError ? thrown.status : -1)

function setup(fx: JuryFixture) {
  const { category, criteria, nominations } = fx.categories[0]!
  const juror = fx.jurors[0]!
  const [c1, c2] = criteria
  return { category, c1: c1!, c2: c2!, nominations, juror: juror.juror, user: juror.user! }
}

describe('saving a score', () => {
  test('an upsert on (juror, nomination): saving again updates the one row, completeness follows the grid', async () => {
    const fx = await makeJuryEdition()
    const { c1, c2, nominations, juror } = setup(fx)
    const n = nominations[0]!
    const partial = await saveScore(juror.id, n.id, { [c1.id]: '3', [c2.id]: '' }, '')
    expect(partial).toMatchObject({ complete: false, total: null })
    const full = await saveScore(juror.id, n.id, { [c1.id]: '3', [c2.id]: '2' }, '')
    // (1·3 + 2·2) / 3
    expect(full.total).toBeCloseTo(7 / 3)
    expect(full.complete).toBe(true)
    const rows = await prisma.juryScore.findMany({ where: { jurorId: juror.id, nominationId: n.id } })
    expect(rows).toHaveLength(1)
    expect(JSON.parse(rows[0]!.values)).toEqual({ [c1.id]: 3, [c2.id]: 2 })
    expect(await prisma.auditLog.count({ where: { action: 'juryScore.save', entityId: rows[0]!.id } })).toBe(2)
  })

  test('a very high total needs the comment before the evaluation is complete', async () => {
    const fx = await makeJuryEdition()
    const { c1, c2, nominations, juror } = setup(fx)
    expect((await saveScore(juror.id, nominations[0]!.id, { [c1.id]: '5', [c2.id]: '5' }, '')).complete).toBe(false)
    expect((await saveScore(juror.id, nominations[0]!.id, { [c1.id]: '5', [c2.id]: '5' }, 'Exemplaire')).complete).toBe(true)
  })

  test('values off the scale, not whole, or of another grid are refused with the field', async () => {
    const fx = await makeJuryEdition()
    const { c1, c2, nominations, juror } = setup(fx)
    const n = nominations[0]!
    for (const bad of ['6', '-1', '2.5', 'abc']) {
      const error = (await rejects(saveScore(juror.id, n.id, { [c1.id]: bad, [c2.id]: '1' }, ''))) as AppError
      expect(error.status).toBe(422)
      expect(error.fields).toEqual({ [`criterion-${c1.id}`]: ['jury.error.scoreRange'] })
    }
    expect(((await rejects(saveScore(juror.id, n.id, { other: '1' }, ''))) as AppError).status).toBe(422)
    expect(((await rejects(saveScore(juror.id, n.id, {}, 'x'.repeat(5001)))) as AppError).fields).toHaveProperty('comment')
    expect(await prisma.juryScore.count({ where: { jurorId: juror.id } })).toBe(0)
  })

  test('two concurrent first saves of the same score make one row', async () => {
    const fx = await makeJuryEdition()
    const { c1, c2, nominations, juror } = setup(fx)
    const n = nominations[1]!
    const results = await Promise.all([
      saveScore(juror.id, n.id, { [c1.id]: '1', [c2.id]: '2' }, 'A'),
      saveScore(juror.id, n.id, { [c1.id]: '4', [c2.id]: '3' }, 'B'),
      saveScore(juror.id, n.id, { [c1.id]: '2' }, ''),
    ])
    expect(results).toHaveLength(3)
    expect(await prisma.juryScore.count({ where: { jurorId: juror.id, nominationId: n.id } })).toBe(1)
  })

  test('refused when the period is closed, locked, not started, or the juror was removed', async () => {
    const ended = await makeJuryEdition({
      juryStartsAt: new Date(Date.now() - 20 * 86400_000),
      juryEndsAt: new Date(Date.now() - 86400_000),
    })
    const e = setup(ended)
    expect(((await rejects(saveScore(e.juror.id, e.nominations[0]!.id, { [e.c1.id]: '1' }, ''))) as AppError).code).toBe('scoring_closed')

    const later = await makeJuryEdition({
      juryStartsAt: new Date(Date.now() + 86400_000),
      juryEndsAt: new Date(Date.now() + 10 * 86400_000),
    })
    const l = setup(later)
    expect(((await rejects(saveScore(l.juror.id, l.nominations[0]!.id, { [l.c1.id]: '1' }, ''))) as AppError).code).toBe('scoring_closed')

    const fx = await makeJuryEdition()
    const s = setup(fx)
    await prisma.prizeEdition.update({ where: { id: fx.edition.id }, data: { scoringLockedAt: new Date() } })
    expect(((await rejects(saveScore(s.juror.id, s.nominations[0]!.id, { [s.c1.id]: '1' }, ''))) as AppError).code).toBe('scoring_closed')
    await prisma.prizeEdition.update({ where: { id: fx.edition.id }, data: { scoringLockedAt: null } })
    await removeJuror(fx.org.id, fx.edition.id, s.juror.id)
    expect(((await rejects(saveScore(s.juror.id, s.nominations[0]!.id, { [s.c1.id]: '1' }, ''))) as AppError).code).toBe('juror_removed')
    expect(
      await prisma.juryScore.count({ where: { juror: { editionId: { in: [ended.edition.id, later.edition.id, fx.edition.id] } } } }),
    ).toBe(0)
  })
})

describe('submitting a category', () => {
  test('only when every nomination is complete; then scores are frozen until the juror reopens', async () => {
    const fx = await makeJuryEdition()
    const { category, c1, c2, nominations, juror } = setup(fx)
    for (const n of nominations.slice(0, 2)) await saveScore(juror.id, n.id, { [c1.id]: '3', [c2.id]: '3' }, '')
    const early = (await rejects(submitCategory(juror.id, category.id))) as AppError
    expect(early.code).toBe('incomplete')
    expect(early.params).toEqual({ done: 2, total: 3 })
    await saveScore(juror.id, nominations[2]!.id, { [c1.id]: '2', [c2.id]: '3' }, '')
    await submitCategory(juror.id, category.id)
    expect((await prisma.juryMember.findFirstOrThrow({ where: { jurorId: juror.id, categoryId: category.id } })).submittedAt).not.toBeNull()
    expect(((await rejects(saveScore(juror.id, nominations[0]!.id, { [c1.id]: '1', [c2.id]: '1' }, 'x'))) as AppError).code).toBe(
      'category_submitted',
    )
    await reopenCategory(juror.id, category.id)
    expect((await prisma.juryMember.findFirstOrThrow({ where: { jurorId: juror.id, categoryId: category.id } })).submittedAt).toBeNull()
    await saveScore(juror.id, nominations[0]!.id, { [c1.id]: '1', [c2.id]: '1' }, 'Faible')
    const work = await listJuryWork(fx.jurors[0]!.user!)
    expect(work[0]!.categories[0]!.progress).toEqual({ done: 3, total: 3, allComplete: true })
    expect(work[0]!.categories[0]!.canSubmit).toBe(true)
  })

  test('a conflicted nomination does not count; reopening is refused once the period closed', async () => {
    const fx = await makeJuryEdition()
    const { category, c1, c2, nominations, juror } = setup(fx)
    const active = (await findActiveJuror(fx.jurors[0]!.user!.id, fx.edition.id))!
    await declareConflict(active, nominations[0]!.id, { kind: 'family' })
    for (const n of nominations.slice(1)) await saveScore(juror.id, n.id, { [c1.id]: '3', [c2.id]: '3' }, '')
    await submitCategory(juror.id, category.id)
    await prisma.prizeEdition.update({ where: { id: fx.edition.id }, data: { juryEndsAt: new Date(Date.now() - 1000) } })
    expect(((await rejects(reopenCategory(juror.id, category.id))) as AppError).code).toBe('scoring_closed')
  })
})

describe('the scoring page', () => {
  test('shows the dossier, the grid, the saved values, progress and neighbours', async () => {
    const fx = await makeJuryEdition()
    const { c1, c2, nominations } = setup(fx)
    const active = (await findActiveJuror(fx.jurors[0]!.user!.id, fx.edition.id))!
    await saveScore(active.id, nominations[1]!.id, { [c1.id]: '4', [c2.id]: '3' }, 'Solide')
    const page = await getScoringPage(active, nominations[1]!.id)
    expect(page.nomination.structureName).toBe('Structure 1-2')
    expect(page.criteria.map((c) => [c.name, c.weight])).toEqual([
      ['Critère 1', 1],
      ['Critère 2', 2],
    ])
    expect(page.score).toMatchObject({ values: { [c1.id]: 4, [c2.id]: 3 }, comment: 'Solide', complete: true })
    expect(page.progress).toEqual({ done: 1, total: 3, allComplete: false })
    expect([page.previousId, page.nextId]).toEqual([nominations[0]!.id, nominations[2]!.id])
    // Another juror never sees this juror's values.
    const other = (await findActiveJuror(fx.jurors[1]!.user!.id, fx.edition.id))!
    expect((await getScoringPage(other, nominations[1]!.id)).score).toMatchObject({ values: {}, comment: '' })
  })
})

describe('a conflicted juror is refused everywhere for that nomination', () => {
  test('services, the scoring page loader and action, the autosave and the attachment download', async () => {
    const fx = await makeJuryEdition()
    const { c1, c2, nominations } = setup(fx)
    const target = nominations[0]!
    const attachment = await prisma.nominationAttachment.create({
      data: {
        nominationId: target.id,
        filename: 'statuts.pdf',
        contentType: 'application/pdf',
        size: 8,
        sha256: 'x',
        data: new Uint8Array([37, 80, 68, 70, 45, 49, 46, 55]),
      },
    })
    const active = (await findActiveJuror(fx.jurors[0]!.user!.id, fx.edition.id))!
    const { token } = await createSession(fx.jurors[0]!.user!.id)
    const cookie = `essor_session=${token}`
    const base = `http://localhost/jury/${fx.edition.id}/${target.id}`
    const params = { editionId: fx.edition.id, nominationId: target.id }
    const page = await import('#app/routes/jury/jury.$editionId.$nominationId.tsx')
    const autosave = await import('#app/routes/jury/jury.$editionId.$nominationId_.autosave.ts')
    const download = await import('#app/routes/jury/jury.$editionId.$nominationId_.attachments.$attachmentId.ts')
    const form = (fields: Record<string, string>) =>
      new Request(base, { method: 'POST', headers: { cookie }, body: new URLSearchParams(fields) })

    // Before the conflict, everything works (so the refusals below are about the conflict).
    await page.loader({ request: new Request(base, { headers: { cookie } }), params, context: {} })
    const saved = (await autosave.action({
      request: form({ [`c_${c1.id}`]: '2', [`c_${c2.id}`]: '3', comment: '' }),
      params,
      context: {},
    })) as unknown as { data: { ok: boolean } }
    expect(saved.data.ok).toBe(true)
    const file = (await download.loader({
      request: new Request(`${base}/attachments/${attachment.id}`, { headers: { cookie } }),
      params: { ...params, attachmentId: attachment.id },
      context: {},
    })) as Response
    expect(file.status).toBe(200)
    expect(file.headers.get('content-disposition')).toContain('statuts.pdf')

    // The juror declares the conflict through the page's form.
    const declared = (await page.action({
      request: form({ intent: 'conflict', kind: 'works_there', note: '' }),
      params,
      context: {},
    })) as Response
    expect(declared.status).toBe(302)
    expect(declared.headers.get('location')).toBe('/jury')

    expect(statusOf(await rejects(page.loader({ request: new Request(base, { headers: { cookie } }), params, context: {} })))).toBe(403)
    expect(statusOf(await rejects(page.action({ request: form({ intent: 'save', [`c_${c1.id}`]: '5' }), params, context: {} })))).toBe(403)
    expect(statusOf(await rejects(page.action({ request: form({ intent: 'conflict', kind: 'other' }), params, context: {} })))).toBe(403)
    expect(statusOf(await rejects(autosave.action({ request: form({ [`c_${c1.id}`]: '5' }), params, context: {} })))).toBe(403)
    expect(
      statusOf(
        await rejects(
          download.loader({
            request: new Request(`${base}/attachments/${attachment.id}`, { headers: { cookie } }),
            params: { ...params, attachmentId: attachment.id },
            context: {},
          }),
        ),
      ),
    ).toBe(403)
    expect(statusOf(await rejects(saveScore(active.id, target.id, { [c1.id]: '5' }, '')))).toBe(403)
    expect(statusOf(await rejects(getScoringPage(active, target.id)))).toBe(403)
    expect(statusOf(await rejects(getAttachmentForJuror(active, target.id, attachment.id)))).toBe(403)
    // The saved score is kept for the audit, unchanged.
    expect(
      JSON.parse((await prisma.juryScore.findFirstOrThrow({ where: { jurorId: active.id, nominationId: target.id } })).values),
    ).toEqual({ [c1.id]: 2, [c2.id]: 3 })
    // The nomination left the juror's list and the neighbours skip it.
    const work = await listJuryWork(fx.jurors[0]!.user!)
    expect(work[0]!.categories[0]!.nominations.map((n) => n.id)).not.toContain(target.id)
    expect((await getScoringPage(active, nominations[1]!.id)).previousId).toBeNull()

    // Another juror of the category is not affected; someone who is not a juror gets 403.
    const { token: otherToken } = await createSession(fx.jurors[1]!.user!.id)
    await page.loader({ request: new Request(base, { headers: { cookie: `essor_session=${otherToken}` } }), params, context: {} })
    const stranger = await prisma.user.create({ data: { email: 'stranger@example.org' } })
    const { token: strangerToken } = await createSession(stranger.id)
    expect(
      statusOf(
        await rejects(
          page.loader({ request: new Request(base, { headers: { cookie: `essor_session=${strangerToken}` } }), params, context: {} }),
        ),
      ),
    ).toBe(403)
    // Signed out: to the sign-in page.
    const signedOut = await rejects(page.loader({ request: new Request(base), params, context: {} }))
    expect(statusOf(signedOut)).toBe(302)
  })

  test('the no-JavaScript Save button saves and the juror page submits', async () => {
    const fx = await makeJuryEdition({ nominationsPerCategory: 1 })
    const { category, c1, c2, nominations } = setup(fx)
    const { token } = await createSession(fx.jurors[0]!.user!.id)
    const cookie = `essor_session=${token}`
    const params = { editionId: fx.edition.id, nominationId: nominations[0]!.id }
    const page = await import('#app/routes/jury/jury.$editionId.$nominationId.tsx')
    const home = await import('#app/routes/jury/jury._index.tsx')
    const res = (await page.action({
      request: new Request(`http://localhost/jury/${fx.edition.id}/${nominations[0]!.id}`, {
        method: 'POST',
        headers: { cookie },
        body: new URLSearchParams({ intent: 'save', [`c_${c1.id}`]: '3', [`c_${c2.id}`]: '2', comment: '' }),
      }),
      params,
      context: {},
    })) as Response
    expect(res.status).toBe(302)
    const submit = (await home.action({
      request: new Request('http://localhost/jury', {
        method: 'POST',
        headers: { cookie },
        body: new URLSearchParams({ intent: 'submit', editionId: fx.edition.id, categoryId: category.id }),
      }),
      params: {},
      context: {},
    })) as Response
    expect(submit.status).toBe(302)
    expect(
      (await prisma.juryMember.findFirstOrThrow({ where: { jurorId: fx.jurors[0]!.juror.id, categoryId: category.id } })).submittedAt,
    ).not.toBeNull()
  })
})
