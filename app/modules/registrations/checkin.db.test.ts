// Check-in at the door against a real database (SQLite and PostgreSQL): once per ticket, under
// concurrency too, never for a registration without a confirmed seat; and the check-in page's
// action as staff use it.
import { cancelRegistration, register } from '#app/composition/registrations.server.ts'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { createSession } from '#app/modules/auth/session.server.ts'
import { makeEvent, makeMember, makeOrganisation, person } from '#tests/support/factories.ts'
import { checkInCounter, searchForCheckIn } from './admin.server.ts'
import { checkIn } from './service.server.ts'

async function confirmedTicket(overrides: Parameters<typeof person>[0] = {}) {
  const org = await makeOrganisation()
  const event = await makeEvent(org.id, { capacity: 50 })
  const result = await register(event.id, person(overrides))
  const registration = await prisma.registration.findUniqueOrThrow({ where: { id: result.registration.id } })
  return { org, event, registration }
}

describe('check-in', () => {
  test('a second check-in is refused with the time of the first, by code or by name', async () => {
    const { event, registration } = await confirmedTicket()
    const first = new Date('2026-11-29T08:05:00Z')
    expect(await checkIn(event.id, { ticketCode: registration.ticketCode }, 'staff-a', first)).toMatchObject({
      ok: true,
      checkedInAt: first,
    })

    const byCode = await checkIn(event.id, { ticketCode: registration.ticketCode }, 'staff-b', new Date('2026-11-29T09:00:00Z'))
    expect(byCode).toMatchObject({ ok: false, reason: 'already', checkedInAt: first })
    const byName = await checkIn(event.id, { registrationId: registration.id }, 'staff-b')
    expect(byName).toMatchObject({ ok: false, reason: 'already', checkedInAt: first })

    const stored = await prisma.registration.findUniqueOrThrow({ where: { id: registration.id } })
    expect(stored.checkedInAt).toEqual(first)
    expect(stored.checkedInBy).toBe('staff-a')
  })

  test('20 staff checking the same ticket at once: exactly one succeeds', async () => {
    const { event, registration } = await confirmedTicket()
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        checkIn(event.id, { ticketCode: registration.ticketCode }, `staff-${i}`, new Date(Date.UTC(2026, 10, 29, 8, 0, i))),
      ),
    )
    const winners = results.filter((r) => r.ok)
    expect(winners).toHaveLength(1)
    const stored = await prisma.registration.findUniqueOrThrow({ where: { id: registration.id } })
    // Every loser is told the winner's time.
    for (const r of results.filter((r) => !r.ok)) expect(r).toMatchObject({ reason: 'already', checkedInAt: stored.checkedInAt })
    expect(winners[0]!.ok && winners[0]!.checkedInAt).toEqual(stored.checkedInAt)
    expect(await checkInCounter(event.id)).toEqual({ confirmed: 1, checkedIn: 1 })
  })

  test('a cancelled or waiting registration is refused; an unknown or foreign ticket is not found', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 1 })
    const seated = await register(event.id, person())
    const waiting = await register(event.id, person())
    expect(waiting.outcome).toBe('waitlisted')
    await cancelRegistration(seated.registration.id, { reason: 'organiser', notify: false })
    // The freed seat went to the waiting person as an offer, not yet a confirmed seat.
    const cancelled = await prisma.registration.findUniqueOrThrow({ where: { id: seated.registration.id } })
    const offered = await prisma.registration.findUniqueOrThrow({ where: { id: waiting.registration.id } })
    expect(offered.status).toBe('offered')

    expect(await checkIn(event.id, { ticketCode: cancelled.ticketCode }, 'staff')).toMatchObject({
      ok: false,
      reason: 'not_confirmed',
      registration: { status: 'cancelled' },
    })
    expect(await checkIn(event.id, { registrationId: offered.id }, 'staff')).toMatchObject({ ok: false, reason: 'not_confirmed' })
    expect(await checkIn(event.id, { ticketCode: 'ZZZZZZZZZZ' }, 'staff')).toMatchObject({ ok: false, reason: 'not_found' })
    const elsewhere = await makeEvent(org.id)
    expect(await checkIn(elsewhere.id, { registrationId: offered.id }, 'staff')).toMatchObject({ ok: false, reason: 'not_found' })
    expect(await prisma.registration.count({ where: { eventId: event.id, checkedInAt: { not: null } } })).toBe(0)
  })

  test('staff find people by an accentless name; confirmed people first', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 1 })
    await register(event.id, { ...person({ firstName: 'Jérôme' }), lastName: 'Bénard' })
    await register(event.id, { ...person({ firstName: 'Jérémie' }), lastName: 'Bénard' })
    const found = await searchForCheckIn(event.id, 'benard')
    expect(found.map((r) => [r.firstName, r.status])).toEqual([
      ['Jérôme', 'confirmed'],
      ['Jérémie', 'waitlisted'],
    ])
    expect(await searchForCheckIn(event.id, 'jerome benard')).toHaveLength(1)
    // One letter would list everybody: staff must type more.
    expect(await searchForCheckIn(event.id, 'b')).toEqual([])
  })
})

describe('the check-in page', () => {
  test('a checkin-role member checks a typed ticket in once; the second answer carries the first time', async () => {
    const { org, event, registration } = await confirmedTicket()
    const staff = await makeMember(org.id, 'checkin')
    const { token } = await createSession(staff.id)
    const { action } = await import('#app/routes/organisers/o.$org.events.$eventId.checkin.tsx')
    const post = async (fields: Record<string, string>) => {
      const request = new Request(`http://localhost/o/${org.slug}/events/${event.id}/checkin`, {
        method: 'POST',
        headers: { cookie: `essor_session=${token}` },
        body: new URLSearchParams(fields),
      })
      const result = (await action({ request, params: { org: org.slug, eventId: event.id }, context: {} })) as unknown as {
        data: { ok: boolean; reason?: string; name?: string; at?: string | null }
        init: ResponseInit | null
      }
      return { ...result.data, status: result.init?.status ?? 200 }
    }
    // As staff type it: lower case, with a space.
    const code = `${registration.ticketCode.slice(0, 5)} ${registration.ticketCode.slice(5)}`.toLowerCase()
    const first = await post({ intent: 'checkin', ticketCode: code })
    expect(first).toMatchObject({ ok: true, status: 200, name: `${registration.firstName} ${registration.lastName}` })
    const second = await post({ intent: 'checkin', ticketCode: registration.ticketCode })
    expect(second).toMatchObject({ ok: false, reason: 'already', status: 409, at: first.at })
    expect(await post({ intent: 'checkin', ticketCode: 'NOPE' })).toMatchObject({ ok: false, reason: 'not_found', status: 404 })
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: registration.id } })).checkedInBy).toBe(staff.id)
  })
})
