// The campaign forms through their routes' actions: bad input is refused with Conform's reply
// naming the field, and nothing is written.
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { action as listAction } from '#app/routes/organisers/o.$org.campaigns._index.tsx'
import { action as campaignAction } from '#app/routes/organisers/o.$org.campaigns.$campaignId._index.tsx'
import { action as newAction } from '#app/routes/organisers/o.$org.campaigns.new.tsx'
import { makeEvent, makeMember, makeOrganisation } from '#tests/support/factories.ts'
import { postForm, sessionCookieFor } from '#tests/support/form-action.ts'
import { createCampaign } from './service.server.ts'

let org: { id: string; slug: string }
let cookie: string

beforeAll(async () => {
  org = await makeOrganisation()
  cookie = await sessionCookieFor((await makeMember(org.id, 'organiser')).id)
})

describe('a new campaign', () => {
  test('an event invitation without its event is refused on the event field, and no campaign is made', async () => {
    const answer = await postForm(
      newAction,
      `/o/${org.slug}/campaigns/new`,
      { kind: 'event_invitation', name: 'Invitation' },
      { cookie, params: { org: org.slug } },
    )
    expect(answer.status).toBe(400)
    expect(answer.errors.eventId).toEqual(['campaigns.error.eventRequired'])
    expect(await prisma.campaign.count({ where: { organisationId: org.id } })).toBe(0)
  })

  test('an event of another organisation comes back from the service on the event field', async () => {
    const answer = await postForm(
      newAction,
      `/o/${org.slug}/campaigns/new`,
      { kind: 'event_invitation', eventId: 'not-ours', name: 'Invitation' },
      { cookie, params: { org: org.slug } },
    )
    expect(answer.status).toBe(422)
    expect(answer.errors.eventId).toEqual(['Choisissez un événement de votre organisation.'])
  })
})

describe('the sending rate', () => {
  test('a rate that is not a whole number is refused on its field', async () => {
    const answer = await postForm(listAction, `/o/${org.slug}/campaigns`, { ratePerMinute: '12.5' }, { cookie, params: { org: org.slug } })
    expect(answer.status).toBe(400)
    expect(answer.errors.ratePerMinute).toEqual(['campaigns.rate.invalid'])
  })

  test('a rate above the maximum is refused by the service on its field, and the rate is unchanged', async () => {
    const answer = await postForm(listAction, `/o/${org.slug}/campaigns`, { ratePerMinute: '20000' }, { cookie, params: { org: org.slug } })
    expect(answer.status).toBe(422)
    expect(answer.errors.ratePerMinute?.[0]).toContain('10000')
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id: org.id } })).campaignRatePerMinute).toBeNull()
  })
})

describe('a draft campaign', () => {
  test('scheduling without a valid date is refused on the date field, and the draft is neither changed nor scheduled', async () => {
    const event = await makeEvent(org.id)
    const { id } = await createCampaign(org.id, { kind: 'event_invitation', eventId: event.id, name: 'Brouillon' })
    const answer = await postForm(
      campaignAction,
      `/o/${org.slug}/campaigns/${id}`,
      { intent: 'schedule', name: 'Renommé', subjectFr: 'Objet', bodyFr: 'Texte', scheduledAt: 'demain matin' },
      { cookie, params: { org: org.slug, campaignId: id } },
    )
    expect(answer.status).toBe(400)
    expect(answer.errors.scheduledAt).toEqual(['campaigns.error.dateInvalid'])
    expect(await prisma.campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: 'Brouillon',
      status: 'draft',
      scheduledAt: null,
    })
  })

  test('saving keeps the audience’s repeated checkboxes and comma-separated tags', async () => {
    const event = await makeEvent(org.id)
    const { id } = await createCampaign(org.id, { kind: 'event_invitation', eventId: event.id, name: 'Audience' })
    const answer = await postForm(
      campaignAction,
      `/o/${org.slug}/campaigns/${id}`,
      [
        ['intent', 'save'],
        ['name', 'Audience'],
        ['audience.tags', 'Adhérents, élus'],
        ['audience.profiles', 'association'],
        ['audience.profiles', 'cooperative'],
        ['trackOpens', 'on'],
      ],
      { cookie, params: { org: org.slug, campaignId: id } },
    )
    expect(answer.status).toBe(302)
    const saved = await prisma.campaign.findUniqueOrThrow({ where: { id } })
    expect(JSON.parse(saved.audience)).toMatchObject({ tags: ['adhérents', 'élus'], profiles: ['association', 'cooperative'] })
    expect(saved.trackOpens).toBe(true)
  })

  test('a merge field that does not exist comes back from the service on its field', async () => {
    const event = await makeEvent(org.id)
    const { id } = await createCampaign(org.id, { kind: 'event_invitation', eventId: event.id, name: 'Fusion' })
    const answer = await postForm(
      campaignAction,
      `/o/${org.slug}/campaigns/${id}`,
      { intent: 'save', name: 'Fusion', subjectFr: 'Bonjour {{inconnu}}' },
      { cookie, params: { org: org.slug, campaignId: id } },
    )
    expect(answer.status).toBe(422)
    expect(answer.errors.subjectFr?.[0]).toContain('{{inconnu}}')
  })
})
