// Paid tickets against a real database (SQLite and PostgreSQL): registering with a ticket,
// confirming, releasing, refunds on cancel, receipts without gaps, and quotas under concurrency.
import { acceptOffer, cancelAllForEvent, cancelRegistration, register } from '#app/composition/registrations.server.ts'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { checkIn, sendReminders } from '#app/modules/registrations/service.server.ts'
import { isAppError } from '#app/utils/errors.ts'
import { makeEvent, makeMember, makeOrganisation, person } from '#tests/support/factories.ts'
import { makeTicketType, setBankDetails, setPaymentSettings } from '#tests/support/payment-fixtures.ts'
import { confirmPayment, dueCardHolds, getPaymentView, releasePendingPayment } from './service.server.ts'

const TX = { maxWait: 30_000, timeout: 30_000 }
const outbox = (template: string, to?: string) => prisma.emailMessage.count({ where: { template, ...(to ? { toAddress: to } : {}) } })
const card = { cardAvailable: true } as const

async function paidEvent(opts: { capacity?: number | null; quota?: number | null; priceCents?: number; waitlistEnabled?: boolean } = {}) {
  const org = await makeOrganisation()
  await setBankDetails(org.id)
  const event = await makeEvent(org.id, {
    capacity: opts.capacity === undefined ? 10 : opts.capacity,
    waitlistEnabled: opts.waitlistEnabled ?? true,
  })
  await setPaymentSettings(event.id, { acceptsCard: true, acceptsTransfer: true, acceptsPurchaseOrder: true, paymentHoldMinutes: 30 })
  const ticket = await makeTicketType(event.id, { priceCents: opts.priceCents ?? 4500, quota: opts.quota ?? null })
  return { org, event, ticket }
}

async function state(eventId: string, ticketId: string) {
  const event = await prisma.event.findUniqueOrThrow({ where: { id: eventId } })
  const ticket = await prisma.ticketType.findUniqueOrThrow({ where: { id: ticketId } })
  return { seatsTaken: event.seatsTaken, sold: ticket.sold }
}

const confirm = (paymentId: string, now = new Date(), extra: { stripePaymentIntentId?: string; markedPaidByUserId?: string } = {}) =>
  prisma.$transaction((tx) => confirmPayment(tx, paymentId, { now, ...extra }), TX)
const release = (paymentId: string, reason: 'expired' | 'cancelled', now = new Date()) =>
  prisma.$transaction((tx) => releasePendingPayment(tx, paymentId, { now, reason }), TX)

