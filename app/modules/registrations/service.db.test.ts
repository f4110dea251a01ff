// The seat rules against a real database (SQLite and PostgreSQL).
import { acceptOffer, cancelRegistration, expireOffers, register } from '#app/composition/registrations.server.ts'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { makeEvent, makeOrganisation, makeSlotWithWorkshops, person } from '#tests/support/factories.ts'
import {
  changeWorkshops,
  checkIn,
  findRegistrationByManageToken,
  sendReminders,
  setEventCapacity,
  waitlistPosition,
} from './service.server.ts'

async function counts(eventId: string) {
  const event = await prisma.event.findUniqueOrThrow({ where: { id: eventId } })
  const byStatus = await prisma.registration.groupBy({ by: ['status'], where: { eventId }, _count: true })
  const c = Object.fromEntries(byStatus.map((r) => [r.status, r._count])) as Record<string, number>
  return {
    seatsTaken: event.seatsTaken,
    confirmed: c.confirmed ?? 0,
    waitlisted: c.waitlisted ?? 0,
    offered: c.offered ?? 0,
    cancelled: c.cancelled ?? 0,
  }
}

const outbox = (template: string, to?: string) => prisma.emailMessage.count({ where: { template, ...(to ? { toAddress: to } : {}) } })

describe('registration', () => {
  test('confirms while seats remain, then waitlists in order, and emails each person', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 2 })
    const a = await register(event.id, person())
    const b = await register(event.id, person())
    const c = await register(event.id, person())
    const d = await register(event.id, person())
    expect([a.outcome, b.outcome, c.outcome, d.outcome]).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted'])
    expect(await counts(event.id)).toMatchObject({ seatsTaken: 2, confirmed: 2, waitlisted: 2 })
    const cReg = await prisma.registration.findUniqueOrThrow({ where: { id: c.registration.id } })
    const dReg = await prisma.registration.findUniqueOrThrow({ where: { id: d.registration.id } })
    expect(await waitlistPosition(cReg)).toBe(1)
    expect(await waitlistPosition(dReg)).toBe(2)
    expect(await outbox('registration-confirmed')).toBe(2)
    expect(await outbox('registration-waitlisted')).toBe(2)
  })

  test('the link a duplicate registration re-sends never comes from the Host header', async () => {
    const saved = { APP_URL: process.env.APP_URL, PORT: process.env.PORT }
    delete process.env.APP_URL
    process.env.PORT = '4123'
    try {
      const org = await makeOrganisation()
      const event = await makeEvent(org.id)
      const p = person()
      await register(event.id, p)
      const forged = new Request('http://evil.example/e/x/register', { method: 'POST', headers: { host: 'evil.example' } })
      const again = await register(event.id, p, { request: forged })
      expect(again.outcome).toBe('duplicate')
      const email = await prisma.emailMessage.findFirstOrThrow({ where: { template: 'registration-link', toAddress: p.email } })
      expect(email.payload).not.toContain('evil.example')
      expect(email.payload).toContain('http://localhost:4123/r/')

      process.env.APP_URL = 'https://essor.example.org'
      await register(event.id, p, { request: forged })
      const payloads = (await prisma.emailMessage.findMany({ where: { template: 'registration-link', toAddress: p.email } })).map(
        (m) => m.payload,
      )
      expect(payloads.some((payload) => payload.includes('https://essor.example.org/r/'))).toBe(true)
      expect(payloads.every((payload) => !payload.includes('evil.example'))).toBe(true)
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
    }
  })

  test('a second registration with the same email re-sends the link instead of duplicating', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id)
    const p = person()
    const first = await register(event.id, p)
    const again = await register(event.id, { ...p, email: p.email.toUpperCase(), firstName: 'Autre' })
    expect(again.outcome).toBe('duplicate')
    expect(again.registration.id).toBe(first.registration.id)
    expect(await prisma.registration.count({ where: { eventId: event.id } })).toBe(1)
    expect(await outbox('registration-link', p.email)).toBe(1)
    // The re-sent link works, and so does the first one (people keep the first email).
    expect((await findRegistrationByManageToken(again.manageToken))?.id).toBe(first.registration.id)
    expect((await findRegistrationByManageToken(first.manageToken))?.id).toBe(first.registration.id)
  })

  test('full without a waiting list → 409; closed window → 409', async () => {
    const org = await makeOrganisation()
    const full = await makeEvent(org.id, { capacity: 1, waitlistEnabled: false })
    await register(full.id, person())
    await expect(register(full.id, person())).rejects.toMatchObject({ status: 409, code: 'event_full' })
    const closed = await makeEvent(org.id, { registrationClosesAt: new Date(Date.now() - 1000) })
    await expect(register(closed.id, person())).rejects.toMatchObject({ status: 409, code: 'registration_closed' })
    const draft = await makeEvent(org.id, { status: 'draft' })
    await expect(register(draft.id, person())).rejects.toMatchObject({ code: 'registration_closed' })
    expect(await prisma.registration.count({ where: { eventId: { in: [closed.id, draft.id] } } })).toBe(0)
  })

  test('a full workshop refuses the registration and leaves no trace', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 10 })
    const { workshops } = await makeSlotWithWorkshops(event.id, [1, 5])
    await register(event.id, person({ workshopIds: [workshops[0]!.id] }))
    await expect(register(event.id, person({ workshopIds: [workshops[0]!.id] }))).rejects.toMatchObject({ code: 'workshop_full' })
    expect(await counts(event.id)).toMatchObject({ seatsTaken: 1, confirmed: 1 })
    expect((await prisma.workshop.findUniqueOrThrow({ where: { id: workshops[0]!.id } })).seatsTaken).toBe(1)
  })

  test('two workshops of the same slot are refused', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id)
    const { workshops } = await makeSlotWithWorkshops(event.id, [5, 5])
    await expect(register(event.id, person({ workshopIds: workshops.map((w) => w.id) }))).rejects.toMatchObject({ code: 'one_per_slot' })
  })
})

