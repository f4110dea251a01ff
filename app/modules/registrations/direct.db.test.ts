// The direct registration path (direct.server.ts) against register()'s Prisma path: the same
// rows, the same emails, the same seat rule, and every case it does not handle goes back to
// register(). Runs on SQLite and on PostgreSQL (the PostgreSQL path is a single statement).
import { register } from '#app/composition/registrations.server.ts'
import { describe, expect, test } from 'vitest'
import { dbTarget, prisma } from '#app/db.server.ts'
import { generateToken } from '#app/modules/auth/session.server.ts'
import { isAppError } from '#app/utils/errors.ts'
import { makeEvent, makeOrganisation, person } from '#tests/support/factories.ts'
import { registerDirect } from './direct.server.ts'
import { manageUrlFor } from './new-registration.server.ts'

function context(email: string) {
  const manageToken = generateToken()
  return { now: new Date(), email, manageToken, manageUrl: manageUrlFor(manageToken), source: 'form' }
}

/**
 * SQLite keeps dates as text: the stored format, digits replaced, must be Prisma's. PostgreSQL's
 * columns are typed (the values read back are compared below).
 */
async function storedDateFormat(registrationId: string) {
  if (dbTarget.provider === 'postgresql') return 'timestamp'
  const [row] = await prisma.$queryRaw<
    { consentAt: string }[]
  >`SELECT CAST("consentAt" AS TEXT) AS "consentAt" FROM "Registration" WHERE "id" = ${registrationId}`
  return row!.consentAt.replace(/\d/g, 'd')
}

const IGNORED = [
  'id',
  'firstName',
  'email',
  'searchText',
  'manageTokenHash',
  'ticketCode',
  'consentAt',
  'waitlistedAt',
  'createdAt',
  'updatedAt',
]
function comparable(row: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !IGNORED.includes(key)))
}

