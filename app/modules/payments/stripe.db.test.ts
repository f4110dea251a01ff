// Card payments end to end below the browser: registrations through register(), Checkout
// Sessions through the official client against the loopback Stripe stub, webhooks signed with
// Stripe's scheme and handled as the route does (SQLite and PostgreSQL).
import { cancelRegistration, register } from '#app/composition/registrations.server.ts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { makeEvent, makeOrganisation, person } from '#tests/support/factories.ts'
import { signPayload, startStripeStub, stripeEvent, type StripeStub } from '#tests/support/stripe-stub.ts'
import {
  checkoutView,
  closeCheckout,
  expireDueHolds,
  refundAfterCancel,
  refundPayment,
  retryRefunds,
  startCheckout,
  switchToTransfer,
} from './stripe.server.ts'
import { handleStripeWebhook } from './webhook.server.ts'
import * as webhookRoute from '#app/routes/system/webhooks.stripe.ts'

const WEBHOOK_SECRET = 'whsec_integration'
const MINUTE = 60_000
let stub: StripeStub
let organisationId = ''

beforeAll(async () => {
  stub = await startStripeStub({ secretKey: 'sk_test_integration', webhookSecret: WEBHOOK_SECRET })
  Object.assign(process.env, stub.env)
  resetEnvCache()
  organisationId = (await makeOrganisation()).id
})
afterAll(async () => {
  await stub.close()
  for (const key of Object.keys(stub.env)) delete process.env[key]
  resetEnvCache()
})

async function paidEvent(opts: { capacity?: number; refundDeadline?: Date | null; refundFeeCents?: number } = {}) {
  const event = await makeEvent(organisationId, { capacity: opts.capacity ?? 10, waitlistEnabled: true })
  await prisma.event.update({
    where: { id: event.id },
    data: {
      acceptsCard: true,
      acceptsTransfer: true,
      refundDeadline: opts.refundDeadline ?? null,
      refundFeeCents: opts.refundFeeCents ?? 0,
    },
  })
  const ticket = await prisma.ticketType.create({ data: { eventId: event.id, kind: 'paid', name: 'Plein tarif', priceCents: 4500 } })
  return { event, ticket }
}

let counter = 0
async function holdByCard(eventId: string, ticketTypeId: string, now = new Date()) {
  const email = `carte${++counter}-${Date.now()}@asso.example`
  const result = await register(eventId, { ...person({ email }), ticketTypeId, paymentMethod: 'card' }, { cardAvailable: true, now })
  expect(result.outcome).toBe('pending_payment')
  const url = await startCheckout(result.payment!.id, undefined, now)
  const sessionId = new URL(url).pathname.split('/').pop()!
  return { email, registrationId: result.registration.id, paymentId: result.payment!.id, sessionId, url }
}

function signed(type: string, object: Record<string, unknown>, id?: string) {
  const payload = JSON.stringify({ object: 'event', livemode: false, ...stripeEvent(type, object, id) })
  return { payload, signature: signPayload(payload, WEBHOOK_SECRET) }
}

const emails = (to: string, template: string) => prisma.emailMessage.count({ where: { toAddress: to, template } })
const state = async (paymentId: string) => {
  const p = await prisma.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { registration: true } })
  return {
    payment: p.status,
    registration: p.registration.status,
    receipt: p.receiptNumber,
    refund: p.refundStatus,
    refundCents: p.refundCents,
  }
}

describe('Checkout sessions', () => {
  test('one open session per payment, reused; ends at the hold (at least 30 minutes ahead)', async () => {
    const { event, ticket } = await paidEvent()
    const hold = await holdByCard(event.id, ticket.id)
    expect(await startCheckout(hold.paymentId)).toBe(hold.url)
    const session = stub.sessions.get(hold.sessionId)!
    expect(session).toMatchObject({ amount_total: 4500, currency: 'eur', client_reference_id: hold.paymentId, customer_email: hold.email })
    const registration = await prisma.registration.findUniqueOrThrow({ where: { id: hold.registrationId } })
    expect(session.expires_at).toBeGreaterThanOrEqual(Math.floor(registration.holdExpiresAt!.getTime() / 1000))
    expect(session.success_url).toContain(`/paiement/${hold.paymentId}/retour?session_id={CHECKOUT_SESSION_ID}`)
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: hold.paymentId } })).stripeCheckoutSessionId).toBe(hold.sessionId)
  })
})