describe('waiting list', () => {
  test('a cancellation frees the seat at once and offers it to the first waiting person', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 1 })
    const a = await register(event.id, person())
    const b = await register(event.id, person())
    const c = await register(event.id, person())
    const result = await cancelRegistration(a.registration.id, { reason: 'attendee' })
    expect(result).toEqual({ cancelled: true, offered: 1 })
    const bReg = await prisma.registration.findUniqueOrThrow({ where: { id: b.registration.id } })
    expect(bReg.status).toBe('offered')
    expect(bReg.offerExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 47 * 3600_000)
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: c.registration.id } })).status).toBe('waitlisted')
    expect(await counts(event.id)).toMatchObject({ seatsTaken: 1, offered: 1, cancelled: 1 })
    expect(await outbox('waitlist-offer', b.registration.email)).toBe(1)
    // Cancelling twice changes nothing.
    expect(await cancelRegistration(a.registration.id, { reason: 'attendee' })).toEqual({ cancelled: false, offered: 0 })
  })

  test('accepting an offer confirms the seat; an expired offer passes to the next person', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 1, offerHours: 1 })
    const a = await register(event.id, person())
    const b = await register(event.id, person())
    const c = await register(event.id, person())
    await cancelRegistration(a.registration.id, { reason: 'attendee' })
    // b lets the offer expire.
    expect(await expireOffers(new Date(Date.now() + 2 * 3600_000))).toBe(1)
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: b.registration.id } })).status).toBe('cancelled')
    const cReg = await prisma.registration.findUniqueOrThrow({ where: { id: c.registration.id } })
    expect(cReg.status).toBe('offered')
    expect(await outbox('offer-expired', b.registration.email)).toBe(1)
    // c accepts in time; b can no longer accept.
    const offerEmail = await prisma.emailMessage.findFirstOrThrow({
      where: { template: 'waitlist-offer', toAddress: c.registration.email },
    })
    const token = (JSON.parse(offerEmail.payload) as { manageUrl: string }).manageUrl.split('/r/')[1]!
    await acceptOffer(c.registration.id, [], { manageToken: token })
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: c.registration.id } })).status).toBe('confirmed')
    await expect(acceptOffer(b.registration.id, [], { manageToken: 'x' })).rejects.toMatchObject({ code: 'offer_expired' })
    expect(await counts(event.id)).toMatchObject({ seatsTaken: 1, confirmed: 1 })
  })

  test('raising the capacity offers the new seats in order; lowering below the seats taken is refused', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 1 })
    await register(event.id, person())
    const waiting = [await register(event.id, person()), await register(event.id, person()), await register(event.id, person())]
    expect(await setEventCapacity(event.id, 3)).toBe(2)
    const statuses = await Promise.all(waiting.map((w) => prisma.registration.findUniqueOrThrow({ where: { id: w.registration.id } })))
    expect(statuses.map((s) => s.status)).toEqual(['offered', 'offered', 'waitlisted'])
    await expect(setEventCapacity(event.id, 2)).rejects.toMatchObject({ code: 'capacity_below_taken' })
  })
})

