import { cancelRegistration, register } from '#app/composition/registrations.server.ts'
import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { makeEvent, makeMember, makeOrganisation, person } from '#tests/support/factories.ts'
import { cancelPending, markPaid, markRefunded, paymentsSummary } from './admin.server.ts'

let org: { id: string }
let otherOrg: { id: string }
let alice: { id: string }
let bob: { id: string }

beforeAll(async () => {
  org = await makeOrganisation()
  otherOrg = await makeOrganisation()
  await prisma.organisation.update({
    where: { id: org.id },
    data: { iban: 'FR7630006000011234567890189', bankAccountHolder: 'CRESS', lastReceiptNumber: 41 },
  })
  alice = await makeMember(org.id, 'organiser')
  bob = await makeMember(org.id, 'admin')
})

const as = (user: { id: string }, organisationId = org.id) => ({ organisationId, userId: user.id })

async function paidEvent(capacity: number | null = 10, over: { refundDeadline?: Date | null; refundFeeCents?: number } = {}) {
  const event = await makeEvent(org.id, { capacity })
  await prisma.event.update({
    where: { id: event.id },
    data: { acceptsCard: false, acceptsTransfer: true, acceptsPurchaseOrder: true, ...over },
  })
  const ticket = await prisma.ticketType.create({
    data: { eventId: event.id, kind: 'paid', name: 'Plein tarif', priceCents: 4500, quota: 5 },
  })
  return { event, ticket }
}

async function registerByTransfer(eventId: string, ticketTypeId: string, method: 'transfer' | 'purchase_order' = 'transfer') {
  const who = person()
  const result = await register(eventId, {
    ...who,
    ticketTypeId,
    paymentMethod: method,
    purchaseOrderNumber: method === 'purchase_order' ? 'BC-2026-118' : null,
  })
  expect(result.outcome).toBe('pending_payment')
  return { ...result, email: who.email, paymentId: result.payment!.id }
}

const confirmations = (email: string) => prisma.emailMessage.count({ where: { toAddress: email, template: 'registration-confirmed' } })

async function errorOf(p: Promise<unknown>) {
  const e = await p.catch((error: unknown) => error)
  expect(e).toBeInstanceOf(AppError)
  return e as AppError
}

describe('mark a transfer paid', () => {
  test('confirms the registration, numbers the receipt, emails the confirmation, audits who', async () => {
    const { event, ticket } = await paidEvent()
    const r = await registerByTransfer(event.id, ticket.id)
    const before = (await prisma.organisation.findUniqueOrThrow({ where: { id: org.id } })).lastReceiptNumber
    expect(await markPaid(r.paymentId, as(alice), { eventId: event.id })).toEqual({ outcome: 'confirmed' })
    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: r.paymentId }, include: { registration: true } })
    expect(payment).toMatchObject({ status: 'paid', receiptNumber: before + 1, markedPaidByUserId: alice.id })
    expect(payment.paidAt).not.toBeNull()
    expect(payment.registration.status).toBe('confirmed')
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id: org.id } })).lastReceiptNumber).toBe(before + 1)
    expect(await confirmations(r.email)).toBe(1)
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { entityId: r.paymentId, action: 'payment.paid' } })
    expect(entry.actorUserId).toBe(alice.id)
    // Again: nothing changes.
    expect(await markPaid(r.paymentId, as(bob))).toEqual({ outcome: 'already_paid' })
    expect(await confirmations(r.email)).toBe(1)
  })

  test('two organisers at once: one receipt number, one email', async () => {
    const { event, ticket } = await paidEvent()
    const r = await registerByTransfer(event.id, ticket.id, 'purchase_order')
    const before = (await prisma.organisation.findUniqueOrThrow({ where: { id: org.id } })).lastReceiptNumber
    const outcomes = await Promise.all([markPaid(r.paymentId, as(alice)), markPaid(r.paymentId, as(bob))])
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['already_paid', 'confirmed'])
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id: org.id } })).lastReceiptNumber).toBe(before + 1)
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: r.paymentId } })).receiptNumber).toBe(before + 1)
    expect(await prisma.payment.count({ where: { organisationId: org.id, receiptNumber: before + 1 } })).toBe(1)
    expect(await confirmations(r.email)).toBe(1)
    expect(await prisma.auditLog.count({ where: { entityId: r.paymentId, action: 'payment.paid' } })).toBe(1)
  })

  test('receipt numbers follow each other without gaps across events', async () => {
    const a = await paidEvent()
    const b = await paidEvent()
    const r1 = await registerByTransfer(a.event.id, a.ticket.id)
    const r2 = await registerByTransfer(b.event.id, b.ticket.id)
    const r3 = await registerByTransfer(a.event.id, a.ticket.id)
    await Promise.all([markPaid(r1.paymentId, as(alice)), markPaid(r2.paymentId, as(bob)), markPaid(r3.paymentId, as(alice))])
    const numbers = (await prisma.payment.findMany({ where: { id: { in: [r1.paymentId, r2.paymentId, r3.paymentId] } } }))
      .map((p) => p.receiptNumber!)
      .sort((x, y) => x - y)
    expect(numbers[1]! - numbers[0]!).toBe(1)
    expect(numbers[2]! - numbers[1]!).toBe(1)
  })

  test('card payments, other organisations’ and other events’ payments are refused', async () => {
    const { event, ticket } = await paidEvent()
    const r = await registerByTransfer(event.id, ticket.id)
    expect((await errorOf(markPaid(r.paymentId, as(alice, otherOrg.id)))).status).toBe(404)
    const otherEvent = await makeEvent(org.id)
    expect((await errorOf(markPaid(r.paymentId, as(alice), { eventId: otherEvent.id }))).status).toBe(404)
    const card = await prisma.payment.create({
      data: {
        organisationId: org.id,
        registrationId: r.registration.id,
        method: 'card',
        status: 'cancelled',
        amountCents: 4500,
        reference: `ESS-${randomBytes(4).toString('hex').toUpperCase()}`,
      },
    })
    expect((await errorOf(markPaid(card.id, as(alice)))).code).toBe('notManual')
    expect((await errorOf(cancelPending(card.id, as(alice)))).code).toBe('notManual')
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: r.paymentId } })).status).toBe('pending')
  })
})

