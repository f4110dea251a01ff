// Selective admission against a real database (SQLite and PostgreSQL): applications take no
// seat, acceptances never go beyond capacity (in bulk, and when two organisers decide at once),
// each decision is emailed once in the candidate's language, and the API shows the statuses.
import { cancelRegistration, register } from '#app/composition/registrations.server.ts'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import type { ApiAuth } from '#app/api/events.server.ts'
import { listRegistrationsForApi, registrationForApi } from '#app/api/registrations.server.ts'
import { makeEvent, makeMember, makeOrganisation, person } from '#tests/support/factories.ts'
import type { ProjectInput } from './schema.ts'
import { commentApplication, decide, getApplication, listApplications, rateApplication } from './service.server.ts'

const NAMES = ['Recyclerie solidaire', 'Tiers-lieu nourricier', 'Épicerie itinérante']
const project = (n = 0): ProjectInput => ({
  projectName: `${NAMES[n % NAMES.length]} ${n}`,
  projectStage: 'creation',
  projectDescription: 'Une recyclerie qui forme des personnes éloignées de l’emploi.',
  projectTerritory: 'Narbonne (11)',
  projectNeeds: 'Modèle économique',
})

async function applicationEvent(capacity: number | null) {
  const org = await makeOrganisation()
  const event = await makeEvent(org.id, { capacity })
  await prisma.event.update({ where: { id: event.id }, data: { requiresApplication: true } })
  currentEvent = event.id
  const organiser = await makeMember(org.id, 'organiser')
  const other = await makeMember(org.id, 'organiser')
  return { org, event, organiser, other }
}

async function apply(eventId: string, n: number, locale: 'fr' | 'en' = 'fr') {
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const r = await register(eventId, { ...person({ locale }), project: project(i) })
    expect(r.outcome).toBe('applied')
    ids.push(r.registration.id)
  }
  return ids
}

const seatsTaken = async (eventId: string) => (await prisma.event.findUniqueOrThrow({ where: { id: eventId } })).seatsTaken
const statusOf = async (id: string) => (await prisma.registration.findUniqueOrThrow({ where: { id } })).status
// The test file shares one database: emails are counted per event.
let currentEvent = ''
const emails = (template: string, where: object = {}) =>
  prisma.emailMessage.findMany({ where: { template, category: `event:${currentEvent}`, ...where } })

describe('applying', () => {
  test('an application takes no seat, stores the project and emails "application received"', async () => {
    const { event } = await applicationEvent(2)
    const p = person({ locale: 'en' })
    const r = await register(event.id, { ...p, project: project() })
    expect(r.outcome).toBe('applied')
    const row = await prisma.registration.findUniqueOrThrow({ where: { id: r.registration.id } })
    expect(row).toMatchObject({
      status: 'applied',
      projectName: 'Recyclerie solidaire 0',
      projectStage: 'creation',
      projectTerritory: 'Narbonne (11)',
      waitlistedAt: null,
    })
    expect(await seatsTaken(event.id)).toBe(0)
    const [mail] = await emails('application-received', { toAddress: p.email })
    expect(mail?.locale).toBe('en')
    expect(await emails('registration-confirmed')).toHaveLength(0)
  })

  test('an event that requires an application refuses a registration without a project', async () => {
    const { event } = await applicationEvent(2)
    await expect(register(event.id, person())).rejects.toMatchObject({ status: 422, code: 'application_required' })
    expect(await prisma.registration.count({ where: { eventId: event.id } })).toBe(0)
  })
})