describe('registering with a ticket', () => {
  test('a paid ticket by card holds the seat and the ticket as pending_payment, with a hold and a pending payment', async () => {
    const { event, ticket } = await paidEvent({ quota: 3 })
    const now = new Date()
    const p = person()
    const r = await register(event.id, { ...p, ticketTypeId: ticket.id, paymentMethod: 'card' }, { ...card, now })
    expect(r.outcome).toBe('pending_payment')
    expect(r.payment).toMatchObject({ method: 'card', amountCents: 4500 })
    expect(r.payment!.reference).toMatch(/^ESS-[0-9A-Z]{8}$/)
    const reg = await prisma.registration.findUniqueOrThrow({ where: { id: r.registration.id } })
    expect(reg.status).toBe('pending_payment')
    expect(reg.ticketTypeId).toBe(ticket.id)
    expect(reg.holdExpiresAt?.getTime()).toBe(now.getTime() + 30 * 60_000)
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: r.payment!.id } })).toMatchObject({
      status: 'pending',
      method: 'card',
      amountCents: 4500,
    })
    expect(await state(event.id, ticket.id)).toEqual({ seatsTaken: 1, sold: 1 })
    // No ticket before payment.
    expect(await outbox('registration-confirmed', p.email)).toBe(0)
  })

  test('card is refused when Stripe is not configured, and through the API', async () => {
    const { event, ticket } = await paidEvent()
    const noCard = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'card' }).catch((e: unknown) => e)
    expect(isAppError(noCard) && noCard.code).toBe('payment_method_required')
    const api = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'card' }, { ...card, source: 'api' }).catch(
      (e: unknown) => e,
    )
    expect(isAppError(api) && api.code).toBe('card_not_via_api')
    expect(await state(event.id, ticket.id)).toEqual({ seatsTaken: 0, sold: 0 })
  })

  test('a transfer: pending without expiry, instructions emailed with the amount, reference and IBAN', async () => {
    const { event, ticket } = await paidEvent()
    const p = person()
    const r = await register(event.id, { ...p, ticketTypeId: ticket.id, paymentMethod: 'transfer' })
    expect(r.outcome).toBe('pending_payment')
    const reg = await prisma.registration.findUniqueOrThrow({ where: { id: r.registration.id } })
    expect(reg.holdExpiresAt).toBeNull()
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { template: 'payment-instructions', toAddress: p.email } })
    const props = JSON.parse(mail.payload) as { amount: string; reference: string; bank: { iban: string }; method: string }
    expect(props).toMatchObject({ amount: '45,00\u00a0€', reference: r.payment!.reference, method: 'transfer' })
    expect(props.bank.iban).toBe('FR7630006000011234567890189')
  })

  test('a purchase order needs its number; a free ticket confirms at once; a ticket is required', async () => {
    const { event, ticket } = await paidEvent()
    const free = await makeTicketType(event.id, { priceCents: 0, quota: 1, name: 'Bénévoles' })
    const noNumber = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'purchase_order' }).catch(
      (e: unknown) => e,
    )
    expect(isAppError(noNumber) && noNumber.fields).toEqual({ purchaseOrderNumber: ['purchase_order_required'] })
    const po = await register(event.id, {
      ...person(),
      ticketTypeId: ticket.id,
      paymentMethod: 'purchase_order',
      purchaseOrderNumber: ' BC-2026-042 ',
    })
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: po.payment!.id } })).toMatchObject({
      method: 'purchase_order',
      purchaseOrderNumber: 'BC-2026-042',
    })
    const f = await register(event.id, { ...person(), ticketTypeId: free.id })
    expect(f.outcome).toBe('confirmed')
    expect(f.payment).toBeUndefined()
    expect((await prisma.ticketType.findUniqueOrThrow({ where: { id: free.id } })).sold).toBe(1)
    const soldOut = await register(event.id, { ...person(), ticketTypeId: free.id }).catch((e: unknown) => e)
    expect(isAppError(soldOut) && soldOut.code).toBe('ticket_sold_out')
    const none = await register(event.id, person()).catch((e: unknown) => e)
    expect(isAppError(none) && none.code).toBe('ticket_required')
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(2)
  })

  test('organisers adding someone by hand may leave the ticket out (a guest); with a paid ticket, a transfer by default', async () => {
    const { event, ticket } = await paidEvent()
    const guest = await register(event.id, person(), { source: 'manual' })
    expect(guest.outcome).toBe('confirmed')
    const paid = await register(event.id, { ...person(), ticketTypeId: ticket.id }, { source: 'manual' })
    expect(paid).toMatchObject({ outcome: 'pending_payment', payment: { method: 'transfer' } })
    expect(await state(event.id, ticket.id)).toEqual({ seatsTaken: 2, sold: 1 })
  })

  test('an archived or not-yet-on-sale ticket is refused', async () => {
    const { event } = await paidEvent()
    const archived = await makeTicketType(event.id, { archivedAt: new Date() })
    const later = await makeTicketType(event.id, { salesStartAt: new Date(Date.now() + 86_400_000) })
    for (const t of [archived, later]) {
      const e = await register(event.id, { ...person(), ticketTypeId: t.id, paymentMethod: 'transfer' }).catch((x: unknown) => x)
      expect(isAppError(e) && e.code).toBe('ticket_unavailable')
    }
  })

  test('a full paid event waitlists without a payment', async () => {
    const { event, ticket } = await paidEvent({ capacity: 1 })
    await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'transfer' })
    const w = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'transfer' })
    expect(w.outcome).toBe('waitlisted')
    expect(w.payment).toBeUndefined()
    expect(await state(event.id, ticket.id)).toEqual({ seatsTaken: 1, sold: 1 })
  })
})

