// The demo events: seat counters equal the seat-holding registrations, no capacity is exceeded,
// loading twice changes nothing, and no demo email reaches the outbox.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { formatTime } from '#app/shared/time.ts'
import { seedDemoData } from '../../prisma/seed.ts'
import { demoEvents, seedDemoEvents } from '../../prisma/seed/events.ts'

const SEAT_HOLDING = ['confirmed', 'offered']

describe('demo events', () => {
  test('times are Paris wall-clock times, summer or winter: an October morning starts at 9:00', () => {
    const blois = demoEvents.find((e) => e.slug === 'rencontre-ess-epci-blois-2026')!
    // 15 October 2026 is summer time (UTC+2): 09:00 in Paris is 07:00 UTC.
    expect(new Date(blois.startsAt).toISOString()).toBe('2026-10-15T07:00:00.000Z')
    expect(formatTime('fr', blois.startsAt)).toBe('09:00')
    for (const event of demoEvents) {
      expect(new Date(event.startsAt).getUTCMinutes(), event.slug).toBe(0)
      expect(Number(formatTime('fr', event.startsAt).slice(0, 2)), event.slug).toBeGreaterThanOrEqual(8)
    }
  })

  test('load once, with counters equal to the registrations and within every capacity', async () => {
    // seedDemoData may already load the events (once the lead wires it in); either way they are there after this.
    await seedDemoData(prisma)
    const emailsBefore = await prisma.emailMessage.count()
    await seedDemoEvents(prisma)

    // The demo paid conference (prisma/seed/payments.ts) has its own test: seed-payments.test.ts.
    const events = await prisma.event.findMany({
      where: { slug: { not: 'rencontres-ess-occitanie-toulouse' } },
      include: { workshops: true, slots: true, questions: true },
    })
    expect(events.map((e) => e.slug).sort()).toEqual(demoEvents.map((e) => e.slug).sort())
    expect(await prisma.emailMessage.count()).toBe(emailsBefore)

    const total = await prisma.registration.count()
    expect(total).toBeGreaterThanOrEqual(300)

    for (const event of events) {
      const holding = await prisma.registration.count({ where: { eventId: event.id, status: { in: SEAT_HOLDING } } })
      expect(event.seatsTaken, event.slug).toBe(holding)
      if (event.capacity !== null) expect(event.seatsTaken, event.slug).toBeLessThanOrEqual(event.capacity)
      expect(event.slots.length, event.slug).toBeGreaterThan(0)
      expect(event.questions.length, event.slug).toBeGreaterThan(0)
      for (const workshop of event.workshops) {
        const taken = await prisma.registrationWorkshop.count({
          where: { workshopId: workshop.id, registration: { status: { in: SEAT_HOLDING } } },
        })
        expect(workshop.seatsTaken, workshop.title).toBe(taken)
        if (workshop.capacity !== null) expect(workshop.seatsTaken, workshop.title).toBeLessThanOrEqual(workshop.capacity)
      }
      // Choices belong to seat holders only, in a slot of the workshop's own event.
      const stray = await prisma.registrationWorkshop.count({
        where: { registration: { eventId: event.id, status: { notIn: SEAT_HOLDING } } },
      })
      expect(stray, event.slug).toBe(0)
      const choices = await prisma.registrationWorkshop.findMany({
        where: { registration: { eventId: event.id } },
        include: { workshop: true },
      })
      for (const c of choices) expect(c.workshop.slotId).toBe(c.slotId)

      // Answers refer to the event's own questions.
      const questionIds = new Set(event.questions.map((q) => q.id))
      const sample = await prisma.registration.findMany({ where: { eventId: event.id }, take: 20, select: { answers: true } })
      for (const r of sample) for (const key of Object.keys(JSON.parse(r.answers) as object)) expect(questionIds.has(key)).toBe(true)
    }

    // The YESS Académie of the press release: 29–30 November in Narbonne.
    const yess = events.find((e) => e.kind === 'yess_academie')!
    expect(yess.town).toBe('Narbonne')
    expect(yess.startsAt.toISOString().slice(0, 10)).toBe('2026-11-29')
    expect(yess.endsAt.toISOString().slice(0, 10)).toBe('2026-11-30')
    // It selects its participants: applications in every state, with projects, ratings and comments.
    expect(yess.requiresApplication).toBe(true)
    const yessStatuses = (await prisma.registration.groupBy({ by: ['status'], where: { eventId: yess.id }, _count: true }))
      .map((g) => g.status)
      .sort()
    expect(yessStatuses).toEqual(['applied', 'cancelled', 'confirmed', 'offered', 'refused', 'waitlisted'])
    expect(await prisma.registration.count({ where: { eventId: yess.id, projectName: null } })).toBe(0)
    expect(await prisma.registration.count({ where: { eventId: yess.id, status: 'applied' } })).toBeGreaterThanOrEqual(20)
    expect(await prisma.registration.count({ where: { eventId: yess.id, rating: { not: null } } })).toBeGreaterThan(0)
    expect(await prisma.applicationComment.count({ where: { registration: { eventId: yess.id } } })).toBeGreaterThan(0)

    // Every status is represented; the past event has arrivals checked in, by its check-in staff.
    const statuses = (await prisma.registration.groupBy({ by: ['status'], _count: true })).map((g) => g.status).sort()
    // (applied and refused: the YESS Académie selects its participants; pending_payment: the paid conference.)
    expect(statuses).toEqual(['applied', 'cancelled', 'confirmed', 'offered', 'pending_payment', 'refused', 'waitlisted'])
    const past = events.filter((e) => e.endsAt < new Date())
    expect(past.length).toBeGreaterThanOrEqual(1)
    const checkedIn = await prisma.registration.findMany({ where: { checkedInAt: { not: null } }, include: { event: true } })
    expect(checkedIn.length).toBeGreaterThan(50)
    for (const r of checkedIn) {
      expect(r.status).toBe('confirmed')
      expect(r.event.endsAt.getTime()).toBeLessThan(Date.now())
      expect(r.checkedInBy).not.toBeNull()
    }
    // Offers are open and expire in the future; the waiting list is ordered by its join time.
    for (const r of await prisma.registration.findMany({ where: { status: 'offered' } })) {
      expect(r.offerExpiresAt!.getTime()).toBeGreaterThan(Date.now())
      expect(r.waitlistedAt).not.toBeNull()
    }
    for (const r of await prisma.registration.findMany({ where: { status: 'waitlisted' } })) expect(r.waitlistedAt).not.toBeNull()

    // Invented people with reserved addresses, one registration per email per event (the unique index), unique ticket codes.
    const emails = await prisma.registration.findMany({ select: { email: true, ticketCode: true, departement: true } })
    for (const r of emails) {
      expect(r.email).toMatch(/^[a-z0-9.]+@[a-z0-9-]+\.example$/)
      expect(r.departement).toMatch(/^\d{2}$/)
    }
    expect(new Set(emails.map((r) => r.ticketCode)).size).toBe(emails.length)

    const counts = async () => [await prisma.event.count(), await prisma.registration.count(), await prisma.workshop.count()]
    const before = await counts()
    expect(await seedDemoEvents(prisma)).toMatchObject({ seeded: false })
    expect(await counts()).toEqual(before)
  })
})