describe('POST /webhooks/stripe', () => {
  test('checkout.session.completed replayed 10 times (5 at once): one confirmation, one receipt, one email', async () => {
    const { event, ticket } = await paidEvent()
    const hold = await holdByCard(event.id, ticket.id)
    const paid = stub.pay(hold.sessionId)
    const delivery = signed('checkout.session.completed', { ...paid })
    const first = await Promise.all(Array.from({ length: 5 }, () => handleStripeWebhook(delivery.payload, delivery.signature)))
    const rest = []
    for (let i = 0; i < 5; i++) rest.push(await handleStripeWebhook(delivery.payload, delivery.signature))
    const outcomes = [...first, ...rest].map((r) => (expect(r.status).toBe(200), r.body.outcome))
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(1)
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(9)
    expect(await state(hold.paymentId)).toMatchObject({ payment: 'paid', registration: 'confirmed' })
    expect((await state(hold.paymentId)).receipt).toBeGreaterThan(0)
    expect(await emails(hold.email, 'registration-confirmed')).toBe(1)
    expect(await prisma.auditLog.count({ where: { action: 'payment.paid', entityId: hold.paymentId } })).toBe(1)
    // The same payment in a new event (Stripe's own retry of another event) changes nothing either.
    const again = signed('checkout.session.completed', { ...paid })
    expect((await handleStripeWebhook(again.payload, again.signature)).body.outcome).toBe('already_paid')
    expect(await emails(hold.email, 'registration-confirmed')).toBe(1)
  })

  test('bad signature → 400 and nothing changed (wrong secret, altered body, stale timestamp, none)', async () => {
    const { event, ticket } = await paidEvent()
    const hold = await holdByCard(event.id, ticket.id)
    const paid = stub.pay(hold.sessionId)
    const good = signed('checkout.session.completed', { ...paid }, 'evt_badsig_1')
    const altered = good.payload.replace('"amount_total":4500', '"amount_total":1')
    const attempts = [
      [good.payload, signPayload(good.payload, 'whsec_someone_else')],
      [altered, good.signature],
      [good.payload, signPayload(good.payload, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 3600)],
      [good.payload, 't=1,v1=00'],
    ] as const
    for (const [payload, signature] of attempts) expect((await handleStripeWebhook(payload, signature)).status).toBe(400)
    expect((await handleStripeWebhook(good.payload, null)).status).toBe(400)
    // Through the route as well: raw body, 400 JSON body.
    const response = await webhookRoute.action({
      request: new Request('http://localhost/webhooks/stripe', {
        method: 'POST',
        headers: { 'Stripe-Signature': 't=1,v1=00' },
        body: good.payload,
      }),
      params: {},
      context: {},
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ errors: { signature: ['Invalid signature'] } })
    expect(await state(hold.paymentId)).toMatchObject({ payment: 'pending', registration: 'pending_payment', receipt: null })
    expect(await prisma.stripeEvent.count({ where: { id: 'evt_badsig_1' } })).toBe(0)
    expect(await emails(hold.email, 'registration-confirmed')).toBe(0)
    // The genuine delivery still works afterwards, through the route.
    const ok = await webhookRoute.action({
      request: new Request('http://localhost/webhooks/stripe', {
        method: 'POST',
        headers: { 'Stripe-Signature': good.signature },
        body: good.payload,
      }),
      params: {},
      context: {},
    })
    expect(ok.status).toBe(200)
    expect(await state(hold.paymentId)).toMatchObject({ payment: 'paid', registration: 'confirmed' })
  })

  test('out of order: an expired after completed changes nothing', async () => {
    const { event, ticket } = await paidEvent()
    const hold = await holdByCard(event.id, ticket.id)
    const paid = stub.pay(hold.sessionId)
    const completed = signed('checkout.session.completed', { ...paid })
    const expired = signed('checkout.session.expired', { ...paid, status: 'expired' })
    expect((await handleStripeWebhook(completed.payload, completed.signature)).body.outcome).toBe('confirmed')
    expect((await handleStripeWebhook(expired.payload, expired.signature, new Date(Date.now() + 2 * 3600_000))).body.outcome).toBe(
      'not_released',
    )
    expect(await state(hold.paymentId)).toMatchObject({ payment: 'paid', registration: 'confirmed' })
  })

  test('out of order: completed after the local expiry, seat still free → confirmed', async () => {
    const { event, ticket } = await paidEvent({ capacity: 1 })
    const hold = await holdByCard(event.id, ticket.id)
    const paid = stub.pay(hold.sessionId)
    // The hold ran out locally while Stripe's webhook was late (the job could not reach Stripe for a day).
    stub.expire(hold.sessionId)
    const later = new Date(Date.now() + 25 * 3600_000)
    await prisma.$transaction(async (tx) => {
      const { releasePendingPayment } = await import('./service.server.ts')
      expect(await releasePendingPayment(tx, hold.paymentId, { now: later, reason: 'expired' })).toBe(true)
    })
    expect(await state(hold.paymentId)).toMatchObject({ payment: 'expired', registration: 'cancelled' })
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(0)
    const completed = signed('checkout.session.completed', { ...paid })
    expect((await handleStripeWebhook(completed.payload, completed.signature, later)).body.outcome).toBe('confirmed')
    expect(await state(hold.paymentId)).toMatchObject({ payment: 'paid', registration: 'confirmed' })
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(1)
    expect(stub.refunds.filter((r) => r.payment_intent === paid.payment_intent)).toHaveLength(0)
  })

  test('out of order: completed after the local expiry, seat taken meanwhile → kept with its receipt, refunded in full', async () => {
    const { event, ticket } = await paidEvent({ capacity: 1 })
    const hold = await holdByCard(event.id, ticket.id)
    const paid = stub.pay(hold.sessionId)
    stub.expire(hold.sessionId)
    await prisma.$transaction(async (tx) => {
      const { releasePendingPayment } = await import('./service.server.ts')
      await releasePendingPayment(tx, hold.paymentId, { now: new Date(), reason: 'expired' })
    })
    const other = await holdByCard(event.id, ticket.id)
    const completed = signed('checkout.session.completed', { ...paid })
    expect((await handleStripeWebhook(completed.payload, completed.signature)).body.outcome).toBe('seat_lost')
    expect(await state(hold.paymentId)).toMatchObject({
      payment: 'refunded',
      registration: 'cancelled',
      refund: 'succeeded',
      refundCents: 4500,
    })
    expect((await state(hold.paymentId)).receipt).toBeGreaterThan(0)
    expect(stub.refunds.filter((r) => r.payment_intent === paid.payment_intent).map((r) => r.amount)).toEqual([4500])
    expect(await emails(hold.email, 'refund-result')).toBe(1)
    expect(await state(other.paymentId)).toMatchObject({ payment: 'pending', registration: 'pending_payment' })
    // The return page tells the attendee where they stand.
    expect((await checkoutView(hold.paymentId, hold.sessionId, { settle: true }))!.state).toBe('seat_lost')
    // charge.refunded from Stripe afterwards: already recorded, no second email.
    const refunded = signed('charge.refunded', { id: 'ch_1', object: 'charge', amount_refunded: 4500, payment_intent: paid.payment_intent })
    await handleStripeWebhook(refunded.payload, refunded.signature)
    expect(await emails(hold.email, 'refund-result')).toBe(1)
  })
})