describe('cancel a pending transfer', () => {
  test('frees the seat and the ticket, offers it to the waiting list, tells the attendee', async () => {
    const { event, ticket } = await paidEvent(1)
    const r = await registerByTransfer(event.id, ticket.id)
    const waiting = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'transfer' })
    expect(waiting.outcome).toBe('waitlisted')
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(1)

    expect(await cancelPending(r.paymentId, as(alice), { eventId: event.id })).toBe(true)
    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: r.paymentId }, include: { registration: true } })
    expect(payment.status).toBe('cancelled')
    expect(payment.registration).toMatchObject({ status: 'cancelled', cancelReason: 'payment_cancelled' })
    expect((await prisma.ticketType.findUniqueOrThrow({ where: { id: ticket.id } })).sold).toBe(0)
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: waiting.registration.id } })).status).toBe('offered')
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(1)
    expect(await prisma.emailMessage.count({ where: { toAddress: r.email, template: 'payment-released' } })).toBe(1)
    expect(await prisma.auditLog.count({ where: { entityId: r.paymentId, action: 'payment.cancelled', actorUserId: alice.id } })).toBe(1)

    // Already done, or paid meanwhile: nothing more.
    expect(await cancelPending(r.paymentId, as(bob))).toBe(false)
    expect((await errorOf(markPaid(r.paymentId, as(bob)))).code).toBe('notPending')
  })
})

describe('manual refund and summary', () => {
  test('a paid transfer cancelled before the deadline is to refund by transfer, then marked refunded', async () => {
    const { event, ticket } = await paidEvent(10, { refundDeadline: new Date(Date.now() + 5 * 24 * 3600_000), refundFeeCents: 500 })
    const paid = await registerByTransfer(event.id, ticket.id)
    const pending = await registerByTransfer(event.id, ticket.id)
    await markPaid(paid.paymentId, as(alice))
    // The attendee cancels before the deadline: refund of the amount less the 5 € fee.
    await cancelRegistration(paid.registration.id, { reason: 'attendee' })
    const toRefund = await prisma.payment.findUniqueOrThrow({ where: { id: paid.paymentId } })
    expect(toRefund).toMatchObject({ method: 'transfer', refundStatus: 'pending', refundCents: 4000 })

    expect(await paymentsSummary(event.id)).toEqual({
      paid: { count: 1, cents: 4500 },
      pending: { count: 1, cents: 4500 },
      refunded: { count: 0, cents: 0 },
      toRefund: { count: 1, cents: 4000 },
      netCents: 4500,
    })

    expect(await markRefunded(pending.paymentId, as(bob))).toBe(false)
    expect(await markRefunded(paid.paymentId, as(bob), { eventId: event.id })).toBe(true)
    expect(await markRefunded(paid.paymentId, as(bob))).toBe(false)
    const refunded = await prisma.payment.findUniqueOrThrow({ where: { id: paid.paymentId } })
    expect(refunded).toMatchObject({ status: 'refunded', refundStatus: 'succeeded', refundCents: 4000 })
    expect(refunded.refundedAt).not.toBeNull()
    expect(
      await prisma.auditLog.count({ where: { entityId: paid.paymentId, action: 'payment.refundedManually', actorUserId: bob.id } }),
    ).toBe(1)
    expect(await paymentsSummary(event.id)).toMatchObject({
      paid: { count: 1, cents: 4500 },
      refunded: { count: 1, cents: 4000 },
      toRefund: { count: 0, cents: 0 },
      netCents: 500,
    })
  })
})
