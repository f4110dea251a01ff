// Organisers' views of registrations against a real database (SQLite and PostgreSQL): search,
// filters and counts, adding by hand, cancel and move, statistics, the export rows and the
// role guard of the routes.
import { addByHand, cancelByOrganiser, register } from '#app/composition/registrations.server.ts'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { createSession } from '#app/modules/auth/session.server.ts'
import { makeEvent, makeMember, makeOrganisation, makeSlotWithWorkshops, person } from '#tests/support/factories.ts'
import {
  CHECKED_IN_FILTER,
  listRegistrations,
  moveToWorkshops,
  registrationDetail,
  registrationsForExport,
  requireOrganisationEvent,
  stats,
} from './admin.server.ts'
import { exportCsv } from './export.server.ts'
import { checkIn } from './service.server.ts'

type Person = ReturnType<typeof person> & { lastName: string; organisationName: string; organisationType: string }

function someone(overrides: Partial<Person> = {}): Person {
  return { ...person(), ...overrides }
}

async function eventWithPeople() {
  const org = await makeOrganisation()
  const event = await makeEvent(org.id, { capacity: 3 })
  const { slot, workshops } = await makeSlotWithWorkshops(event.id, [10, 10])
  const helene = await register(
    event.id,
    someone({
      firstName: 'Hélène',
      lastName: 'Dupré',
      organisationName: 'Association Les Élans',
      organisationType: 'association',
      departement: '34',
      workshopIds: [workshops[0]!.id],
    }),
  )
  const francois = await register(
    event.id,
    someone({
      firstName: 'François',
      lastName: 'Lefèvre',
      organisationName: 'Mairie de Béziers',
      organisationType: 'collectivite',
      departement: '34',
      workshopIds: [workshops[1]!.id],
    }),
  )
  const zoe = await register(
    event.id,
    someone({
      firstName: 'Zoé',
      lastName: 'Martin',
      organisationName: 'SCOP Les Ateliers',
      organisationType: 'cooperative',
      departement: '31',
      workshopIds: [workshops[0]!.id],
    }),
  )
  const waiting = await register(event.id, someone({ firstName: 'Ana', lastName: 'Garcia', organisationType: 'association' }))
  return { org, event, slot, workshops, helene, francois, zoe, waiting }
}

const names = (rows: { firstName: string }[]) => rows.map((r) => r.firstName).sort()

describe('listing registrations', () => {
  test('search ignores accents and case, every word must match, ticket codes are found', async () => {
    const { event, helene } = await eventWithPeople()
    expect(names((await listRegistrations(event.id, { q: 'helene dupre' })).rows)).toEqual(['Hélène'])
    expect(names((await listRegistrations(event.id, { q: 'HÉLÈNE' })).rows)).toEqual(['Hélène'])
    expect(names((await listRegistrations(event.id, { q: 'elans' })).rows)).toEqual(['Hélène'])
    expect(names((await listRegistrations(event.id, { q: 'beziers francois' })).rows)).toEqual(['François'])
    expect(names((await listRegistrations(event.id, { q: 'helene beziers' })).rows)).toEqual([])
    const reg = await prisma.registration.findUniqueOrThrow({ where: { id: helene.registration.id } })
    expect(names((await listRegistrations(event.id, { q: reg.ticketCode.toLowerCase() })).rows)).toEqual(['Hélène'])
  })

  test('filters by status, profile, workshop and check-in; counts cover the whole event', async () => {
    const { event, workshops, helene } = await eventWithPeople()
    await checkIn(event.id, { registrationId: helene.registration.id }, 'staff')

    const all = await listRegistrations(event.id)
    expect(all.total).toBe(4)
    expect(all.counts).toMatchObject({ all: 4, confirmed: 3, waitlisted: 1, offered: 0, cancelled: 0, checkedIn: 1 })

    expect(names((await listRegistrations(event.id, { status: 'waitlisted' })).rows)).toEqual(['Ana'])
    expect(names((await listRegistrations(event.id, { status: 'confirmed' })).rows)).toEqual(['François', 'Hélène', 'Zoé'])
    expect(names((await listRegistrations(event.id, { status: CHECKED_IN_FILTER })).rows)).toEqual(['Hélène'])
    expect(names((await listRegistrations(event.id, { profile: 'association' })).rows)).toEqual(['Ana', 'Hélène'])
    expect(names((await listRegistrations(event.id, { workshopId: workshops[0]!.id })).rows)).toEqual(['Hélène', 'Zoé'])
    const combined = await listRegistrations(event.id, { profile: 'association', status: 'confirmed', workshopId: workshops[0]!.id })
    expect(names(combined.rows)).toEqual(['Hélène'])
    expect(combined.total).toBe(1)
    // The counts stay those of the event, whatever the filter.
    expect(combined.counts.confirmed).toBe(3)
  })

  test('pages through the list in name order', async () => {
    const { event } = await eventWithPeople()
    const first = await listRegistrations(event.id, { pageSize: 3, page: 1 })
    const second = await listRegistrations(event.id, { pageSize: 3, page: 2 })
    expect(first.pageCount).toBe(2)
    expect(first.rows.map((r) => r.lastName)).toEqual(['Dupré', 'Garcia', 'Lefèvre'])
    expect(second.rows.map((r) => r.lastName)).toEqual(['Martin'])
    // A page past the end shows the last one.
    expect((await listRegistrations(event.id, { pageSize: 3, page: 9 })).page).toBe(2)
  })

  test('another organisation’s event is a 404, and so is another event’s registration', async () => {
    const { event, helene } = await eventWithPeople()
    const other = await makeOrganisation()
    await expect(requireOrganisationEvent(other.id, event.id)).rejects.toMatchObject({ status: 404 })
    const otherEvent = await makeEvent(other.id)
    expect(await registrationDetail(otherEvent.id, helene.registration.id)).toBeNull()
    const staff = await makeMember(other.id, 'organiser')
    await expect(cancelByOrganiser(otherEvent.id, helene.registration.id, { actorUserId: staff.id })).rejects.toMatchObject({ status: 404 })
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: helene.registration.id } })).status).toBe('confirmed')
  })
})