describe('deciding', () => {
  test('accepting takes a seat and sends the confirmation with the personal message; refusing takes none', async () => {
    const { event, organiser } = await applicationEvent(5)
    const [a, b] = await apply(event.id, 2)
    const accepted = await decide(event.id, [a!], 'accept', { actorUserId: organiser.id, message: 'Bienvenue dans la promotion !' })
    expect(accepted.summary.accepted).toBe(1)
    expect(await statusOf(a!)).toBe('confirmed')
    expect(await seatsTaken(event.id)).toBe(1)
    const [confirmation] = await emails('registration-confirmed')
    expect(JSON.parse(confirmation!.payload)).toMatchObject({ message: 'Bienvenue dans la promotion !', registrationId: a })

    const refused = await decide(event.id, [b!], 'refuse', { actorUserId: organiser.id, message: 'Projet trop tôt.' })
    expect(refused.summary.refused).toBe(1)
    expect(await statusOf(b!)).toBe('refused')
    expect(await seatsTaken(event.id)).toBe(1)
    expect(await emails('application-refused')).toHaveLength(1)
    const row = await prisma.registration.findUniqueOrThrow({ where: { id: b! } })
    expect(row).toMatchObject({ decidedByUserId: organiser.id, decisionMessage: 'Projet trop tôt.' })
    expect(await prisma.auditLog.count({ where: { action: 'application.decide', entityId: { in: [a!, b!] } } })).toBe(2)
    // Refused is final.
    expect((await decide(event.id, [b!], 'accept', { actorUserId: organiser.id })).summary.already_decided).toBe(1)
    expect(await seatsTaken(event.id)).toBe(1)
  })

  test('bulk acceptance of 10 with 4 free seats accepts exactly the first 4, in order, and reports the 6 others', async () => {
    const { event, organiser } = await applicationEvent(5)
    const ids = await apply(event.id, 11)
    await decide(event.id, [ids[10]!], 'accept', { actorUserId: organiser.id })
    const chosen = ids.slice(0, 10).reverse()
    const { results, summary } = await decide(event.id, chosen, 'accept', { actorUserId: organiser.id })
    expect(summary).toMatchObject({ accepted: 4, no_seat: 6 })
    expect(results.filter((r) => r.outcome === 'accepted').map((r) => r.id)).toEqual(chosen.slice(0, 4))
    expect(await seatsTaken(event.id)).toBe(5)
    for (const id of chosen.slice(4)) expect(await statusOf(id)).toBe('applied')
    expect(await emails('registration-confirmed')).toHaveLength(5)
  })

  test('the applications left without a seat can go on the waiting list, and a freed seat is offered to them', async () => {
    const { event, organiser } = await applicationEvent(2)
    const ids = await apply(event.id, 4)
    const { summary } = await decide(event.id, ids, 'accept', { actorUserId: organiser.id, waitlistRest: true, message: 'Merci !' })
    expect(summary).toMatchObject({ accepted: 2, waitlisted: 2 })
    expect(await emails('application-waitlisted')).toHaveLength(2)
    // A confirmed participant withdraws: the first on the waiting list is offered the seat.
    await cancelRegistration(ids[0]!, { reason: 'attendee' })
    expect(await statusOf(ids[2]!)).toBe('offered')
    expect(await statusOf(ids[3]!)).toBe('waitlisted')
    expect(await seatsTaken(event.id)).toBe(2)
  })

  test('two organisers accepting overlapping sets at once never exceed capacity nor email twice', async () => {
    const { event, organiser, other } = await applicationEvent(3)
    const ids = await apply(event.id, 6)
    const [first, second] = await Promise.all([
      decide(event.id, ids.slice(0, 4), 'accept', { actorUserId: organiser.id }),
      decide(event.id, ids.slice(2, 6), 'accept', { actorUserId: other.id }),
    ])
    expect(first.summary.accepted + second.summary.accepted).toBe(3)
    expect(await seatsTaken(event.id)).toBe(3)
    expect(await prisma.registration.count({ where: { eventId: event.id, status: 'confirmed' } })).toBe(3)
    const confirmations = await emails('registration-confirmed')
    expect(confirmations).toHaveLength(3)
    expect(new Set(confirmations.map((m) => m.toAddress)).size).toBe(3)
    // The overlap (ids 2 and 3) was decided once: the later batch found it decided or full.
    for (const id of ids.slice(2, 4)) {
      const outcomes = [...first.results, ...second.results].filter((r) => r.id === id).map((r) => r.outcome)
      expect(outcomes.filter((o) => o === 'accepted').length).toBeLessThanOrEqual(1)
    }
  })

  test('two organisers deciding the same application differently: one wins, the other is told it is decided', async () => {
    const { event, organiser, other } = await applicationEvent(3)
    const [id] = await apply(event.id, 1)
    const [a, b] = await Promise.all([
      decide(event.id, [id!], 'accept', { actorUserId: organiser.id }),
      decide(event.id, [id!], 'refuse', { actorUserId: other.id }),
    ])
    const outcomes = [a.results[0]!.outcome, b.results[0]!.outcome]
    expect(outcomes.filter((o) => o === 'already_decided')).toHaveLength(1)
    expect(outcomes.filter((o) => o === 'accepted' || o === 'refused')).toHaveLength(1)
    expect(await seatsTaken(event.id)).toBe((await statusOf(id!)) === 'confirmed' ? 1 : 0)
    expect((await emails('registration-confirmed')).length + (await emails('application-refused')).length).toBe(1)
  })

  test('decisions are emailed in each candidate’s language', async () => {
    const { event, organiser } = await applicationEvent(1)
    const [fr] = await apply(event.id, 1, 'fr')
    const [en] = await apply(event.id, 1, 'en')
    const [en2] = await apply(event.id, 1, 'en')
    await decide(event.id, [fr!, en!], 'accept', { actorUserId: organiser.id, waitlistRest: true })
    await decide(event.id, [en2!], 'refuse', { actorUserId: organiser.id })
    const rows = await prisma.emailMessage.findMany({
      where: {
        category: `event:${event.id}`,
        template: { in: ['registration-confirmed', 'application-waitlisted', 'application-refused'] },
      },
    })
    const byTemplate = Object.fromEntries(rows.map((m) => [m.template, m.locale]))
    expect(byTemplate).toEqual({ 'registration-confirmed': 'fr', 'application-waitlisted': 'en', 'application-refused': 'en' })
  })
})

