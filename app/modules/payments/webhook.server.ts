// Stripe's webhook: a verified event is applied once. Its id goes into StripeEvent in the same
// transaction as its effect, so a repeated delivery (Stripe retries, replays) finds the id taken
// and changes nothing, while a delivery that failed midway left no trace and is applied in full
// when Stripe retries. Events may arrive in any order; each handler checks the current state.
import type Stripe from 'stripe'
import { prisma, type Tx } from '#app/db.server.ts'
import { logger } from '#app/utils/logger.server.ts'
import { releasePendingPayment } from './service.server.ts'
import {
  cardPaymentOfSession,
  intentIdOf,
  recordRefund,
  refundPayment,
  settlePaidSession,
  stripeClient,
  stripeConfig,
  type SettleOutcome,
} from './stripe.server.ts'

const TX = { maxWait: 30_000, timeout: 30_000 }
/** Stripe's events are a few kilobytes; anything far larger is not one. */
export const MAX_WEBHOOK_BYTES = 512 * 1024

export type WebhookResult = { status: number; body: Record<string, unknown> }

type Outcome = SettleOutcome | 'duplicate' | 'released' | 'not_released' | 'refund_recorded'

const error = (status: number, field: string, message: string): WebhookResult => ({ status, body: { errors: { [field]: [message] } } })

/** Verifies the Stripe-Signature header over the exact bytes received, then applies the event. */
export async function handleStripeWebhook(payload: Buffer | string, signature: string | null, now = new Date()): Promise<WebhookResult> {
  const config = stripeConfig()
  if (!config) return error(503, 'stripe', 'Card payments are not configured on this server')
  if (!signature) return error(400, 'signature', 'Missing Stripe-Signature header')
  let event: Stripe.Event
  try {
    event = stripeClient(config).webhooks.constructEvent(payload, signature, config.webhookSecret)
  } catch (e) {
    logger.warn({ err: e }, 'Stripe webhook refused: bad signature')
    return error(400, 'signature', 'Invalid signature')
  }
  const { outcome, refunds } = await applyStripeEvent(event, now)
  // Refunds are Stripe calls: made after the commit. A crash here leaves them pending for retryRefunds.
  for (const paymentId of refunds) {
    await refundPayment(paymentId, now).catch((e: unknown) =>
      logger.error({ err: e, paymentId }, 'refund after a webhook failed; the retry job will try again'),
    )
  }
  logger.info({ stripeEvent: event.id, type: event.type, outcome }, 'Stripe webhook')
  return { status: 200, body: { received: true, outcome } }
}

/** Applies one verified event, exactly once per event id. Exported for tests. */
export async function applyStripeEvent(event: Stripe.Event, now = new Date()) {
  const refunds: string[] = []
  const outcome = await prisma.$transaction(async (tx): Promise<Outcome> => {
    // ON CONFLICT DO NOTHING instead of catching the unique violation: on PostgreSQL an error
    // would abort the whole transaction. A concurrent delivery of the same id waits on the row.
    const inserted = await tx.$executeRaw`
      INSERT INTO "StripeEvent" ("id", "type", "processedAt") VALUES (${event.id}, ${event.type}, ${now})
      ON CONFLICT ("id") DO NOTHING`
    if (inserted === 0) return 'duplicate'
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded':
        return sessionPaid(tx, event.data.object, now, refunds)
      case 'checkout.session.expired':
        return sessionExpired(tx, event.data.object, now)
      case 'charge.refunded':
        return chargeRefunded(tx, event.data.object, now)
      default:
        return 'ignored'
    }
  }, TX)
  return { outcome, refunds }
}

const sessionPaid = (tx: Tx, session: Stripe.Checkout.Session, now: Date, refunds: string[]) => settlePaidSession(tx, session, now, refunds)

/**
 * An expired session releases the hold only if the payment still waits on that very session and
 * its hold has run out: an `expired` after a `completed` finds the payment paid, and the expiry
 * of an abandoned earlier session must not cancel the attendee's newer attempt.
 */
async function sessionExpired(tx: Tx, session: Stripe.Checkout.Session, now: Date): Promise<Outcome> {
  const payment = await cardPaymentOfSession(tx, session)
  if (!payment) return 'unknown_payment'
  const holdOver = !payment.registration.holdExpiresAt || payment.registration.holdExpiresAt <= now
  if (payment.status !== 'pending' || payment.stripeCheckoutSessionId !== session.id || !holdOver) return 'not_released'
  return (await releasePendingPayment(tx, payment.id, { now, reason: 'expired' })) ? 'released' : 'not_released'
}

/** A refund confirmed by Stripe (ours, or one made from the Stripe dashboard). */
async function chargeRefunded(tx: Tx, charge: Stripe.Charge, now: Date): Promise<Outcome> {
  const intent = intentIdOf(charge.payment_intent)
  const payment = intent ? await tx.payment.findFirst({ where: { stripePaymentIntentId: intent, method: 'card' } }) : null
  if (!payment) return 'unknown_payment'
  const fromDashboard = payment.refundStatus === 'none' || payment.refundStatus === 'not_refundable'
  await recordRefund(
    payment.id,
    { status: 'succeeded', refundedAt: now, ...(fromDashboard ? { refundCents: charge.amount_refunded } : {}) },
    'succeeded',
    tx,
  )
  return 'refund_recorded'
}
