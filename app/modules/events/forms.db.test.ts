// The organisers' event forms through their route actions (Conform + Zod): a bad submission comes back
// as Conform's reply with field errors and status 400, nothing is saved; a good one redirects.
import type { ActionFunctionArgs } from '@remix-run/node'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { createSession } from '#app/modules/auth/session.server.ts'
import { register } from '#app/composition/registrations.server.ts'
import { makeEvent, makeMember, makeOrganisation, person } from '#tests/support/factories.ts'

type Reply = { data: { result: { status?: string; error?: Record<string, string[] | null> } }; init: ResponseInit | null }

async function poster(role: 'organiser' | 'admin' | 'checkin' = 'organiser') {
  const org = await makeOrganisation()
  const staff = await makeMember(org.id, role)
  const { token } = await createSession(staff.id)
  return {
    org,
    post: async (
      route: { action: (args: ActionFunctionArgs) => Promise<unknown> },
      path: string,
      params: Record<string, string>,
      fields: Record<string, string> | [string, string][],
    ) =>
      route.action({
        request: new Request(`http://localhost/o/${org.slug}${path}`, {
          method: 'POST',
          headers: { cookie: `essor_session=${token}` },
          body: new URLSearchParams(fields),
        }),
        params: { org: org.slug, ...params },
        context: {},
      }),
  }
}

const goodEvent = {
  title: 'Rencontre régionale',
  kind: 'conference',
  startsAt: '2031-03-12T09:00',
  endsAt: '2031-03-12T17:00',
  timeZone: 'Europe/Paris',
  offerHours: '48',
  reminderDaysBefore: '2',
  visibility: 'public',
  waitlist: 'on',
}

describe('the new event form', () => {
  test('an end before the start and a bad capacity come back as field errors (400); a good form creates the event', async () => {
    const { org, post } = await poster()
    const route = await import('#app/routes/organisers/o.$org.events.new.tsx')
    const bad = (await post(route, '/events/new', {}, { ...goodEvent, endsAt: '2031-03-12T08:00' })) as Reply
    expect(bad.init?.status).toBe(400)
    expect(bad.data.result.error?.endsAt).toEqual(['events.error.endBeforeStart'])
    const badCapacity = (await post(route, '/events/new', {}, { ...goodEvent, capacity: 'beaucoup' })) as Reply
    expect(badCapacity.init?.status).toBe(400)
    expect(badCapacity.data.result.error?.capacity).toEqual(['events.error.capacityInvalid'])
    expect(await prisma.event.count({ where: { organisationId: org.id } })).toBe(0)

    const ok = (await post(route, '/events/new', {}, { ...goodEvent, venueName: '', capacity: '' })) as Response
    expect(ok.status).toBe(302)
    const created = await prisma.event.findFirstOrThrow({ where: { organisationId: org.id } })
    expect(created).toMatchObject({ title: 'Rencontre régionale', capacity: null, venueName: null, description: '', status: 'draft' })
    expect(ok.headers.get('location')).toContain(created.id)
  })
})

describe('the edit event form', () => {
  test('an empty title is refused (400) and the event is unchanged; an emptied field is cleared', async () => {
    const { org, post } = await poster()
    const event = await makeEvent(org.id, { title: 'Avant' })
    await prisma.event.update({ where: { id: event.id }, data: { venueName: 'Salle des fêtes' } })
    const route = await import('#app/routes/organisers/o.$org.events.$eventId.edit.tsx')
    const bad = (await post(route, `/events/${event.id}/edit`, { eventId: event.id }, { ...goodEvent, title: ' ' })) as Reply
    expect(bad.init?.status).toBe(400)
    expect(bad.data.result.error?.title).toEqual(['events.error.titleRequired'])
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).title).toBe('Avant')

    const ok = (await post(route, `/events/${event.id}/edit`, { eventId: event.id }, { ...goodEvent, venueName: '' })) as Response
    expect(ok.status).toBe(302)
    const saved = await prisma.event.findUniqueOrThrow({ where: { id: event.id } })
    expect(saved).toMatchObject({ title: 'Rencontre régionale', venueName: null })
  })
})

describe('the dashboard’s lifecycle forms', () => {
  test('a cancellation message over the limit is refused (400) and the event stays published; a short one cancels it', async () => {
    const { org, post } = await poster()
    const event = await makeEvent(org.id, { status: 'published' })
    const route = await import('#app/routes/organisers/o.$org.events.$eventId._index.tsx')
    const bad = (await post(route, `/events/${event.id}`, { eventId: event.id }, { intent: 'cancel', message: 'x'.repeat(2001) })) as Reply
    expect(bad.init?.status).toBe(400)
    expect(bad.data.result.error?.message).toEqual(['events.error.tooLong'])
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe('published')

    const ok = (await post(route, `/events/${event.id}`, { eventId: event.id }, { intent: 'cancel', message: 'Reporté.' })) as Response
    expect(ok.status).toBe(302)
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe('cancelled')
  })
})

