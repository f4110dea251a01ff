import { register } from '#app/composition/registrations.server.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
// Updating and cancelling reach the registrations: the composed functions are the ones routes call.
import { cancelEvent, previewEventUpdate, updateEvent } from '#app/composition/events.server.ts'
import {
  archiveEvent,
  createEvent,
  createQuestion,
  createSlot,
  createWorkshop,
  deleteSlot,
  deleteWorkshop,
  getEventForOrganiser,
  listOrganisationEvents,
  moveQuestion,
  moveWorkshop,
  publishEvent,
  updateQuestion,
  updateWorkshop,
} from './service.server.ts'

const DAY = 24 * 60 * 60 * 1000
let orgA: { id: string }
let orgB: { id: string }
let organiser: { id: string }
let n = 0

beforeAll(async () => {
  orgA = await prisma.organisation.create({ data: { slug: 'cress-occitanie', name: 'CRESS Occitanie' } })
  orgB = await prisma.organisation.create({ data: { slug: 'cress-centre', name: 'CRESS Centre-Val de Loire' } })
  organiser = await prisma.user.create({ data: { email: 'camille@cress-occitanie.org', name: 'Camille' } })
  await prisma.membership.create({ data: { userId: organiser.id, organisationId: orgA.id, role: 'organiser' } })
})

function future(days: number, hour = 9) {
  const d = new Date(Date.now() + days * DAY)
  d.setUTCHours(hour, 0, 0, 0)
  return d
}

async function newEvent(over: Record<string, unknown> = {}, organisationId = orgA.id) {
  return createEvent(
    organisationId,
    {
      title: 'Conférence régionale de l’ESS',
      kind: 'conference',
      startsAt: future(30),
      endsAt: future(30, 17),
      capacity: 100,
      waitlist: true,
      published: true,
      ...over,
    },
    { actorUserId: organiser.id },
  )
}

async function registerPeople(eventId: string, count: number, workshopIds: string[] = []) {
  const out = []
  for (let i = 0; i < count; i++) {
    n++
    out.push(
      await register(eventId, {
        firstName: `Prénom${n}`,
        lastName: `Nom${n}`,
        email: `personne${n}@example.org`,
        organisationName: 'Association Test',
        organisationType: 'association',
        locale: 'fr',
        workshopIds,
      }),
    )
  }
  return out
}

async function expectAppError(promise: Promise<unknown>, status: number, code?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  expect((error as AppError).status).toBe(status)
  if (code) expect((error as AppError).code).toBe(code)
  return error as AppError
}

function outbox(template: string, eventId: string) {
  return prisma.emailMessage.findMany({ where: { template, category: `event:${eventId}` }, orderBy: { toAddress: 'asc' } })
}

function auditActions(entityId: string) {
  return prisma.auditLog.findMany({ where: { entityId }, orderBy: { createdAt: 'asc' } }).then((rows) => rows.map((r) => r.action))
}

describe('creating events', () => {
  test('a draft with an ASCII slug from the title; a second one with the same title gets a suffix', async () => {
    const first = await newEvent({ title: 'Conférence régionale de l’ESS — Œuvrer ensemble', published: false })
    expect(first.status).toBe('draft')
    expect(first.slug).toBe('conference-regionale-de-l-ess-oeuvrer-ensemble')
    expect(first.timeZone).toBe('Europe/Paris')
    expect(first.waitlistEnabled).toBe(true)
    const second = await newEvent({ title: 'Conférence régionale de l’ESS — Œuvrer ensemble', published: false })
    expect(second.slug).toMatch(/^conference-regionale-de-l-ess-oeuvrer-ensemble-[0-9a-f]{6}$/)
    expect(await auditActions(first.id)).toEqual(['event.create'])
  })

  test('published: true publishes at once (the API)', async () => {
    const event = await newEvent({
      title: 'YESS Académie Narbonne',
      kind: 'yess_academie',
      published: true,
      capacity: null,
      waitlist: false,
    })
    expect(event).toMatchObject({ status: 'published', capacity: null, waitlistEnabled: false, kind: 'yess_academie' })
  })

  test('invalid input is refused with per-field message keys', async () => {
    const error = await expectAppError(newEvent({ title: '', endsAt: future(29) }), 422, 'invalid_input')
    expect(error.fields).toMatchObject({ title: ['events.error.titleRequired'] })
    const order = await expectAppError(newEvent({ endsAt: future(29) }), 422)
    expect(order.fields).toEqual({ endsAt: ['events.error.endBeforeStart'] })
  })
})