describe(`direct registration path (${dbTarget.provider})`, () => {
  test('writes the same registration and email as the Prisma path, for a seat and for the waiting list', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 2 })
    // ignoreWindow sends register() through Prisma without changing what it writes here; without
    // it, register() takes the direct path.
    const confirmed = [await register(event.id, person(), { ignoreWindow: true }), await register(event.id, person({ locale: 'en' }))]
    const direct = await registerDirect(event.id, person({ locale: 'en' }), context(`direct.${Date.now()}@example.org`))
    expect(confirmed.map((r) => r.outcome)).toEqual(['confirmed', 'confirmed'])
    expect(direct?.outcome).toBe('waitlisted')
    const waitlistedViaPrisma = await register(event.id, person(), { ignoreWindow: true })
    expect(waitlistedViaPrisma.outcome).toBe('waitlisted')

    const rows = await prisma.registration.findMany({ where: { eventId: event.id }, orderBy: { createdAt: 'asc' } })
    const byId = new Map(rows.map((r) => [r.id, r]))
    const confirmedPrisma = byId.get(confirmed[0]!.registration.id)!
    const confirmedDirect = byId.get(confirmed[1]!.registration.id)!
    const waitlistedDirect = byId.get(direct!.registration.id)!
    const waitlistedPrisma = byId.get(waitlistedViaPrisma.registration.id)!
    expect(comparable(confirmedDirect)).toEqual({ ...comparable(confirmedPrisma), locale: 'en' })
    expect(comparable(waitlistedDirect)).toEqual({ ...comparable(waitlistedPrisma), locale: 'en' })
    // The instant itself, whatever the server's time zone (PostgreSQL's columns have none).
    expect(Math.abs(waitlistedDirect.consentAt.getTime() - confirmedPrisma.consentAt.getTime())).toBeLessThan(60_000)
    expect(waitlistedDirect.waitlistedAt?.getTime()).toBe(waitlistedDirect.consentAt.getTime())
    expect(confirmedDirect.waitlistedAt).toBeNull()
    expect(await storedDateFormat(confirmedDirect.id)).toBe(await storedDateFormat(confirmedPrisma.id))
    expect(await storedDateFormat(waitlistedDirect.id)).toBe(await storedDateFormat(waitlistedPrisma.id))
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(2)

    const emails = await prisma.emailMessage.findMany({ where: { category: `event:${event.id}` }, orderBy: { createdAt: 'asc' } })
    const emailTo = (email: string) => emails.find((m) => m.toAddress === email)!
    const templates = (ids: string[]) => ids.map((id) => emailTo(byId.get(id)!.email).template)
    expect(templates([confirmedPrisma.id, confirmedDirect.id, waitlistedDirect.id, waitlistedPrisma.id])).toEqual([
      'registration-confirmed',
      'registration-confirmed',
      'registration-waitlisted',
      'registration-waitlisted',
    ])
    const direct_ = emailTo(waitlistedDirect.email)
    const prisma_ = emailTo(waitlistedPrisma.email)
    expect({
      ...direct_,
      id: '',
      messageId: '',
      toAddress: '',
      toName: '',
      locale: 'fr',
      payload: '',
      createdAt: null,
      nextAttemptAt: null,
    }).toEqual({
      ...prisma_,
      id: '',
      messageId: '',
      toAddress: '',
      toName: '',
      payload: '',
      createdAt: null,
      nextAttemptAt: null,
    })
    const payload = JSON.parse(direct_.payload) as { ticketCode: string; registrationId: string; manageUrl: string }
    expect(payload.registrationId).toBe(waitlistedDirect.id)
    expect(payload.ticketCode).toBe(waitlistedDirect.ticketCode)
    expect(payload.manageUrl).toBe(direct!.manageUrl)
    expect(Object.keys(payload).sort()).toEqual(Object.keys(JSON.parse(prisma_.payload) as object).sort())
  })

  test('leaves to register() what it does not handle: a known email, tickets, applications, invitations, a closed window', async () => {
    const org = await makeOrganisation()
    const open = await makeEvent(org.id)
    const known = person()
    await register(open.id, known)
    const cases = [
      { eventId: open.id, email: known.email },
      { eventId: (await makeEvent(org.id, { visibility: 'invitation' })).id },
      { eventId: (await makeEvent(org.id, { registrationClosesAt: new Date(Date.now() - 60_000) })).id },
      { eventId: (await makeEvent(org.id, { status: 'draft' })).id },
      { eventId: 'no-such-event' },
    ]
    const applications = await makeEvent(org.id)
    await prisma.event.update({ where: { id: applications.id }, data: { requiresApplication: true } })
    const paid = await makeEvent(org.id)
    await prisma.ticketType.create({ data: { eventId: paid.id, name: 'Plein tarif', kind: 'paid', priceCents: 4500 } })
    cases.push({ eventId: applications.id }, { eventId: paid.id })
    for (const c of cases) {
      const p = person(c.email ? { email: c.email } : {})
      expect(await registerDirect(c.eventId, p, context(p.email.toLowerCase()))).toBeNull()
    }
    expect(await prisma.registration.count({ where: { event: { organisationId: org.id } } })).toBe(1)
    expect(await prisma.emailMessage.count({ where: { organisationId: org.id } })).toBe(1)
  })

  test('a full event without a waiting list refuses and writes nothing', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 3, waitlistEnabled: false })
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => register(event.id, person())))
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]
    expect(refused).toHaveLength(9)
    expect(refused.every((r) => isAppError(r.reason) && r.reason.code === 'event_full')).toBe(true)
    expect(await prisma.registration.count({ where: { eventId: event.id } })).toBe(3)
    expect(await prisma.emailMessage.count({ where: { category: `event:${event.id}` } })).toBe(3)
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(3)
  })

  test('after the database was disconnected, the next registration connects again', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 5 })
    await prisma.$disconnect()
    const email = `after.disconnect.${Date.now()}@example.org`
    const result = await registerDirect(event.id, person(), context(email))
    expect(result?.outcome).toBe('confirmed')
    expect(await prisma.registration.findFirst({ where: { eventId: event.id, email }, select: { status: true } })).toEqual({
      status: 'confirmed',
    })
  })

  test('the same email twenty times at once: one registration, one seat, the others get their link again', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 50 })
    const same = person()
    const results = await Promise.all(Array.from({ length: 20 }, () => register(event.id, { ...same })))
    expect(results.filter((r) => r.outcome === 'confirmed')).toHaveLength(1)
    expect(results.filter((r) => r.outcome === 'duplicate')).toHaveLength(19)
    expect(await prisma.registration.count({ where: { eventId: event.id } })).toBe(1)
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(1)
    const templates = (await prisma.emailMessage.findMany({ where: { category: `event:${event.id}` } })).map((m) => m.template)
    expect(templates.filter((t) => t === 'registration-confirmed')).toHaveLength(1)
    expect(templates.filter((t) => t === 'registration-link')).toHaveLength(19)
  })
})