describe('paid after the attendee cancelled the hold', () => {
  test('the registration stays cancelled; the payment is refunded in full and the return page says so', async () => {
    const { event, ticket } = await paidEvent()
    const hold = await holdByCard(event.id, ticket.id)
    await cancelRegistration(hold.registrationId, { reason: 'attendee' })
    const paid = stub.pay(hold.sessionId)
    const completed = signed('checkout.session.completed', { ...paid })
    expect((await handleStripeWebhook(completed.payload, completed.signature)).body.outcome).toBe('seat_lost')
    expect(await state(hold.paymentId)).toMatchObject({ registration: 'cancelled', refund: 'succeeded', refundCents: 4500 })
    expect((await checkoutView(hold.paymentId, hold.sessionId, { settle: true }))!.state).toBe('seat_lost')
  })
})

describe('hold expiry', () => {
  test('an expired hold frees the seat, the ticket and offers it to the waiting list; Stripe session expired first', async () => {
    const { event, ticket } = await paidEvent({ capacity: 1 })
    const hold = await holdByCard(event.id, ticket.id)
    const waiting = await register(
      event.id,
      { ...person({ email: `attente-${Date.now()}@asso.example` }), ticketTypeId: ticket.id, paymentMethod: 'card' },
      { cardAvailable: true },
    )
    expect(waiting.outcome).toBe('waitlisted')
    expect(await expireDueHolds(new Date())).toBe(0)
    expect(await state(hold.paymentId)).toMatchObject({ payment: 'pending', registration: 'pending_payment' })

    const later = new Date(Date.now() + 31 * MINUTE)
    expect(await expireDueHolds(later)).toBeGreaterThanOrEqual(1)
    expect(stub.sessions.get(hold.sessionId)!.status).toBe('expired')
    expect(await state(hold.paymentId)).toMatchObject({ payment: 'expired', registration: 'cancelled' })
    expect((await prisma.ticketType.findUniqueOrThrow({ where: { id: ticket.id } })).sold).toBe(0)
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: waiting.registration.id } })).status).toBe('offered')
    // Stripe's own checkout.session.expired arriving afterwards changes nothing.
    const expired = signed('checkout.session.expired', { ...stub.sessions.get(hold.sessionId)! })
    expect((await handleStripeWebhook(expired.payload, expired.signature, later)).body.outcome).toBe('not_released')
  })

  test('paid at the last second: the job finds the session complete and confirms instead of releasing', async () => {
    const { event, ticket } = await paidEvent({ capacity: 1 })
    const hold = await holdByCard(event.id, ticket.id)
    stub.pay(hold.sessionId)
    await expireDueHolds(new Date(Date.now() + 31 * MINUTE))
    expect(await state(hold.paymentId)).toMatchObject({ payment: 'paid', registration: 'confirmed' })
  })

  test('the attendee gives the seat back from the cancel page: session expired at Stripe, seat freed', async () => {
    const { event, ticket } = await paidEvent({ capacity: 1 })
    const hold = await holdByCard(event.id, ticket.id)
    expect((await checkoutView(hold.paymentId, hold.sessionId))!.state).toBe('held')
    expect(await checkoutView(hold.paymentId, 'cs_test_not_this_one')).toBeNull()
    expect(await closeCheckout(hold.paymentId, { reason: 'cancelled' })).toBe('released')
    expect(stub.sessions.get(hold.sessionId)!.status).toBe('expired')
    expect(await state(hold.paymentId)).toMatchObject({ payment: 'cancelled', registration: 'cancelled' })
    expect((await checkoutView(hold.paymentId, hold.sessionId))!.state).toBe('released')
  })
})

