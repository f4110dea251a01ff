// The attendee's manage link against a real database (SQLite and PostgreSQL).
import { cancelRegistration, eraseRegistration, register } from '#app/composition/registrations.server.ts'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { makeEvent, makeOrganisation, makeSlotWithWorkshops, person } from '#tests/support/factories.ts'
import { getManageView, isLocked, updateAttendeeDetails } from './self-service.server.ts'

async function eventWithQuestions(capacity = 10) {
  const org = await makeOrganisation()
  const event = await makeEvent(org.id, { capacity })
  const lunch = await prisma.eventQuestion.create({
    data: {
      eventId: event.id,
      label: 'Déjeuner',
      type: 'single_choice',
      required: true,
      options: JSON.stringify(['Sur place', 'Non merci']),
      position: 0,
    },
  })
  const role = await prisma.eventQuestion.create({
    data: { eventId: event.id, label: 'Fonction', type: 'short_text', required: false, position: 1 },
  })
  return { org, event, lunch, role }
}

const edit = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Camille',
  lastName: 'Durand',
  organisation: 'Mairie de Narbonne',
  organisationType: 'collectivite',
  phone: '06 12 34 56 78',
  accessibilityNeeds: 'Accès fauteuil',
  dietaryNeeds: '',
  answers: {},
  ...overrides,
})

describe('manage view', () => {
  test('an unknown or malformed token finds nothing', async () => {
    expect(await getManageView('a'.repeat(32))).toBeNull()
    expect(await getManageView('not a token!')).toBeNull()
  })

  test('shows the status, the waiting-list position, the chosen workshops and whether an offer is open', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 1, offerHours: 24 })
    const { workshops } = await makeSlotWithWorkshops(event.id, [5, 5])
    const first = await register(event.id, person({ workshopIds: [workshops[1]!.id] }))
    const second = await register(event.id, person())
    const third = await register(event.id, person())

    const a = await getManageView(first.manageToken)
    expect(a?.registration.status).toBe('confirmed')
    expect(a?.slots[0]?.workshops.map((w) => [w.title, w.chosen, w.seatsLeft])).toEqual([
      ['Atelier 1', false, 5],
      ['Atelier 2', true, 4],
    ])
    expect(a?.event.organisation.slug).toBe(org.slug)
    expect((await getManageView(second.manageToken))?.position).toBe(1)
    expect((await getManageView(third.manageToken))?.position).toBe(2)

    await cancelRegistration(first.registration.id, { reason: 'attendee' })
    // The offer email carries a new token; the person's page through it shows the open offer.
    const offer = await prisma.emailMessage.findFirstOrThrow({
      where: { template: 'waitlist-offer', toAddress: second.registration.email },
    })
    const token = /\/r\/([a-z0-9]+)/.exec(JSON.parse(offer.payload).manageUrl as string)![1]!
    const offered = await getManageView(token)
    expect(offered).toMatchObject({ offerOpen: true, registration: { status: 'offered' }, position: null })
    expect((await getManageView(third.manageToken))?.position).toBe(1)
    const cancelled = await getManageView(first.manageToken)
    expect(cancelled).toMatchObject({ locked: true, registration: { status: 'cancelled' } })
  })
})

