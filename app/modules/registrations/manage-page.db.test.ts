// The manage page's forms (/r/<token>) go through Conform's reply: a button the page does not have
// is a 400, the edit's details are checked field by field by the service (422), and nothing changes.
import { describe, expect, test } from 'vitest'
import { register } from '#app/composition/registrations.server.ts'
import { prisma } from '#app/db.server.ts'
import type { FormReply } from '#app/utils/submission.server.ts'
import { makeEvent, makeOrganisation, person } from '#tests/support/factories.ts'

type Reply = { data: FormReply & { intent?: string; submitted?: { firstName?: string } }; init: ResponseInit | null }

describe('the manage page refuses bad input', () => {
  test('an unknown intent is a 400; an edit without a first name is refused on that field', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 10 })
    const me = await register(event.id, person())
    const token = me.manageToken
    const route = await import('#app/routes/links/r.$token.tsx')
    const post = (fields: Record<string, string>) =>
      route.action({
        request: new Request(`http://localhost/r/${token}`, { method: 'POST', body: new URLSearchParams(fields) }),
        params: { token },
        context: {},
      }) as unknown as Promise<Reply>

    const unknown = await post({ intent: 'refund' })
    expect(unknown.init?.status).toBe(400)
    expect(unknown.data.result.error).toEqual({ intent: ['register.error.type'] })

    const before = await prisma.registration.findUniqueOrThrow({ where: { id: me.registration.id } })
    const edit = await post({
      intent: 'edit',
      firstName: '  ',
      lastName: 'Durand',
      organisation: before.organisationName,
      organisationType: before.organisationType,
    })
    expect(edit.init?.status).toBe(422)
    expect(edit.data.intent).toBe('edit')
    expect(edit.data.result.error?.firstName).toEqual(['register.error.required'])
    expect(edit.data.submitted?.firstName).toBe('  ')
    const after = await prisma.registration.findUniqueOrThrow({ where: { id: me.registration.id } })
    expect(after.firstName).toBe(before.firstName)
    expect(after.lastName).toBe(before.lastName)
  })
})