describe('cancel page: transfer instead', () => {
  test('the card attempt is cancelled and its session expired; the seat stays; transfer instructions are emailed', async () => {
    const { event, ticket } = await paidEvent({ capacity: 1 })
    const hold = await holdByCard(event.id, ticket.id)
    await switchToTransfer(hold.paymentId)
    expect(stub.sessions.get(hold.sessionId)!.status).toBe('expired')
    expect((await checkoutView(hold.paymentId, hold.sessionId))!.state).toBe('transfer')
    const pending = await prisma.payment.findMany({ where: { registrationId: hold.registrationId, status: 'pending' } })
    expect(pending.map((p) => p.method)).toEqual(['transfer'])
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: hold.registrationId } })).status).toBe('pending_payment')
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(1)
    expect(await emails(hold.email, 'payment-instructions')).toBe(1)
    // The expiry job leaves a transfer alone.
    await expireDueHolds(new Date(Date.now() + 2 * 3600_000))
    expect(await prisma.payment.count({ where: { id: pending[0]!.id, status: 'pending' } })).toBe(1)
  })
})

describe('refund on cancel', () => {
  async function confirmedByCard(opts: { refundDeadline: Date | null; refundFeeCents: number }) {
    const { event, ticket } = await paidEvent(opts)
    const hold = await holdByCard(event.id, ticket.id)
    stub.pay(hold.sessionId)
    // The return page confirms without waiting for the webhook.
    expect((await checkoutView(hold.paymentId, hold.sessionId, { settle: true }))!.state).toBe('paid')
    return hold
  }

  test('before the deadline: amount − fee refunded through Stripe, recorded and emailed', async () => {
    const hold = await confirmedByCard({ refundDeadline: new Date(Date.now() + 7 * 24 * 3600_000), refundFeeCents: 500 })
    const cancelled = await cancelRegistration(hold.registrationId, { reason: 'attendee' })
    expect(cancelled.refundPaymentId).toBe(hold.paymentId)
    await refundAfterCancel(cancelled)
    expect(await state(hold.paymentId)).toMatchObject({ refund: 'succeeded', refundCents: 4000, registration: 'cancelled' })
    const intent = (await prisma.payment.findUniqueOrThrow({ where: { id: hold.paymentId } })).stripePaymentIntentId
    expect(stub.refunds.filter((r) => r.payment_intent === intent).map((r) => r.amount)).toEqual([4000])
    expect(await emails(hold.email, 'refund-result')).toBe(1)
    // A second call (a retry after a crash) refunds nothing more.
    expect(await refundPayment(hold.paymentId)).toBe('nothing_to_do')
    expect(stub.refunds.filter((r) => r.payment_intent === intent)).toHaveLength(1)
  })

  test('cancelled by the organisers: refunded in full at once', async () => {
    const hold = await confirmedByCard({ refundDeadline: null, refundFeeCents: 500 })
    const registration = await prisma.registration.findUniqueOrThrow({ where: { id: hold.registrationId } })
    const organiser = await prisma.user.create({ data: { email: `orga-${Date.now()}@cress.example` } })
    const { cancelByOrganiser } = await import('#app/composition/registrations.server.ts')
    await cancelByOrganiser(registration.eventId, registration.id, { actorUserId: organiser.id })
    expect(await state(hold.paymentId)).toMatchObject({ refund: 'succeeded', refundCents: 4500, registration: 'cancelled' })
    expect(await emails(hold.email, 'refund-result')).toBe(1)
  })

  test('after the deadline: no refund', async () => {
    const hold = await confirmedByCard({ refundDeadline: new Date(Date.now() - 3600_000), refundFeeCents: 0 })
    const { refundPaymentId } = await cancelRegistration(hold.registrationId, { reason: 'attendee' })
    expect(refundPaymentId ?? null).toBeNull()
    expect(await state(hold.paymentId)).toMatchObject({ payment: 'paid', refund: 'not_refundable' })
    const intent = (await prisma.payment.findUniqueOrThrow({ where: { id: hold.paymentId } })).stripePaymentIntentId
    expect(stub.refunds.filter((r) => r.payment_intent === intent)).toHaveLength(0)
    expect(await emails(hold.email, 'refund-result')).toBe(0)
  })

  test('Stripe down: the refund stays pending and the retry job sends it; a refusal is failed and told once', async () => {
    const hold = await confirmedByCard({ refundDeadline: new Date(Date.now() + 24 * 3600_000), refundFeeCents: 0 })
    // The cancellation itself asks Stripe for the refund: Stripe is down, the refund stays pending.
    stub.failNextRefund(500, 'api_error', 'Stripe is having a bad day')
    stub.failNextRefund(500, 'api_error', 'Stripe is having a bad day')
    stub.failNextRefund(500, 'api_error', 'Stripe is having a bad day')
    const { refundPaymentId } = await cancelRegistration(hold.registrationId, { reason: 'attendee' })
    expect(refundPaymentId).toBe(hold.paymentId)
    expect(await state(hold.paymentId)).toMatchObject({ refund: 'pending' })
    expect(await emails(hold.email, 'refund-result')).toBe(0)
    expect(await retryRefunds(new Date(Date.now() + 2 * MINUTE))).toBeGreaterThanOrEqual(1)
    expect(await state(hold.paymentId)).toMatchObject({ refund: 'succeeded', refundCents: 4500 })
    expect(await emails(hold.email, 'refund-result')).toBe(1)

    const refused = await confirmedByCard({ refundDeadline: new Date(Date.now() + 24 * 3600_000), refundFeeCents: 0 })
    stub.failNextRefund(400, 'invalid_request_error', 'Charge has been disputed')
    const second = await cancelRegistration(refused.registrationId, { reason: 'attendee' })
    expect(second.refundPaymentId).toBe(refused.paymentId)
    expect(await state(refused.paymentId)).toMatchObject({ refund: 'failed' })
    expect(await emails(refused.email, 'refund-result')).toBe(1)
  })
})