describe('editing one’s information', () => {
  test('contact fields and answers change, the email does not; the change is audited without its values', async () => {
    const { event, lunch, role } = await eventWithQuestions()
    const p = person()
    const { registration } = await register(event.id, { ...p, answers: { [lunch.id]: 'Sur place' } })
    const result = await updateAttendeeDetails(
      registration.id,
      edit({ email: 'pirate@example.org', answers: { [lunch.id]: 'Non merci', [role.id]: 'Élue' } }),
    )
    expect(result.changed.sort()).toEqual(
      ['accessibilityNeeds', 'answers', 'firstName', 'lastName', 'organisationName', 'organisationType', 'phone'].sort(),
    )
    const row = await prisma.registration.findUniqueOrThrow({ where: { id: registration.id } })
    expect(row).toMatchObject({
      email: p.email,
      firstName: 'Camille',
      lastName: 'Durand',
      organisationName: 'Mairie de Narbonne',
      organisationType: 'collectivite',
      phone: '06 12 34 56 78',
      accessibilityNeeds: 'Accès fauteuil',
      dietaryNeeds: null,
    })
    expect(JSON.parse(row.answers)).toEqual({ [lunch.id]: 'Non merci', [role.id]: 'Élue' })
    expect(row.searchText).toContain('mairie de narbonne')
    expect(row.searchText).toContain('durand')
    const entries = await prisma.auditLog.findMany({ where: { entityId: registration.id, action: 'registration.selfUpdate' } })
    expect(entries).toHaveLength(1)
    expect(entries[0]!.details).not.toContain('Narbonne')

    // Saving the same values again changes nothing and writes no second entry.
    expect(
      (await updateAttendeeDetails(registration.id, edit({ answers: { [lunch.id]: 'Non merci', [role.id]: 'Élue' } }))).changed,
    ).toEqual([])
    expect(await prisma.auditLog.count({ where: { entityId: registration.id, action: 'registration.selfUpdate' } })).toBe(1)
  })

  test('invalid input is refused with per-field errors and nothing changes', async () => {
    const { event, lunch } = await eventWithQuestions()
    const { registration } = await register(event.id, { ...person(), answers: { [lunch.id]: 'Sur place' } })
    const error = await updateAttendeeDetails(
      registration.id,
      edit({ firstName: '', phone: 'abc', answers: { [lunch.id]: 'Buffet' } }),
    ).catch((e: unknown) => e)
    expect(error).toMatchObject({
      status: 422,
      code: 'invalid_input',
      fields: {
        firstName: ['register.error.required'],
        phone: ['register.error.phone'],
        [`answers.${lunch.id}`]: ['register.error.choice'],
      },
    })
    const row = await prisma.registration.findUniqueOrThrow({ where: { id: registration.id } })
    expect(row.firstName).toMatch(/^Camille\d+$/)
    expect(JSON.parse(row.answers)).toEqual({ [lunch.id]: 'Sur place' })
  })

  test('a cancelled registration, or one whose event is over, can no longer be edited', async () => {
    const { event, lunch } = await eventWithQuestions()
    const answers = { [lunch.id]: 'Sur place' }
    const a = await register(event.id, { ...person(), answers })
    await cancelRegistration(a.registration.id, { reason: 'attendee' })
    await expect(updateAttendeeDetails(a.registration.id, edit({ answers }))).rejects.toMatchObject({
      status: 409,
      code: 'registration_locked',
    })

    const b = await register(event.id, { ...person(), answers })
    await prisma.event.update({
      where: { id: event.id },
      data: { startsAt: new Date(Date.now() - 7200_000), endsAt: new Date(Date.now() - 3600_000) },
    })
    await expect(updateAttendeeDetails(b.registration.id, edit({ answers }))).rejects.toMatchObject({ status: 409 })
    await expect(updateAttendeeDetails('missing', edit())).rejects.toMatchObject({ status: 404 })
  })

  test('isLocked', () => {
    const later = new Date(Date.now() + 3600_000)
    expect(isLocked({ status: 'confirmed', event: { status: 'published', endsAt: later } })).toBe(false)
    expect(isLocked({ status: 'waitlisted', event: { status: 'cancelled', endsAt: later } })).toBe(true)
    expect(isLocked({ status: 'cancelled', event: { status: 'published', endsAt: later } })).toBe(true)
    expect(isLocked({ status: 'confirmed', event: { status: 'published', endsAt: new Date(0) } })).toBe(true)
  })
})

describe('erasing one’s data', () => {
  test('frees the seat for the waiting list, wipes every personal field and kills the link', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 1 })
    const me = await register(event.id, {
      ...person({ departement: '31' }),
      phone: '06 12 34 56 78',
      dietaryNeeds: 'végétarien',
      answers: { q: 'réponse' },
    })
    const next = await register(event.id, person())
    // The confirmation went out; a reminder is still queued.
    await prisma.emailMessage.updateMany({ where: { toAddress: me.registration.email }, data: { status: 'sent' } })
    await prisma.emailMessage.create({
      data: {
        messageId: '<queued@test>',
        toAddress: me.registration.email,
        template: 'event-reminder',
        payload: '{"firstName":"x"}',
        category: `event:${event.id}`,
      },
    })
    await eraseRegistration(me.registration.id)
    const erased = await prisma.registration.findUniqueOrThrow({ where: { id: me.registration.id } })
    expect(erased).toMatchObject({
      status: 'cancelled',
      firstName: '—',
      lastName: '—',
      organisationName: '—',
      phone: null,
      dietaryNeeds: null,
      answers: '{}',
      searchText: '',
    })
    expect(erased.email).not.toContain(me.registration.email.split('@')[0])
    expect(await getManageView(me.manageToken)).toBeNull()
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: next.registration.id } })).status).toBe('offered')
    expect(await prisma.auditLog.count({ where: { action: 'registration.erase', entityId: me.registration.id } })).toBe(1)
    // Nothing left in the outbox names the person (their confirmation email included).
    expect(await prisma.emailMessage.count({ where: { toAddress: me.registration.email } })).toBe(0)
    const kept = await prisma.emailMessage.findMany({ where: { toAddress: `erased-${me.registration.id}@invalid` } })
    expect(kept.map((m) => [m.template, m.status, m.payload])).toEqual([['registration-confirmed', 'sent', '{}']])
  })
})