describe('confirmPayment', () => {
  test('confirms once: receipt number, registration confirmed, one email with the receipt link, audited', async () => {
    const { org, event, ticket } = await paidEvent()
    const p = person()
    const r = await register(event.id, { ...p, ticketTypeId: ticket.id, paymentMethod: 'card' }, card)
    expect(await confirm(r.payment!.id, new Date(), { stripePaymentIntentId: 'pi_1' })).toEqual({ outcome: 'confirmed' })
    expect(await confirm(r.payment!.id)).toEqual({ outcome: 'already_paid' })
    const pay = await prisma.payment.findUniqueOrThrow({ where: { id: r.payment!.id } })
    expect(pay).toMatchObject({ status: 'paid', receiptNumber: 1, stripePaymentIntentId: 'pi_1' })
    const reg = await prisma.registration.findUniqueOrThrow({ where: { id: r.registration.id } })
    expect(reg).toMatchObject({ status: 'confirmed', holdExpiresAt: null })
    expect(await outbox('registration-confirmed', p.email)).toBe(1)
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { template: 'registration-confirmed', toAddress: p.email } })
    const props = JSON.parse(mail.payload) as { payment: { receiptNumber: string; receiptUrl: string; amount: string } }
    expect(props.payment.receiptNumber).toBe('000001')
    expect(props.payment.receiptUrl).toMatch(/\/r\/[a-z0-9]+\/recu$/)
    expect(await prisma.auditLog.count({ where: { action: 'payment.paid', entityId: pay.id } })).toBe(1)
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id: org.id } })).lastReceiptNumber).toBe(1)
    expect(await state(event.id, ticket.id)).toEqual({ seatsTaken: 1, sold: 1 })
  })

  test('the same payment confirmed 10 times at once: one confirmation, one email, one receipt number', async () => {
    const { org, event, ticket } = await paidEvent()
    const p = person()
    const r = await register(event.id, { ...p, ticketTypeId: ticket.id, paymentMethod: 'card' }, card)
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => confirm(r.payment!.id)))
    expect(outcomes.filter((o) => o.outcome === 'confirmed')).toHaveLength(1)
    expect(outcomes.filter((o) => o.outcome === 'already_paid')).toHaveLength(9)
    expect(await outbox('registration-confirmed', p.email)).toBe(1)
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id: org.id } })).lastReceiptNumber).toBe(1)
  })

  test('receipts are numbered 1..n without gaps when many payments are confirmed concurrently', async () => {
    const { org, event, ticket } = await paidEvent({ capacity: 20 })
    const regs = await Promise.all(
      Array.from({ length: 12 }, () => register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'transfer' })),
    )
    await Promise.all(regs.map((r) => confirm(r.payment!.id)))
    const numbers = (await prisma.payment.findMany({ where: { organisationId: org.id }, select: { receiptNumber: true } }))
      .map((p) => p.receiptNumber)
      .sort((a, b) => a! - b!)
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
  })

  test('paid after the hold expired: seat still free → confirmed again; seat taken meanwhile → seat_lost', async () => {
    const { event, ticket } = await paidEvent({ capacity: 1, waitlistEnabled: false })
    const a = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'card' }, card)
    expect(await release(a.payment!.id, 'expired')).toBe(true)
    expect(await state(event.id, ticket.id)).toEqual({ seatsTaken: 0, sold: 0 })
    expect(await confirm(a.payment!.id)).toEqual({ outcome: 'confirmed' })
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: a.registration.id } })).status).toBe('confirmed')
    expect(await state(event.id, ticket.id)).toEqual({ seatsTaken: 1, sold: 1 })

    const { event: e2, ticket: t2 } = await paidEvent({ capacity: 1, waitlistEnabled: false })
    const b = await register(e2.id, { ...person(), ticketTypeId: t2.id, paymentMethod: 'card' }, card)
    await release(b.payment!.id, 'expired')
    const c = await register(e2.id, { ...person(), ticketTypeId: t2.id, paymentMethod: 'transfer' })
    expect(c.outcome).toBe('pending_payment')
    expect(await confirm(b.payment!.id)).toEqual({ outcome: 'seat_lost' })
    const bReg = await prisma.registration.findUniqueOrThrow({ where: { id: b.registration.id } })
    expect(bReg.status).toBe('cancelled')
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: b.payment!.id } })).toMatchObject({ status: 'paid', receiptNumber: 1 })
    expect(await state(e2.id, t2.id)).toEqual({ seatsTaken: 1, sold: 1 })
  })
})