describe('updating and publishing', () => {
  test('publish moves a draft to published once', async () => {
    const event = await newEvent({ published: false })
    expect((await publishEvent(orgA.id, event.id, { actorUserId: organiser.id })).status).toBe('published')
    await expectAppError(publishEvent(orgA.id, event.id), 409, 'event_not_draft')
    expect(await auditActions(event.id)).toEqual(['event.create', 'event.publish'])
  })

  test('a date change with "notify" emails every registrant in the same transaction; without it, nobody', async () => {
    const event = await newEvent({ capacity: 2 })
    await registerPeople(event.id, 3) // 2 confirmed, 1 waitlisted
    await prisma.emailMessage.deleteMany({ where: { category: `event:${event.id}` } })

    const quiet = await updateEvent(orgA.id, event.id, { startsAt: future(31), endsAt: future(31, 17) }, { actorUserId: organiser.id })
    expect(quiet).toMatchObject({ changes: ['date'], notified: 0 })
    expect(await outbox('event-updated', event.id)).toHaveLength(0)

    const preview = await previewEventUpdate(orgA.id, event.id, { startsAt: future(32), town: 'Toulouse' })
    expect(preview).toEqual({ changes: ['date', 'venue'], registrants: 3 })

    const told = await updateEvent(
      orgA.id,
      event.id,
      { startsAt: future(32), endsAt: future(32, 17), town: 'Toulouse' },
      { actorUserId: organiser.id, notify: true, message: 'Salle plus grande' },
    )
    expect(told).toMatchObject({ changes: ['date', 'venue'], notified: 3 })
    const emails = await outbox('event-updated', event.id)
    expect(emails).toHaveLength(3)
    const props = JSON.parse(emails[0]!.payload) as { changes: string[]; message: string; event: { venue: string; startsAt: string } }
    expect(props.changes).toEqual(['date', 'venue'])
    expect(props.message).toBe('Salle plus grande')
    expect(props.event.venue).toBe('Toulouse')
    expect(props.event.startsAt).toBe(future(32).toISOString())

    // A change that doesn't matter to attendees sends nothing even with "notify".
    const title = await updateEvent(orgA.id, event.id, { title: 'Conférence régionale de l’ESS 2025' }, { notify: true })
    expect(title).toMatchObject({ changes: [], notified: 0 })
    expect(await outbox('event-updated', event.id)).toHaveLength(3)
    expect(await auditActions(event.id)).toEqual(['event.create', 'event.update', 'event.update', 'event.update'])
  })

  test('rules are checked on the merged event, and the online link counts as a change', async () => {
    const event = await newEvent()
    const error = await expectAppError(updateEvent(orgA.id, event.id, { endsAt: future(29) }), 422)
    expect(error.fields).toEqual({ endsAt: ['events.error.endBeforeStart'] })
    const online = await updateEvent(orgA.id, event.id, { onlineUrl: 'https://visio.example.org/ess' })
    expect(online.changes).toEqual(['online'])
  })

  test('raising the capacity offers the new seats to the waiting list; lowering below the seats taken is refused', async () => {
    const event = await newEvent({ capacity: 1 })
    await registerPeople(event.id, 3)
    // Invalid input elsewhere in the change: nothing happens, not even the capacity.
    const invalid = await expectAppError(updateEvent(orgA.id, event.id, { capacity: 2, title: 'x' }), 422)
    expect(invalid.fields).toEqual({ title: ['events.error.titleRequired'] })
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).capacity).toBe(1)

    const raised = await updateEvent(orgA.id, event.id, { capacity: 2 }, { actorUserId: organiser.id })
    expect(raised.waitlistOffers).toBe(1)
    expect(await prisma.registration.count({ where: { eventId: event.id, status: 'offered' } })).toBe(1)
    expect(await outbox('waitlist-offer', event.id)).toHaveLength(1)

    const below = await expectAppError(updateEvent(orgA.id, event.id, { capacity: 1, town: 'Albi' }), 422, 'capacity_below_taken')
    expect(below.fields).toHaveProperty('capacity')
    // Nothing else was saved with the refused capacity.
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).town).toBeNull()
  })
})