describe('the programme forms', () => {
  test('a slot ending before it starts and a workshop without a title are refused (400) for their own form; good ones are saved', async () => {
    const { org, post } = await poster()
    const event = await makeEvent(org.id, { startsAt: new Date('2031-03-12T08:00:00Z'), endsAt: new Date('2031-03-12T16:00:00Z') })
    const route = await import('#app/routes/organisers/o.$org.events.$eventId.programme.tsx')
    const path = `/events/${event.id}/programme`
    const params = { eventId: event.id }
    type KeyedReply = Reply & { data: { formKey: string } }

    const badSlot = (await post(route, path, params, {
      intent: 'slot.create',
      label: 'Matin',
      startsAt: '2031-03-12T12:00',
      endsAt: '2031-03-12T10:00',
    })) as KeyedReply
    expect(badSlot.init?.status).toBe(400)
    expect(badSlot.data.formKey).toBe('slot-new')
    expect(badSlot.data.result.error?.endsAt).toEqual(['events.error.endBeforeStart'])
    expect(await prisma.timeSlot.count({ where: { eventId: event.id } })).toBe(0)

    const okSlot = (await post(route, path, params, {
      intent: 'slot.create',
      label: 'Matin',
      startsAt: '2031-03-12T09:00',
      endsAt: '2031-03-12T12:00',
    })) as Response
    expect(okSlot.status).toBe(302)
    const slot = await prisma.timeSlot.findFirstOrThrow({ where: { eventId: event.id } })

    const badWorkshop = (await post(route, path, params, {
      intent: 'workshop.create',
      slotId: slot.id,
      title: '',
      capacity: '0',
    })) as KeyedReply
    expect(badWorkshop.init?.status).toBe(400)
    expect(badWorkshop.data.formKey).toBe(`workshop-new-${slot.id}`)
    expect(badWorkshop.data.result.error?.title).toEqual(['events.error.titleRequired'])
    expect(badWorkshop.data.result.error?.capacity).toEqual(['events.error.capacityInvalid'])

    const okWorkshop = (await post(route, path, params, {
      intent: 'workshop.create',
      slotId: slot.id,
      title: 'Financer',
      capacity: '20',
    })) as Response
    expect(okWorkshop.status).toBe(302)
    const workshop = await prisma.workshop.findFirstOrThrow({ where: { slotId: slot.id } })
    expect(workshop).toMatchObject({ title: 'Financer', capacity: 20, room: null, description: '' })

    // A button with a made-up direction is refused rather than read as "down".
    const badMove = (await post(route, path, params, {
      intent: 'workshop.move',
      workshopId: workshop.id,
      direction: 'sideways',
    })) as KeyedReply
    expect(badMove.init?.status).toBe(400)
    expect(badMove.data.formKey).toBe('page')
    const deleted = (await post(route, path, params, { intent: 'workshop.delete', workshopId: workshop.id })) as Response
    expect(deleted.status).toBe(302)
    expect(await prisma.workshop.count({ where: { slotId: slot.id } })).toBe(0)
  })
})

describe('the tickets page forms', () => {
  test('a paid ticket without a price is refused (400) on its price field; card alone without Stripe is refused by the service (422)', async () => {
    const { org, post } = await poster('admin')
    const event = await makeEvent(org.id)
    const route = await import('#app/routes/organisers/o.$org.events.$eventId.tickets.tsx')
    const path = `/events/${event.id}/tickets`
    const params = { eventId: event.id }
    type KeyedReply = Reply & { data: { formKey: string } }

    const bad = (await post(route, path, params, { intent: 'ticket.create', kind: 'paid', name: 'Plein tarif', price: '' })) as KeyedReply
    expect(bad.init?.status).toBe(400)
    expect(bad.data.formKey).toBe('ticket-new')
    expect(bad.data.result.error?.priceCents).toEqual(['paymentsAdmin.error.paidNeedsPrice'])
    expect(await prisma.ticketType.count({ where: { eventId: event.id } })).toBe(0)
    const ok = (await post(route, path, params, { intent: 'ticket.create', kind: 'paid', name: 'Plein tarif', price: '45,50' })) as Response
    expect(ok.status).toBe(302)
    expect(await prisma.ticketType.findFirstOrThrow({ where: { eventId: event.id } })).toMatchObject({ priceCents: 4550, nameEn: null })

    const saved = { intent: 'settings.save', paymentHoldMinutes: '60', refundDeadline: '', refundFee: '' }
    const cardOnly = (await post(route, path, params, { ...saved, methods: 'card' })) as KeyedReply
    expect(cardOnly.init?.status).toBe(422)
    expect(cardOnly.data.formKey).toBe('settings')
    expect(Object.keys(cardOnly.data.result.error ?? {})).toEqual(['methods'])
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).paymentHoldMinutes).not.toBe(60)
    const both = (await post(route, path, params, [
      ['intent', 'settings.save'],
      ['methods', 'card'],
      ['methods', 'transfer'],
      ['paymentHoldMinutes', '60'],
    ])) as Response
    expect(both.status).toBe(302)
    expect(await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      acceptsCard: true,
      acceptsTransfer: true,
      acceptsPurchaseOrder: false,
      paymentHoldMinutes: 60,
    })
  })
})