describe('late payments of cancelled registrations', () => {
  test('a registration the attendee cancelled while paying stays cancelled: seat_lost (refunded in full)', async () => {
    const { event, ticket } = await paidEvent()
    const r = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'card' }, card)
    await cancelRegistration(r.registration.id, { reason: 'attendee' })
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: r.payment!.id } })).status).toBe('cancelled')
    expect(await confirm(r.payment!.id)).toEqual({ outcome: 'seat_lost' })
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: r.registration.id } })).status).toBe('cancelled')
    expect(await state(event.id, ticket.id)).toEqual({ seatsTaken: 0, sold: 0 })
  })
})

describe('releasePendingPayment', () => {
  test('expiry cancels the registration, frees seat and ticket, offers the seat to the waiting list, emails once', async () => {
    const { event, ticket } = await paidEvent({ capacity: 1, quota: 2 })
    const p = person()
    const a = await register(event.id, { ...p, ticketTypeId: ticket.id, paymentMethod: 'card' }, card)
    const w = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'card' }, card)
    expect(w.outcome).toBe('waitlisted')
    expect(await release(a.payment!.id, 'expired')).toBe(true)
    expect(await release(a.payment!.id, 'expired')).toBe(false)
    const reg = await prisma.registration.findUniqueOrThrow({ where: { id: a.registration.id } })
    expect(reg).toMatchObject({ status: 'cancelled', cancelReason: 'payment_expired', holdExpiresAt: null })
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: a.payment!.id } })).status).toBe('expired')
    expect(await outbox('payment-released', p.email)).toBe(1)
    // The seat went to the waiting list (an offer holds it); the ticket is back in the quota.
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: w.registration.id } })).status).toBe('offered')
    expect(await state(event.id, ticket.id)).toEqual({ seatsTaken: 1, sold: 0 })
    // A payment already confirmed is never released.
    const { event: e2, ticket: t2 } = await paidEvent()
    const b = await register(e2.id, { ...person(), ticketTypeId: t2.id, paymentMethod: 'transfer' })
    await confirm(b.payment!.id)
    expect(await release(b.payment!.id, 'cancelled')).toBe(false)
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: b.registration.id } })).status).toBe('confirmed')
  })

  test('confirm and release racing: exactly one wins and the counters stay exact', async () => {
    const { event, ticket } = await paidEvent({ capacity: 30 })
    const regs = await Promise.all(
      Array.from({ length: 10 }, () => register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'card' }, card)),
    )
    await Promise.all(regs.flatMap((r) => [confirm(r.payment!.id), release(r.payment!.id, 'expired')]))
    const confirmed = await prisma.registration.count({ where: { eventId: event.id, status: 'confirmed' } })
    const cancelled = await prisma.registration.count({ where: { eventId: event.id, status: 'cancelled' } })
    expect(confirmed + cancelled).toBe(10)
    // Released then paid: confirmed again (seats are free), so every payment ends paid or the registration holds nothing.
    expect(await state(event.id, ticket.id)).toEqual({ seatsTaken: confirmed, sold: confirmed })
    expect(await prisma.payment.count({ where: { registration: { eventId: event.id }, status: 'paid' } })).toBe(10)
  })

  test('dueCardHolds lists only pending card payments whose hold has passed', async () => {
    const { event, ticket } = await paidEvent()
    const t0 = new Date()
    const a = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'card' }, { ...card, now: t0 })
    await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'transfer' }, { now: t0 })
    const mine = (list: { id: string }[]) => list.filter((d) => d.id === a.payment!.id)
    expect(mine(await dueCardHolds(new Date(t0.getTime() + 29 * 60_000), 1000))).toHaveLength(0)
    const due = await dueCardHolds(new Date(t0.getTime() + 31 * 60_000), 1000)
    expect(mine(due)).toHaveLength(1)
    expect(due.every((d) => d.holdExpiresAt.getTime() <= t0.getTime() + 31 * 60_000)).toBe(true)
    await release(a.payment!.id, 'expired')
    expect(mine(await dueCardHolds(new Date(t0.getTime() + 31 * 60_000), 1000))).toHaveLength(0)
  })
})