describe('changing registrations', () => {
  test('an organiser adds someone after registration closed; the public form is refused', async () => {
    const org = await makeOrganisation()
    const staff = await makeMember(org.id, 'organiser')
    const event = await makeEvent(org.id, { registrationClosesAt: new Date(Date.now() - 3600_000) })
    await expect(register(event.id, someone())).rejects.toMatchObject({ code: 'registration_closed' })

    const result = await addByHand(event.id, someone({ firstName: 'Inès' }), { actorUserId: staff.id })
    expect(result.outcome).toBe('confirmed')
    const reg = await prisma.registration.findUniqueOrThrow({ where: { id: result.registration.id } })
    expect(reg).toMatchObject({ source: 'manual', status: 'confirmed', firstName: 'Inès' })
    expect(await prisma.auditLog.count({ where: { action: 'registration.create', entityId: reg.id, actorUserId: staff.id } })).toBe(1)
    expect(await prisma.emailMessage.count({ where: { template: 'registration-confirmed', toAddress: reg.email } })).toBe(1)
  })

  test('a full event: waiting list by default, a seat beyond capacity when the organiser says so', async () => {
    const org = await makeOrganisation()
    const staff = await makeMember(org.id, 'organiser')
    const event = await makeEvent(org.id, { capacity: 1 })
    await register(event.id, someone())
    expect((await addByHand(event.id, someone(), { actorUserId: staff.id })).outcome).toBe('waitlisted')
    expect((await addByHand(event.id, someone(), { actorUserId: staff.id, ignoreCapacity: true })).outcome).toBe('confirmed')
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(2)
  })

  test('adding by hand is refused on a cancelled event', async () => {
    const org = await makeOrganisation()
    const staff = await makeMember(org.id, 'organiser')
    const event = await makeEvent(org.id, { status: 'cancelled' })
    await expect(addByHand(event.id, someone(), { actorUserId: staff.id })).rejects.toMatchObject({ code: 'registration_closed' })
  })

  test('cancelling frees the seat for the first person waiting, with an audit entry', async () => {
    const { org, event, zoe, waiting } = await eventWithPeople()
    const staff = await makeMember(org.id, 'organiser')
    expect(await cancelByOrganiser(event.id, zoe.registration.id, { actorUserId: staff.id })).toEqual({ cancelled: true, offered: 1 })
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: waiting.registration.id } })).status).toBe('offered')
    expect(await prisma.auditLog.count({ where: { action: 'registration.cancel', entityId: zoe.registration.id } })).toBe(1)
    // A second click does nothing.
    expect((await cancelByOrganiser(event.id, zoe.registration.id, { actorUserId: staff.id })).cancelled).toBe(false)
  })

  test('moving someone to another workshop moves the seat; a full workshop is refused', async () => {
    const org = await makeOrganisation()
    const staff = await makeMember(org.id, 'organiser')
    const event = await makeEvent(org.id)
    const { slot, workshops } = await makeSlotWithWorkshops(event.id, [5, 1])
    const [a, b] = workshops as [(typeof workshops)[number], (typeof workshops)[number]]
    const one = await register(event.id, someone({ workshopIds: [a.id] }))
    const two = await register(event.id, someone({ workshopIds: [a.id] }))

    expect(await moveToWorkshops(event.id, one.registration.id, { [slot.id]: b.id }, { actorUserId: staff.id })).toEqual({ changed: true })
    const seats = async () =>
      (await prisma.workshop.findMany({ where: { eventId: event.id }, orderBy: { position: 'asc' } })).map((w) => w.seatsTaken)
    expect(await seats()).toEqual([1, 1])
    await expect(moveToWorkshops(event.id, two.registration.id, { [slot.id]: b.id }, { actorUserId: staff.id })).rejects.toMatchObject({
      code: 'workshop_full',
    })
    expect(await seats()).toEqual([1, 1])
    expect(await moveToWorkshops(event.id, one.registration.id, { [slot.id]: b.id }, { actorUserId: staff.id })).toEqual({ changed: false })
    // "No workshop" frees the seat.
    await moveToWorkshops(event.id, two.registration.id, { [slot.id]: '' }, { actorUserId: staff.id })
    expect(await seats()).toEqual([0, 1])
  })
})

