// A rush: hundreds of parallel registrations for a small event and its workshops.
// Never oversold, nobody lost: every request ends confirmed, waitlisted or refused with a reason.
import { cancelRegistration, register } from '#app/composition/registrations.server.ts'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { isAppError } from '#app/utils/errors.ts'
import { makeEvent, makeOrganisation, makeSlotWithWorkshops, person } from '#tests/support/factories.ts'

describe('concurrent rush', () => {
  test('300 parallel registrations for 40 seats: 40 confirmed, 260 waitlisted, counters exact', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 40 })
    const results = await Promise.allSettled(Array.from({ length: 300 }, () => register(event.id, person())))
    const rejected = results.filter((r) => r.status === 'rejected')
    expect(rejected).toEqual([])
    const outcomes = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof register>>>).value.outcome)
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(40)
    expect(outcomes.filter((o) => o === 'waitlisted')).toHaveLength(260)
    expect(await prisma.registration.count({ where: { eventId: event.id, status: 'confirmed' } })).toBe(40)
    expect(await prisma.registration.count({ where: { eventId: event.id } })).toBe(300)
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(40)
    expect(await prisma.emailMessage.count({ where: { category: `event:${event.id}` } })).toBe(300)
  })

  test('workshops under a rush: each full workshop refuses cleanly and nothing leaks', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 100, waitlistEnabled: false })
    const { workshops } = await makeSlotWithWorkshops(event.id, [5, 8])
    const [small, medium] = workshops as [(typeof workshops)[0], (typeof workshops)[0]]
    const results = await Promise.allSettled(
      Array.from({ length: 120 }, (_, i) => register(event.id, person({ workshopIds: [i % 2 === 0 ? small.id : medium.id] }))),
    )
    const ok = results.filter((r) => r.status === 'fulfilled')
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]
    expect(refused.every((r) => isAppError(r.reason) && r.reason.code === 'workshop_full')).toBe(true)
    expect(ok).toHaveLength(13)
    const fresh = await prisma.workshop.findMany({ where: { eventId: event.id }, include: { _count: { select: { choices: true } } } })
    for (const w of fresh) {
      expect(w.seatsTaken).toBe(w._count.choices)
      expect(w.seatsTaken).toBeLessThanOrEqual(w.capacity!)
    }
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(13)
    expect(await prisma.registration.count({ where: { eventId: event.id } })).toBe(13)
  })

  test('cancellations and registrations racing never exceed the capacity', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 20 })
    const first = await Promise.all(Array.from({ length: 30 }, () => register(event.id, person())))
    const confirmed = first.filter((r) => r.outcome === 'confirmed')
    await Promise.all([
      ...confirmed.slice(0, 10).map((r) => cancelRegistration(r.registration.id, { reason: 'attendee' })),
      ...Array.from({ length: 30 }, () => register(event.id, person())),
    ])
    const holding = await prisma.registration.count({ where: { eventId: event.id, status: { in: ['confirmed', 'offered'] } } })
    const ev = await prisma.event.findUniqueOrThrow({ where: { id: event.id } })
    expect(holding).toBe(ev.seatsTaken)
    expect(holding).toBeLessThanOrEqual(20)
    expect(await prisma.registration.count({ where: { eventId: event.id } })).toBe(60)
  })
})
