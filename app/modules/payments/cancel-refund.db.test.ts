// One cancel path: whoever cancels a paid registration (the attendee's personal link, the
// organisers, the API, which cancels as the organisers do, or the attendee's erasure), the
// refund is asked for in the same call: through Stripe for a card, recorded as due for a transfer.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { cancelByAttendee, cancelByOrganiser, eraseRegistration, register } from '#app/composition/registrations.server.ts'
import { prisma } from '#app/db.server.ts'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { makeEvent, makeOrganisation, makeUser, person } from '#tests/support/factories.ts'
import { startStripeStub, type StripeStub } from '#tests/support/stripe-stub.ts'
import { confirmPayment } from './service.server.ts'
import { checkoutView, startCheckout } from './stripe.server.ts'

let stub: StripeStub
let organisationId = ''
let organiserId = ''

beforeAll(async () => {
  stub = await startStripeStub({ secretKey: 'sk_test_cancel', webhookSecret: 'whsec_cancel' })
  Object.assign(process.env, stub.env)
  resetEnvCache()
  organisationId = (await makeOrganisation()).id
  organiserId = (await makeUser()).id
})
afterAll(async () => {
  await stub.close()
  for (const key of Object.keys(stub.env)) delete process.env[key]
  resetEnvCache()
})

async function paidRegistration(method: 'card' | 'transfer') {
  const event = await makeEvent(organisationId, { capacity: 10 })
  await prisma.event.update({
    where: { id: event.id },
    data: { acceptsCard: true, acceptsTransfer: true, refundDeadline: new Date(Date.now() + 7 * 24 * 3600_000), refundFeeCents: 0 },
  })
  const ticket = await prisma.ticketType.create({ data: { eventId: event.id, kind: 'paid', name: 'Plein tarif', priceCents: 4500 } })
  const result = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: method }, { cardAvailable: true })
  const paymentId = result.payment!.id
  if (method === 'card') {
    const sessionId = new URL(await startCheckout(paymentId)).pathname.split('/').pop()!
    stub.pay(sessionId)
    expect((await checkoutView(paymentId, sessionId, { settle: true }))!.state).toBe('paid')
  } else {
    await prisma.$transaction((tx) => confirmPayment(tx, paymentId, { now: new Date(), markedPaidByUserId: organiserId }))
  }
  return { eventId: event.id, registrationId: result.registration.id, paymentId }
}

const callers = {
  'personal link': (r: { registrationId: string }) => cancelByAttendee(r.registrationId),
  organiser: (r: { eventId: string; registrationId: string }) =>
    cancelByOrganiser(r.eventId, r.registrationId, { actorUserId: organiserId }),
  // The API's DELETE handler (app/modules/api/registrations.server.ts) calls cancelByOrganiser.
  api: (r: { eventId: string; registrationId: string }) => cancelByOrganiser(r.eventId, r.registrationId, { actorUserId: organiserId }),
  erasure: (r: { registrationId: string }) => eraseRegistration(r.registrationId),
}

describe('cancelling a paid registration refunds it, whoever cancels', () => {
  for (const [caller, cancel] of Object.entries(callers)) {
    test(`${caller}: a card payment is refunded through Stripe`, async () => {
      const r = await paidRegistration('card')
      await cancel(r)
      const payment = await prisma.payment.findUniqueOrThrow({ where: { id: r.paymentId }, include: { registration: true } })
      expect(payment.registration.status).toBe('cancelled')
      expect(payment).toMatchObject({ refundStatus: 'succeeded', refundCents: 4500 })
      expect(stub.refunds.filter((x) => x.payment_intent === payment.stripePaymentIntentId)).toHaveLength(1)
    })

    test(`${caller}: a transfer is recorded as to refund by the organisers`, async () => {
      const r = await paidRegistration('transfer')
      await cancel(r)
      const payment = await prisma.payment.findUniqueOrThrow({ where: { id: r.paymentId }, include: { registration: true } })
      expect(payment.registration.status).toBe('cancelled')
      expect(payment).toMatchObject({ status: 'paid', refundStatus: 'pending', refundCents: 4500 })
    })
  }
})