describe('cancelling and archiving', () => {
  test('cancelling cancels every registration and writes one event-cancelled email per registrant', async () => {
    const event = await newEvent({ capacity: 2 })
    const slot = await createSlot(orgA.id, event.id, {
      label: 'Matin',
      startsAt: event.startsAt,
      endsAt: new Date(event.startsAt.getTime() + 2 * 3600_000),
    })
    const workshop = await createWorkshop(orgA.id, event.id, { slotId: slot.id, title: 'Financer son projet', capacity: 10 })
    await registerPeople(event.id, 2, [workshop.id])
    await registerPeople(event.id, 1) // waitlisted

    const result = await cancelEvent(orgA.id, event.id, 'Intempéries', { actorUserId: organiser.id })
    expect(result.registrationsCancelled).toBe(3)
    expect(result.event.status).toBe('cancelled')
    const regs = await prisma.registration.findMany({ where: { eventId: event.id } })
    expect(regs.every((r) => r.status === 'cancelled' && r.cancelReason === 'event_cancelled')).toBe(true)
    const emails = await outbox('event-cancelled', event.id)
    expect(emails.map((e) => e.toAddress).sort()).toEqual(regs.map((r) => r.email).sort())
    expect(JSON.parse(emails[0]!.payload)).toMatchObject({ message: 'Intempéries' })
    const after = await prisma.event.findUniqueOrThrow({ where: { id: event.id }, include: { workshops: true } })
    expect(after.seatsTaken).toBe(0)
    expect(after.workshops[0]!.seatsTaken).toBe(0)
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { entityId: event.id, action: 'event.cancel' } })
    expect(JSON.parse(entry.details!)).toMatchObject({ registrationsCancelled: 3, message: 'Intempéries' })

    // Cancelled: read-only, cannot be cancelled twice, can be archived.
    await expectAppError(cancelEvent(orgA.id, event.id, null), 409, 'event_not_cancellable')
    await expectAppError(updateEvent(orgA.id, event.id, { title: 'Autre titre' }), 409, 'event_read_only')
    await expectAppError(
      createSlot(orgA.id, event.id, { label: 'Après-midi', startsAt: event.startsAt, endsAt: event.endsAt }),
      409,
      'event_read_only',
    )
    expect((await archiveEvent(orgA.id, event.id)).status).toBe('archived')
    expect(await outbox('event-cancelled', event.id)).toHaveLength(3)
  })

  test('an upcoming published event must be cancelled before archiving; an ended one can be archived; archived events leave the list', async () => {
    const event = await newEvent()
    await expectAppError(archiveEvent(orgA.id, event.id), 409, 'event_upcoming')
    const archived = await archiveEvent(orgA.id, event.id, { now: new Date(event.endsAt.getTime() + 1000), actorUserId: organiser.id })
    expect(archived.status).toBe('archived')
    await expectAppError(updateEvent(orgA.id, event.id, { title: 'Encore' }), 409, 'event_read_only')
    const current = await listOrganisationEvents(orgA.id)
    expect(current.some((e) => e.id === event.id)).toBe(false)
    const onlyArchived = await listOrganisationEvents(orgA.id, { archived: 'only' })
    expect(onlyArchived.some((e) => e.id === event.id)).toBe(true)
  })
})

describe('organisation isolation', () => {
  test('another organisation cannot read or change an event, by id or by slug', async () => {
    const event = await newEvent({ title: 'Événement privé de la CRESS Occitanie', published: false })
    for (const ref of [event.id, event.slug]) {
      await expectAppError(getEventForOrganiser(orgB.id, ref), 404, 'not_found')
      await expectAppError(updateEvent(orgB.id, ref, { title: 'Piraté' }), 404)
      await expectAppError(publishEvent(orgB.id, ref), 404)
      await expectAppError(cancelEvent(orgB.id, ref, null), 404)
      await expectAppError(archiveEvent(orgB.id, ref), 404)
      await expectAppError(createSlot(orgB.id, ref, { label: 'X', startsAt: event.startsAt, endsAt: event.endsAt }), 404)
      await expectAppError(createQuestion(orgB.id, ref, { label: 'X', type: 'short_text' }), 404)
    }
    expect((await getEventForOrganiser(orgA.id, event.slug)).id).toBe(event.id)
    const unchanged = await prisma.event.findUniqueOrThrow({ where: { id: event.id } })
    expect(unchanged).toMatchObject({ title: 'Événement privé de la CRESS Occitanie', status: 'draft' })
    expect((await listOrganisationEvents(orgB.id)).some((e) => e.id === event.id)).toBe(false)

    // Sub-resources: a slot of A's event cannot be reached through an event of B.
    const slot = await createSlot(orgA.id, event.id, { label: 'Matin', startsAt: event.startsAt, endsAt: event.endsAt })
    const eventB = await newEvent({ title: 'Événement B' }, orgB.id)
    await expectAppError(deleteSlot(orgB.id, eventB.id, slot.id), 404)
    await expectAppError(createWorkshop(orgB.id, eventB.id, { slotId: slot.id, title: 'Intrus' }), 422)
    expect(await prisma.timeSlot.count({ where: { id: slot.id } })).toBe(1)
  })
})