describe('refunds on cancel', () => {
  test('card, before the deadline: amount less the fee, pending, the payment id returned for Stripe', async () => {
    const { event, ticket } = await paidEvent()
    await setPaymentSettings(event.id, { refundDeadline: new Date(Date.now() + 86_400_000), refundFeeCents: 500 })
    const r = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'card' }, card)
    await confirm(r.payment!.id)
    const res = await cancelRegistration(r.registration.id, { reason: 'attendee' })
    expect(res.refundPaymentId).toBe(r.payment!.id)
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: r.payment!.id } })).toMatchObject({
      refundStatus: 'pending',
      refundCents: 4000,
      refundFeeCents: 500,
    })
    expect(await state(event.id, ticket.id)).toEqual({ seatsTaken: 0, sold: 0 })
  })

  test('after the deadline: not refundable; transfer: pending for a manual refund, nothing for Stripe', async () => {
    const { event, ticket } = await paidEvent()
    await setPaymentSettings(event.id, { refundDeadline: new Date(Date.now() - 1000), refundFeeCents: 0 })
    const a = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'card' }, card)
    await confirm(a.payment!.id)
    expect((await cancelRegistration(a.registration.id, { reason: 'attendee' })).refundPaymentId).toBeUndefined()
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: a.payment!.id } })).refundStatus).toBe('not_refundable')

    await setPaymentSettings(event.id, { refundDeadline: new Date(Date.now() + 86_400_000) })
    const b = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'transfer' })
    await confirm(b.payment!.id)
    expect((await cancelRegistration(b.registration.id, { reason: 'attendee' })).refundPaymentId).toBeUndefined()
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: b.payment!.id } })).toMatchObject({
      refundStatus: 'pending',
      refundCents: 4500,
      refundError: null,
    })
  })

  test('cancelled by the organisers: full refund even after the deadline', async () => {
    const { event, ticket } = await paidEvent()
    await setPaymentSettings(event.id, { refundDeadline: null, refundFeeCents: 500 })
    const r = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'card' }, card)
    await confirm(r.payment!.id)
    expect((await cancelRegistration(r.registration.id, { reason: 'organiser' })).refundPaymentId).toBe(r.payment!.id)
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: r.payment!.id } })).toMatchObject({
      refundStatus: 'pending',
      refundCents: 4500,
      refundFeeCents: 0,
    })
  })

  test('cancelling while the payment is pending cancels the payment and frees seat and ticket', async () => {
    const { event, ticket } = await paidEvent({ quota: 2 })
    const r = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'transfer' })
    const res = await cancelRegistration(r.registration.id, { reason: 'attendee' })
    expect(res).toEqual({ cancelled: true, offered: 0 })
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: r.payment!.id } })).status).toBe('cancelled')
    expect(await state(event.id, ticket.id)).toEqual({ seatsTaken: 0, sold: 0 })
    const view = await getPaymentView(r.payment!.id)
    expect(view?.registration.status).toBe('cancelled')
  })
})

describe('quota under concurrency', () => {
  test('20 concurrent paid registrations on a quota of 5: exactly 5 pending, 15 refused ticket_sold_out', async () => {
    const { event, ticket } = await paidEvent({ capacity: 100, quota: 5 })
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: i % 2 ? 'card' : 'transfer' }, card),
      ),
    )
    const ok = results.filter((r) => r.status === 'fulfilled')
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]
    expect(ok).toHaveLength(5)
    expect(ok.every((r) => r.value.outcome === 'pending_payment')).toBe(true)
    expect(refused).toHaveLength(15)
    expect(refused.every((r) => isAppError(r.reason) && r.reason.code === 'ticket_sold_out')).toBe(true)
    expect(await state(event.id, ticket.id)).toEqual({ seatsTaken: 5, sold: 5 })
    expect(await prisma.registration.count({ where: { eventId: event.id } })).toBe(5)
    expect(await prisma.payment.count({ where: { registration: { eventId: event.id }, status: 'pending' } })).toBe(5)
  })

  test('20 concurrent paid registrations for 5 seats without a waiting list: 5 pending, 15 event_full, ticket counters exact', async () => {
    const { event, ticket } = await paidEvent({ capacity: 5, waitlistEnabled: false })
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'transfer' })),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5)
    expect(
      (results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]).every(
        (r) => isAppError(r.reason) && r.reason.code === 'event_full',
      ),
    ).toBe(true)
    expect(await state(event.id, ticket.id)).toEqual({ seatsTaken: 5, sold: 5 })
  })
})

