// The join page's form (/jury/join/<token>) parses its buttons with Zod: an intent it does not know
// is refused with a 400 and Conform's field error, and the juror neither joins nor declines.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import type { FormReply } from '#app/utils/submission.server.ts'
import { makeJuryEdition } from '#tests/support/jury-fixtures.ts'
import { inviteJuror } from './jurors.server.ts'

type Reply = { data: FormReply; init: ResponseInit | null }

describe('jury join form', () => {
  test('an unknown intent is a 400 with the field error, and changes nothing', async () => {
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
})