describe('statistics', () => {
  test('confirmed and checked-in people per profile and per workshop, with the rate', async () => {
    const { event, workshops, helene, francois } = await eventWithPeople()
    await checkIn(event.id, { registrationId: helene.registration.id }, 'staff')
    await checkIn(event.id, { registrationId: francois.registration.id }, 'staff')
    const s = await stats(event.id)
    expect(s.totals).toMatchObject({ confirmed: 3, checkedIn: 2, waitlisted: 1, capacity: 3 })
    expect(s.totals.checkInRate).toBeCloseTo(2 / 3)
    expect(s.byProfile).toEqual([
      { profile: 'association', confirmed: 1, checkedIn: 1, checkInRate: 1 },
      { profile: 'cooperative', confirmed: 1, checkedIn: 0, checkInRate: 0 },
      { profile: 'collectivite', confirmed: 1, checkedIn: 1, checkInRate: 1 },
    ])
    expect(s.byWorkshop.map((w) => [w.workshopId, w.confirmed, w.checkedIn])).toEqual([
      [workshops[0]!.id, 2, 1],
      [workshops[1]!.id, 1, 1],
    ])
    expect(s.byDepartement).toEqual([
      { departement: '34', confirmed: 2, checkedIn: 2, checkInRate: 1 },
      { departement: '31', confirmed: 1, checkedIn: 0, checkInRate: 0 },
    ])
  })
})

describe('export', () => {
  test('the CSV holds the filtered registrations, one row each, with their workshop and answers', async () => {
    const { org, event, workshops } = await eventWithPeople()
    const question = await prisma.eventQuestion.create({ data: { eventId: event.id, label: 'Votre territoire', type: 'short_text' } })
    const staff = await makeMember(org.id, 'organiser')
    await addByHand(
      event.id,
      { ...someone({ firstName: 'Léa', lastName: 'Roux' }), answers: { [question.id]: 'Hérault' } },
      { actorUserId: staff.id, ignoreCapacity: true },
    )
    const full = await requireOrganisationEvent(org.id, event.id)

    const confirmed = exportCsv(full, await registrationsForExport(event.id, { status: 'confirmed' }), 'fr')
    const lines = confirmed.body.slice(1).trimEnd().split('\r\n')
    expect(lines[0]).toMatch(
      /^Nom;Prénom;E-mail;Structure;Type de structure;Département;Téléphone;Statut;Ateliers;.*;Votre territoire;Inscrit le;Émargé le$/,
    )
    expect(lines.slice(1).map((l) => l.split(';').slice(0, 2).join(' '))).toEqual([
      'Dupré Hélène',
      'Lefèvre François',
      'Martin Zoé',
      'Roux Léa',
    ])
    expect(lines.find((l) => l.startsWith('Dupré;'))).toContain(`;Confirmée;${workshops[0]!.title};`)
    expect(lines.find((l) => l.startsWith('Roux;'))).toContain(';Hérault;')
    expect(confirmed.filename).toMatch(new RegExp(`^${event.slug}-inscriptions-\\d{4}-\\d{2}-\\d{2}\\.csv$`))

    const everyone = exportCsv(full, await registrationsForExport(event.id), 'fr')
    expect(everyone.body.slice(1).trimEnd().split('\r\n')).toHaveLength(1 + 5)
    expect(everyone.body).toContain('Garcia;Ana;')
    expect(everyone.body).toContain(';Liste d’attente;')
  })
})