describe('statuses elsewhere', () => {
  test('accepting a waiting-list offer on a paid event leads to pending_payment with a new hold, then payment confirms', async () => {
    const { event, ticket } = await paidEvent({ capacity: 1, quota: 5 })
    const a = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'transfer' })
    const w = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'card' }, card)
    expect(w.outcome).toBe('waitlisted')
    await cancelRegistration(a.registration.id, { reason: 'attendee' })
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: w.registration.id } })).status).toBe('offered')
    const noMethod = await acceptOffer(w.registration.id, [], { manageToken: w.manageToken, cardAvailable: true }).catch((e: unknown) => e)
    expect(isAppError(noMethod) && noMethod.code).toBe('payment_method_required')
    const now = new Date()
    const accepted = await acceptOffer(w.registration.id, [], {
      manageToken: w.manageToken,
      cardAvailable: true,
      paymentMethod: 'card',
      now,
    })
    expect(accepted.payment).toMatchObject({ method: 'card', amountCents: 4500 })
    const reg = await prisma.registration.findUniqueOrThrow({ where: { id: w.registration.id } })
    expect(reg.status).toBe('pending_payment')
    expect(reg.holdExpiresAt?.getTime()).toBe(now.getTime() + 30 * 60_000)
    expect(await state(event.id, ticket.id)).toEqual({ seatsTaken: 1, sold: 1 })
    expect(await confirm(accepted.payment!.id)).toEqual({ outcome: 'confirmed' })
  })

  test('check-in refuses a ticket waiting for its payment; reminders skip it', async () => {
    const { org, event, ticket } = await paidEvent()
    const staff = await makeMember(org.id, 'checkin')
    const r = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'transfer' })
    const reg = await prisma.registration.findUniqueOrThrow({ where: { id: r.registration.id } })
    const result = await checkIn(event.id, { ticketCode: reg.ticketCode }, staff.id)
    expect(result).toMatchObject({ ok: false, reason: 'not_confirmed', registration: { status: 'pending_payment' } })
    await prisma.event.update({
      where: { id: event.id },
      data: { startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 2 * 86_400_000), reminderDaysBefore: 2 },
    })
    await sendReminders()
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: reg.id } })).reminderSentAt).toBeNull()
    await confirm(r.payment!.id)
    expect(await checkIn(event.id, { ticketCode: reg.ticketCode }, staff.id)).toMatchObject({ ok: true })
  })
})

describe('event cancelled', () => {
  test('pending payments are cancelled, paid tickets refunded in full, quotas reset', async () => {
    const { event, ticket } = await paidEvent()
    await setPaymentSettings(event.id, { refundDeadline: null, refundFeeCents: 500 })
    const paid = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'card' }, card)
    await confirm(paid.payment!.id)
    const pending = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'transfer' })
    const ev = await prisma.event.update({ where: { id: event.id }, data: { status: 'cancelled' } })
    expect(await prisma.$transaction((tx) => cancelAllForEvent(tx, ev, null), TX)).toBe(2)
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: paid.payment!.id } })).toMatchObject({
      status: 'paid',
      refundStatus: 'pending',
      refundCents: 4500,
      refundFeeCents: 0,
    })
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: pending.payment!.id } })).status).toBe('cancelled')
    expect(await state(event.id, ticket.id)).toEqual({ seatsTaken: 0, sold: 0 })
  })
})
