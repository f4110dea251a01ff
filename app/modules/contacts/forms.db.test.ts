// The contacts forms through their routes' actions: bad input is refused with 400 and Conform's
// reply naming the field, and nothing is written.
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { action as editAction } from '#app/routes/organisers/o.$org.contacts.$contactId.tsx'
import { action as listAction } from '#app/routes/organisers/o.$org.contacts._index.tsx'
import { action as suppressionsAction } from '#app/routes/organisers/o.$org.contacts.suppressions.tsx'
import { makeEvent, makeMember, makeOrganisation } from '#tests/support/factories.ts'
import { postForm, sessionCookieFor } from '#tests/support/form-action.ts'
import { addAttendeesAsContacts } from '#app/composition/contacts.server.ts'
import { createContact } from './service.server.ts'

let org: { id: string; slug: string }
let cookie: string

beforeAll(async () => {
  org = await makeOrganisation()
  cookie = await sessionCookieFor((await makeMember(org.id, 'organiser')).id)
})

describe('adding a contact by hand', () => {
  test('an unknown département and a missing address are refused on their fields', async () => {
    const before = await prisma.contact.count({ where: { organisationId: org.id } })
    const answer = await postForm(
      listAction,
      `/o/${org.slug}/contacts`,
      { intent: 'create', departement: '987654' },
      { cookie, params: { org: org.slug } },
    )
    expect(answer.status).toBe(400)
    expect(answer.errors.email).toEqual(['contacts.error.emailRequired'])
    expect(answer.errors.departement).toEqual(['contacts.error.departementInvalid'])
    expect(await prisma.contact.count({ where: { organisationId: org.id } })).toBe(before)
  })

  test('an address already in the list comes back from the service on the email field', async () => {
    await createContact(org.id, { email: 'deja@example.org' })
    const answer = await postForm(
      listAction,
      `/o/${org.slug}/contacts`,
      { intent: 'create', email: 'deja@example.org' },
      { cookie, params: { org: org.slug } },
    )
    expect(answer.status).toBe(409)
    expect(answer.errors.email).toEqual(['Un contact a déjà cette adresse e-mail.'])
  })
})

describe('adding the attendees of an event', () => {
  test('without a tag, the tag field is refused and no contact is added', async () => {
    const event = await makeEvent(org.id)
    const answer = await postForm(
      listAction,
      `/o/${org.slug}/contacts`,
      { intent: 'addAttendees', eventId: event.id, tag: '  ' },
      { cookie, params: { org: org.slug } },
    )
    expect(answer.status).toBe(400)
    expect(answer.errors.tag).toEqual(['contacts.add.tagRequired'])
  })

  test('the service itself refuses a tag that is only separators (the rule is no longer the route’s)', async () => {
    const event = await makeEvent(org.id)
    await expect(addAttendeesAsContacts(org.id, event.id, ' ; , ')).rejects.toMatchObject({
      status: 400,
      fields: { tag: ['contacts.add.tagRequired'] },
    })
  })
})

describe('editing a contact', () => {
  test('an address that is not one is refused on its field and the contact is unchanged', async () => {
    const { id } = await createContact(org.id, { email: 'lea@example.org', firstName: 'Léa' })
    const answer = await postForm(
      editAction,
      `/o/${org.slug}/contacts/${id}`,
      { email: 'lea-at-example', firstName: 'Lea' },
      { cookie, params: { org: org.slug, contactId: id } },
    )
    expect(answer.status).toBe(400)
    expect(answer.errors.email).toEqual(['contacts.error.emailInvalid'])
    expect(await prisma.contact.findUniqueOrThrow({ where: { id } })).toMatchObject({ email: 'lea@example.org', firstName: 'Léa' })
  })
})

describe('the suppression list', () => {
  test('an address that is not one is refused on its field and nothing is added', async () => {
    const answer = await postForm(
      suppressionsAction,
      `/o/${org.slug}/contacts/suppressions`,
      { intent: 'add', email: 'nobody-at-all' },
      { cookie, params: { org: org.slug } },
    )
    expect(answer.status).toBe(400)
    expect(answer.errors.email).toEqual(['contacts.error.emailInvalid'])
    expect(await prisma.suppression.count({ where: { organisationId: org.id } })).toBe(0)
  })
})
