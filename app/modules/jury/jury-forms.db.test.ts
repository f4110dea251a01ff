// The juror's forms parse their input with Zod (Conform's reply): what they refuse is a 400 with the
// field's error, and nothing changes. The join page's buttons, the scoring page's Save button and
// its autosave, the conflict declaration.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { createSession } from '#app/modules/auth/session.server.ts'
import type { FormReply } from '#app/utils/submission.server.ts'
import { makeJuryEdition } from '#tests/support/jury-fixtures.ts'
import { inviteJuror } from './jurors.server.ts'
import { MAX_COMMENT_LENGTH } from './scoring-rules.ts'

type Reply<T = FormReply> = { data: T; init: ResponseInit | null }

describe('jury forms refuse bad input', () => {
  test('the join page: an unknown intent is a 400 with the field error, and changes nothing', async () => {
    const fx = await makeJuryEdition({ jurors: 0 })
    const invited = await inviteJuror(fx.org.id, fx.edition.id, {
      name: 'Inès',
      email: 'ines@example.org',
      categoryIds: [fx.categories[0]!.category.id],
    })
    const token = invited.joinUrl.split('/jury/join/')[1]!
    const route = await import('#app/routes/links/jury.join.$token.tsx')
    const reply = (await route.action({
      request: new Request(`http://localhost/jury/join/${token}`, { method: 'POST', body: new URLSearchParams({ intent: 'leave' }) }),
      params: { token },
      context: {},
    })) as unknown as Reply
    expect(reply.init?.status).toBe(400)
    expect(reply.data.result.error).toEqual({ intent: ['jury.error.joinIntent'] })
    const juror = await prisma.juror.findUniqueOrThrow({ where: { id: invited.jurorId } })
    expect(juror.joinedAt).toBeNull()
    expect(juror.removedAt).toBeNull()
  })

  test('the scoring page: a comment too long (Save and autosave) and an unknown conflict kind are refused field by field', async () => {
    const fx = await makeJuryEdition({ nominationsPerCategory: 1 })
    const { criteria, nominations } = fx.categories[0]!
    const c1 = criteria[0]!
    const n = nominations[0]!
    const { token } = await createSession(fx.jurors[0]!.user!.id)
    const base = `http://localhost/jury/${fx.edition.id}/${n.id}`
    const params = { editionId: fx.edition.id, nominationId: n.id }
    const post = (url: string, fields: Record<string, string>) =>
      new Request(url, { method: 'POST', headers: { cookie: `essor_session=${token}` }, body: new URLSearchParams(fields) })
    const page = await import('#app/routes/jury/jury.$editionId.$nominationId.tsx')
    const autosave = await import('#app/routes/jury/jury.$editionId.$nominationId_.autosave.ts')
    const tooLong = 'x'.repeat(MAX_COMMENT_LENGTH + 1)

    const saved = (await page.action({
      request: post(base, { intent: 'save', [`c_${c1.id}`]: '3', comment: tooLong }),
      params,
      context: {},
    })) as unknown as Reply
    expect(saved.init?.status).toBe(400)
    expect(saved.data.result.error).toEqual({ comment: ['jury.error.commentTooLong'] })

    const autosaved = (await autosave.action({
      request: post(`${base}/autosave`, { [`c_${c1.id}`]: '3', comment: tooLong, revision: String(Date.now()) }),
      params,
      context: {},
    })) as unknown as Reply<{ ok: boolean; fields?: Record<string, string[]> }>
    expect(autosaved.init?.status).toBe(400)
    expect(autosaved.data).toMatchObject({ ok: false, fields: { comment: ['Le commentaire est trop long.'] } })
    expect(await prisma.juryScore.count({ where: { nominationId: n.id } })).toBe(0)

    const conflict = (await page.action({
      request: post(base, { intent: 'conflict', kind: 'rival', note: '' }),
      params,
      context: {},
    })) as unknown as Reply
    expect(conflict.init?.status).toBe(400)
    expect(conflict.data.result.error).toEqual({ kind: ['jury.error.conflictKind'] })
    expect(await prisma.juryConflict.count({ where: { nominationId: n.id } })).toBe(0)
  })
})
