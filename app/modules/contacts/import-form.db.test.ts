// The contacts import's forms through the route's action: a file is required, an upload goes to
// the second step, and importing without the address column is refused by the service and shows
// the second step again.
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { action } from '#app/routes/organisers/o.$org.contacts.import.tsx'
import { makeMember, makeOrganisation } from '#tests/support/factories.ts'
import { sessionCookieFor } from '#tests/support/form-action.ts'
import { runImport } from './service.server.ts'

let org: { id: string; slug: string }
let cookie: string

beforeAll(async () => {
  org = await makeOrganisation()
  cookie = await sessionCookieFor((await makeMember(org.id, 'organiser')).id)
})

type Answer = { data: Record<string, unknown> & { result?: { error?: Record<string, string[] | null> } }; init: { status?: number } | null }

async function post(body: FormData) {
  const request = new Request(`http://localhost/o/${org.slug}/contacts/import`, { method: 'POST', headers: { cookie }, body })
  return (await action({ request, params: { org: org.slug }, context: {} })) as unknown as Answer
}

const csv = 'Prénom;Nom;Courriel\nLéa;Martin;lea@example.org\n'

describe('contacts import', () => {
  test('without a file, the file field is refused', async () => {
    const body = new FormData()
    body.set('intent', 'upload')
    body.set('file', new File([], ''))
    const answer = await post(body)
    expect(answer.init?.status).toBe(400)
    expect(answer.data.result?.error?.file).toEqual(['contacts.import.error.noFile'])
  })

  test('a file goes to the second step; importing without the address column shows it again, and nothing is imported', async () => {
    const body = new FormData()
    body.set('intent', 'upload')
    body.set('file', new File([csv], 'contacts.csv', { type: 'text/csv' }))
    const mapping = await post(body)
    expect(mapping.init?.status ?? 200).toBe(200)
    expect(mapping.data).toMatchObject({ step: 'mapping', filename: 'contacts.csv', rows: 1, valid: 1 })

    const again = new FormData()
    again.set('intent', 'import')
    again.set('carry', String(mapping.data.carry))
    again.set('filename', 'contacts.csv')
    again.set('map.firstName', '0')
    again.set('map.email', '')
    const refused = await post(again)
    expect(refused.init?.status).toBe(400)
    expect(refused.data).toMatchObject({ step: 'mapping', error: 'Choisissez la colonne qui contient l’adresse e-mail.' })
    expect(await prisma.contact.count({ where: { organisationId: org.id } })).toBe(0)

    again.set('map.email', '2')
    const report = await post(again)
    expect(report.data).toMatchObject({ step: 'report', created: 1 })
  })

  test('the service refuses an import without the address column', async () => {
    const mapping = { email: null, firstName: 0, lastName: 1, structure: null, profile: null, departement: null, locale: null, tags: null }
    await expect(runImport(org.id, new TextEncoder().encode(csv), mapping)).rejects.toMatchObject({
      status: 400,
      fields: { 'map.email': ['contacts.import.error.emailColumn'] },
    })
  })
})