describe('review', () => {
  test('list with filters and counts, rating and internal comments', async () => {
    const { org, event, organiser } = await applicationEvent(10)
    const ids = await apply(event.id, 3)
    await rateApplication(event.id, ids[0]!, 5, { userId: organiser.id, organisationId: org.id })
    await rateApplication(event.id, ids[1]!, 2, { userId: organiser.id, organisationId: org.id })
    await commentApplication(event.id, ids[0]!, 'Très solide, équipe complète.', { userId: organiser.id, organisationId: org.id })
    await decide(event.id, [ids[2]!], 'refuse', { actorUserId: organiser.id })

    const all = await listApplications(event.id)
    expect(all.counts).toMatchObject({ all: 3, applied: 2, refused: 1 })
    expect(all.seatsLeft).toBe(10)
    expect((await listApplications(event.id, { rating: '4' })).rows.map((r) => r.id)).toEqual([ids[0]])
    expect((await listApplications(event.id, { status: 'applied' })).rows).toHaveLength(2)
    expect((await listApplications(event.id, { rating: 'none' })).rows.map((r) => r.id)).toEqual([ids[2]])
    expect((await listApplications(event.id, { q: 'tiers-lieu nourricier' })).rows.map((r) => r.id)).toEqual([ids[1]])

    const one = await getApplication(event.id, ids[0]!)
    expect(one?.rating).toBe(5)
    expect(one?.comments.map((c) => c.body)).toEqual(['Très solide, équipe complète.'])
    // Another event's id does not reach this application.
    const { event: elsewhere } = await applicationEvent(1)
    expect(await getApplication(elsewhere.id, ids[0]!)).toBeNull()
    await expect(rateApplication(elsewhere.id, ids[0]!, 3, { userId: organiser.id, organisationId: org.id })).rejects.toMatchObject({
      status: 404,
    })
  })

  test('the API shows applied and refused, and filters on them', async () => {
    const { org, event, organiser } = await applicationEvent(10)
    const ids = await apply(event.id, 2)
    await decide(event.id, [ids[1]!], 'refuse', { actorUserId: organiser.id })
    const auth = { organisation: org, user: { id: organiser.id } } as unknown as ApiAuth
    expect((await registrationForApi(auth, ids[0]!)).status).toBe('applied')
    expect((await registrationForApi(auth, ids[1]!)).status).toBe('refused')
    const applied = await listRegistrationsForApi(auth, event.slug, new URLSearchParams({ status: 'applied' }), 'fr')
    expect(applied.registrations.map((r) => r.id)).toEqual([ids[0]])
    const refused = await listRegistrationsForApi(auth, event.slug, new URLSearchParams({ status: 'refused' }), 'fr')
    expect(refused.registrations.map((r) => r.id)).toEqual([ids[1]])
  })
})