describe('one application’s review forms', () => {
  test('a rating out of range, a too long comment and a missing decision are refused (400); a full event refuses an acceptance (409)', async () => {
    const { org, post } = await poster()
    const event = await makeEvent(org.id, { capacity: 1 })
    await prisma.event.update({ where: { id: event.id }, data: { requiresApplication: true } })
    const project = {
      projectName: 'Recyclerie',
      projectStage: 'creation',
      projectDescription: 'Une recyclerie.',
      projectTerritory: 'Narbonne (11)',
      projectNeeds: null,
    } as const
    const [first, second] = [await register(event.id, { ...person(), project }), await register(event.id, { ...person(), project })]
    const route = await import('#app/routes/organisers/o.$org.events.$eventId.applications_.$registrationId.tsx')
    const at = (id: string) => [`/events/${event.id}/applications/${id}`, { eventId: event.id, registrationId: id }] as const
    const id = first.registration.id

    const badRating = (await post(route, ...at(id), { intent: 'rate', rating: '9' })) as Reply
    expect(badRating.init?.status).toBe(400)
    expect(badRating.data.result.error?.rating).toEqual(['admission.error.rating'])
    const badComment = (await post(route, ...at(id), { intent: 'comment', body: 'x'.repeat(2001) })) as Reply
    expect(badComment.init?.status).toBe(400)
    expect(badComment.data.result.error?.body).toEqual(['register.error.tooLong?max=2000'])
    const noDecision = (await post(route, ...at(id), { intent: 'decide', message: 'Bravo' })) as Reply
    expect(noDecision.init?.status).toBe(400)
    expect(noDecision.data.result.error?.decision).toEqual(['admission.error.decision'])

    expect(((await post(route, ...at(id), { intent: 'rate', rating: '4' })) as Response).status).toBe(302)
    expect(((await post(route, ...at(id), { intent: 'decide', decision: 'accept' })) as Response).status).toBe(302)
    const full = (await post(route, ...at(second.registration.id), { intent: 'decide', decision: 'accept' })) as Reply
    expect(full.init?.status).toBe(409)
    expect(full.data.result.error?.['']).toHaveLength(1)
    expect(await prisma.registration.findUniqueOrThrow({ where: { id } })).toMatchObject({ rating: 4, status: 'confirmed' })
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: second.registration.id } })).status).toBe('applied')
  })
})

describe('the applications list’s batch decision', () => {
  test('nothing ticked is refused (400) on ids; ticked applications are decided and the summary comes back', async () => {
    const { org, post } = await poster()
    const event = await makeEvent(org.id, { capacity: 5 })
    await prisma.event.update({ where: { id: event.id }, data: { requiresApplication: true } })
    const project = {
      projectName: 'Tiers-lieu',
      projectStage: 'idea',
      projectDescription: 'Un tiers-lieu.',
      projectTerritory: 'Aude',
      projectNeeds: null,
    } as const
    const a = await register(event.id, { ...person(), project })
    const route = await import('#app/routes/organisers/o.$org.events.$eventId.applications.tsx')
    const path = `/events/${event.id}/applications`
    const params = { eventId: event.id }
    const none = (await post(route, path, params, { decision: 'refuse' })) as Reply
    expect(none.init?.status).toBe(400)
    expect(none.data.result.error?.ids).toEqual(['admission.error.noneSelected'])
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: a.registration.id } })).status).toBe('applied')

    const done = (await post(route, path, params, { ids: a.registration.id, decision: 'refuse' })) as {
      data: { decided: { summary: Record<string, number> } }
    }
    expect(done.data.decided.summary.refused).toBe(1)
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: a.registration.id } })).status).toBe('refused')
  })
})