describe('programme', () => {
  test('workshop capacity cannot go below its seats taken; workshops with attendees cannot be deleted or moved', async () => {
    const event = await newEvent()
    const morning = await createSlot(orgA.id, event.id, {
      label: 'Matin',
      startsAt: event.startsAt,
      endsAt: new Date(event.startsAt.getTime() + 3 * 3600_000),
    })
    const afternoon = await createSlot(orgA.id, event.id, {
      label: 'Après-midi',
      startsAt: new Date(event.startsAt.getTime() + 4 * 3600_000),
      endsAt: event.endsAt,
    })
    const w = await createWorkshop(orgA.id, event.id, { slotId: morning.id, title: 'Coopérer entre structures', capacity: 5 })
    await registerPeople(event.id, 3, [w.id])
    expect((await prisma.workshop.findUniqueOrThrow({ where: { id: w.id } })).seatsTaken).toBe(3)

    const floor = await expectAppError(
      updateWorkshop(orgA.id, event.id, w.id, { slotId: morning.id, title: w.title, capacity: 2 }),
      422,
      'capacity_below_taken',
    )
    expect(floor.params).toEqual({ taken: 3 })
    expect(floor.fields).toEqual({ capacity: ['events.error.workshopCapacityBelowTaken'] })
    expect((await prisma.workshop.findUniqueOrThrow({ where: { id: w.id } })).capacity).toBe(5)

    expect((await updateWorkshop(orgA.id, event.id, w.id, { slotId: morning.id, title: w.title, capacity: 3 })).capacity).toBe(3)
    expect((await updateWorkshop(orgA.id, event.id, w.id, { slotId: morning.id, title: w.title, capacity: null })).capacity).toBeNull()
    await expectAppError(updateWorkshop(orgA.id, event.id, w.id, { slotId: afternoon.id, title: w.title }), 409, 'workshop_has_attendees')
    await expectAppError(deleteWorkshop(orgA.id, event.id, w.id), 409, 'workshop_has_attendees')
    await expectAppError(deleteSlot(orgA.id, event.id, morning.id), 409, 'slot_has_attendees')
    await deleteSlot(orgA.id, event.id, afternoon.id)
    expect(await auditActions(w.id)).toEqual(['workshop.create', 'workshop.update', 'workshop.update'])
  })

  test('slots must lie within the event; workshops are ordered within their slot', async () => {
    const event = await newEvent()
    const outside = await expectAppError(
      createSlot(orgA.id, event.id, { label: 'Veille', startsAt: new Date(event.startsAt.getTime() - DAY), endsAt: event.startsAt }),
      422,
    )
    expect(outside.fields).toEqual({ startsAt: ['events.error.slotOutsideEvent'] })
    const slot = await createSlot(orgA.id, event.id, { label: 'Matin', startsAt: event.startsAt, endsAt: event.endsAt })
    const a = await createWorkshop(orgA.id, event.id, { slotId: slot.id, title: 'Atelier A' })
    const b = await createWorkshop(orgA.id, event.id, { slotId: slot.id, title: 'Atelier B' })
    const c = await createWorkshop(orgA.id, event.id, { slotId: slot.id, title: 'Atelier C' })
    expect(await moveWorkshop(orgA.id, event.id, c.id, 'up')).toBe(true)
    expect(await moveWorkshop(orgA.id, event.id, a.id, 'up')).toBe(false)
    const loaded = await getEventForOrganiser(orgA.id, event.id)
    expect(loaded.slots[0]!.workshops.map((w) => w.id)).toEqual([a.id, c.id, b.id])
  })
})

describe('registration questions', () => {
  test('created in order, edited, reordered, with choices kept as JSON', async () => {
    const event = await newEvent()
    const q1 = await createQuestion(
      orgA.id,
      event.id,
      { label: 'Repas du midi', type: 'single_choice', options: ['Oui', 'Non'], required: true },
      { actorUserId: organiser.id },
    )
    const q2 = await createQuestion(orgA.id, event.id, { label: 'Vos attentes', type: 'long_text' })
    await expectAppError(createQuestion(orgA.id, event.id, { label: 'Atelier', type: 'multiple_choice', options: ['Seul'] }), 422)
    await updateQuestion(orgA.id, event.id, q2.id, { label: 'Vos attentes pour la journée', type: 'long_text', required: true })
    expect(await moveQuestion(orgA.id, event.id, q2.id, 'up')).toBe(true)
    const loaded = await getEventForOrganiser(orgA.id, event.id)
    expect(loaded.questions.map((q) => [q.label, q.required, q.options])).toEqual([
      ['Vos attentes pour la journée', true, []],
      ['Repas du midi', true, ['Oui', 'Non']],
    ])
    expect(await auditActions(q1.id)).toEqual(['eventQuestion.create'])
    expect(await auditActions(q2.id)).toEqual(['eventQuestion.create', 'eventQuestion.update', 'eventQuestion.move'])
  })
})