describe('the registrations page', () => {
  test('an organiser adds a person with the form; a bad submission comes back with field errors', async () => {
    const org = await makeOrganisation()
    const staff = await makeMember(org.id, 'organiser')
    const event = await makeEvent(org.id, { registrationClosesAt: new Date(Date.now() - 60_000) })
    const { slot, workshops } = await makeSlotWithWorkshops(event.id, [5])
    const { token } = await createSession(staff.id)
    const { action } = await import('#app/routes/organisers/o.$org.events.$eventId.registrations.tsx')
    const post = (fields: Record<string, string>) =>
      action({
        request: new Request(`http://localhost/o/${org.slug}/events/${event.id}/registrations?status=confirmed`, {
          method: 'POST',
          headers: { cookie: `essor_session=${token}` },
          body: new URLSearchParams(fields),
        }),
        params: { org: org.slug, eventId: event.id },
        context: {},
      })
    const fields = {
      intent: 'add',
      firstName: 'Aurélie',
      lastName: 'Vidal',
      email: 'aurelie.vidal@example.org',
      organisation: 'Régie de quartier',
      organisationType: 'association',
      [`workshop.${slot.id}`]: workshops[0]!.id,
      personLocale: 'en',
      consent: 'on',
    }

    const bad = (await post({ ...fields, email: 'not-an-email' })) as unknown as {
      data: { intent: string; result: { error?: Record<string, string[] | null> } }
      init: ResponseInit
    }
    expect(bad.init.status).toBe(400)
    expect(bad.data.intent).toBe('add')
    expect(bad.data.result.error?.email).toEqual(['register.error.email'])
    expect(await prisma.registration.count({ where: { eventId: event.id } })).toBe(0)

    const ok = (await post(fields)) as Response
    expect(ok.status).toBe(302)
    // Back to the list as it was filtered.
    expect(ok.headers.get('location')).toBe(`/o/${org.slug}/events/${event.id}/registrations?status=confirmed`)
    const added = await prisma.registration.findFirstOrThrow({ where: { eventId: event.id }, include: { workshops: true } })
    expect(added).toMatchObject({ source: 'manual', status: 'confirmed', locale: 'en', organisationName: 'Régie de quartier' })
    expect(added.workshops.map((w) => w.workshopId)).toEqual([workshops[0]!.id])
  })
})

describe('the routes’ role guard', () => {
  async function call(
    module: { loader: (args: LoaderFunctionArgs) => Promise<unknown> },
    url: string,
    params: Record<string, string>,
    userId?: string,
  ) {
    const headers = new Headers()
    if (userId) headers.set('cookie', `essor_session=${(await createSession(userId)).token}`)
    try {
      const result = await module.loader({ request: new Request(url, { headers }), params, context: {} })
      return result instanceof Response ? result.status : 200
    } catch (thrown) {
      if (thrown instanceof Response) return thrown.status
      throw thrown
    }
  }

  test('check-in staff may check people in but not see, export or count the registrations', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id)
    const checkinStaff = await makeMember(org.id, 'checkin')
    const organiser = await makeMember(org.id, 'organiser')
    const outsider = await makeMember((await makeOrganisation()).id, 'admin')
    const params = { org: org.slug, eventId: event.id }
    const base = `http://localhost/o/${org.slug}/events/${event.id}`

    const registrations = await import('#app/routes/organisers/o.$org.events.$eventId.registrations.tsx')
    const csv = await import('#app/routes/organisers/o.$org.events.$eventId.registrations[.]csv.ts')
    const xlsx = await import('#app/routes/organisers/o.$org.events.$eventId.registrations[.]xlsx.ts')
    const statistics = await import('#app/routes/organisers/o.$org.events.$eventId.stats.tsx')
    const checkin = await import('#app/routes/organisers/o.$org.events.$eventId.checkin.tsx')

    expect(await call(registrations, `${base}/registrations`, params, checkinStaff.id)).toBe(403)
    expect(await call(csv, `${base}/registrations.csv`, params, checkinStaff.id)).toBe(403)
    expect(await call(xlsx, `${base}/registrations.xlsx`, params, checkinStaff.id)).toBe(403)
    expect(await call(statistics, `${base}/stats`, params, checkinStaff.id)).toBe(403)
    expect(await call(checkin, `${base}/checkin`, params, checkinStaff.id)).toBe(200)

    expect(await call(registrations, `${base}/registrations`, params, organiser.id)).toBe(200)
    expect(await call(csv, `${base}/registrations.csv`, params, organiser.id)).toBe(200)
    // The download is in the audit trail; the refused ones are not.
    const exports = await prisma.auditLog.findMany({ where: { action: 'registration.export', entityId: event.id } })
    expect(exports.map((e) => [e.actorUserId, JSON.parse(e.details ?? '{}').format])).toEqual([[organiser.id, 'csv']])
    expect(await call(registrations, `${base}/registrations`, params, outsider.id)).toBe(403)
    // Signed out: to the sign-in page.
    expect(await call(registrations, `${base}/registrations`, params)).toBe(302)
    // An event of another organisation is not found, even for its organisers' colleagues.
    const foreign = await makeEvent((await makeOrganisation()).id)
    expect(await call(registrations, `${base}/registrations`, { ...params, eventId: foreign.id }, organiser.id)).toBe(404)
    expect(await call(checkin, `${base}/checkin`, { ...params, eventId: foreign.id }, checkinStaff.id)).toBe(404)
  })
})
