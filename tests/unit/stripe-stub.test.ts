// The Stripe stub speaks the official client's language: sessions created, retrieved, expired
// and refunded through `stripe` pointed at it, and webhooks the client's own verifier accepts.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { signPayload, startStripeStub, type StripeStub } from '#tests/support/stripe-stub.ts'

const SECRET = 'whsec_stubtest'
let stub: StripeStub
let stripe: Stripe
const received: { body: string; signature: string }[] = []
const hook = createServer((req, res) => {
  let body = ''
  req.on('data', (c: Buffer) => (body += c.toString('utf8')))
  req.on('end', () => {
    received.push({ body, signature: String(req.headers['stripe-signature']) })
    res.end('{}')
  })
})

beforeAll(async () => {
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r))
  stub = await startStripeStub({
    secretKey: 'sk_test_stub',
    webhookSecret: SECRET,
    webhookUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`,
  })
  stripe = new Stripe('sk_test_stub', { host: '127.0.0.1', port: stub.port, protocol: 'http', maxNetworkRetries: 0 })
})
afterAll(async () => {
  await stub.close()
  hook.close()
})

const inMinutes = (n: number) => Math.floor(Date.now() / 1000) + n * 60
// Fixed once: a replay with the same key must send the same parameters, even across a second's turn.
const EXPIRES_AT = inMinutes(40)

function create(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}, idempotencyKey?: string) {
  return stripe.checkout.sessions.create(
    {
      mode: 'payment',
      line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: 4500, product_data: { name: 'Conférence — Plein tarif' } } }],
      client_reference_id: 'pay_1',
      metadata: { paymentId: 'pay_1' },
      expires_at: EXPIRES_AT,
      success_url: 'http://app.test/paiement/pay_1/retour?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://app.test/paiement/pay_1/annule?session_id={CHECKOUT_SESSION_ID}',
      ...overrides,
    },
    idempotencyKey ? { idempotencyKey } : undefined,
  )
}

describe('Stripe stub with the official client', () => {
  test('create, retrieve, expire; idempotency keys replay the first answer', async () => {
    const session = await create({}, 'checkout-pay_1')
    expect(session).toMatchObject({
      object: 'checkout.session',
      status: 'open',
      amount_total: 4500,
      currency: 'eur',
      client_reference_id: 'pay_1',
      metadata: { paymentId: 'pay_1' },
    })
    expect(session.url).toBe(`${stub.url}/pay/${session.id}`)
    expect((await create({}, 'checkout-pay_1')).id).toBe(session.id)
    await expect(create({ client_reference_id: 'other' }, 'checkout-pay_1')).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError)

    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open')
    expect((await stripe.checkout.sessions.expire(session.id)).status).toBe('expired')
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    await expect(stripe.checkout.sessions.retrieve('cs_test_nope')).rejects.toMatchObject({ code: 'resource_missing' })
  })

  test('refuses what Stripe refuses: a session ending in under 30 minutes, a wrong key', async () => {
    await expect(create({ expires_at: inMinutes(10) })).rejects.toThrow(/30 minutes/)
    const wrong = new Stripe('sk_test_wrong', { host: '127.0.0.1', port: stub.port, protocol: 'http', maxNetworkRetries: 0 })
    await expect(wrong.checkout.sessions.retrieve('cs_x')).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
  })

  test('the hosted page pays, sends a verifiable checkout.session.completed and redirects; refunds once per key', async () => {
    const session = await create()
    const page = await fetch(session.url!)
    expect(await page.text()).toContain('Payer')
    const pay = await fetch(session.url!, { method: 'POST', redirect: 'manual' })
    expect(pay.status).toBe(303)
    expect(pay.headers.get('location')).toBe(`http://app.test/paiement/pay_1/retour?session_id=${session.id}`)

    const delivery = received.find((r) => r.body.includes(session.id) && r.body.includes('checkout.session.completed'))!
    const event = stripe.webhooks.constructEvent(delivery.body, delivery.signature, SECRET)
    const paid = event.data.object as Stripe.Checkout.Session
    expect(paid).toMatchObject({ id: session.id, status: 'complete', payment_status: 'paid' })
    expect(() => stripe.webhooks.constructEvent(delivery.body, delivery.signature, 'whsec_other')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    )
    expect(() => stripe.webhooks.constructEvent(delivery.body, signPayload(delivery.body, SECRET), SECRET)).not.toThrow()

    const refund = await stripe.refunds.create(
      { payment_intent: paid.payment_intent as string, amount: 4000 },
      { idempotencyKey: 'refund-pay_1' },
    )
    expect(refund).toMatchObject({ object: 'refund', amount: 4000, status: 'succeeded' })
    expect(
      (await stripe.refunds.create({ payment_intent: paid.payment_intent as string, amount: 4000 }, { idempotencyKey: 'refund-pay_1' })).id,
    ).toBe(refund.id)
    expect(stub.refunds).toHaveLength(1)
    await expect(stripe.refunds.create({ payment_intent: paid.payment_intent as string, amount: 1000 })).rejects.toMatchObject({
      code: 'amount_too_large',
    })
  })
})