describe('workshops, check-in, reminders', () => {
  test('changing workshops moves the seat, all or nothing', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id)
    const { workshops } = await makeSlotWithWorkshops(event.id, [2, 1])
    const [w1, w2] = workshops as [(typeof workshops)[0], (typeof workshops)[0]]
    const a = await register(event.id, person({ workshopIds: [w1.id] }))
    await register(event.id, person({ workshopIds: [w2.id] }))
    await expect(changeWorkshops(a.registration.id, [w2.id])).rejects.toMatchObject({ code: 'workshop_full' })
    expect((await prisma.registrationWorkshop.findMany({ where: { registrationId: a.registration.id } })).map((r) => r.workshopId)).toEqual(
      [w1.id],
    )
    await changeWorkshops(a.registration.id, [])
    expect((await prisma.workshop.findUniqueOrThrow({ where: { id: w1.id } })).seatsTaken).toBe(0)
  })

  test('a ticket checks in once; the second attempt returns the time of the first', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id)
    const a = await register(event.id, person())
    const reg = await prisma.registration.findUniqueOrThrow({ where: { id: a.registration.id } })
    const first = await checkIn(event.id, { ticketCode: reg.ticketCode.toLowerCase() }, 'staff-1', new Date('2026-11-29T08:05:00Z'))
    expect(first.ok).toBe(true)
    const second = await checkIn(event.id, { ticketCode: reg.ticketCode }, 'staff-2')
    expect(second).toMatchObject({ ok: false, reason: 'already', checkedInAt: new Date('2026-11-29T08:05:00Z') })
    const other = await makeEvent(org.id)
    expect(await checkIn(other.id, { ticketCode: reg.ticketCode }, 'staff-1')).toMatchObject({ ok: false, reason: 'not_found' })
  })

  test('reminders go once to confirmed attendees within the configured days', async () => {
    const org = await makeOrganisation()
    const soon = await makeEvent(org.id, { startsAt: new Date(Date.now() + 36 * 3600_000) })
    const later = await makeEvent(org.id, { startsAt: new Date(Date.now() + 10 * 24 * 3600_000) })
    await register(soon.id, person())
    await register(later.id, person())
    expect(await sendReminders()).toBe(1)
    expect(await sendReminders()).toBe(0)
    expect(await outbox('event-reminder')).toBe(1)
  })

  test('a reminder set 30 days before is sent 29 days before (any horizon the event form accepts)', async () => {
    const org = await makeOrganisation()
    const now = new Date()
    const event = await makeEvent(org.id, {
      startsAt: new Date(now.getTime() + 29 * 24 * 3600_000),
      endsAt: new Date(now.getTime() + 29.5 * 24 * 3600_000),
    })
    await prisma.event.update({ where: { id: event.id }, data: { reminderDaysBefore: 30 } })
    const me = await register(event.id, person())
    expect(await sendReminders(now)).toBeGreaterThanOrEqual(1)
    expect(await outbox('event-reminder', me.registration.email)).toBe(1)
  })
})
