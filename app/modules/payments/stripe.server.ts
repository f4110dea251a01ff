// Card payments through Stripe Checkout: the client (configured from the environment), opening a
// Checkout Session for a pending card payment, refunds, and the jobs that expire holds and retry
// refunds. The webhook (webhook.server.ts) and the return pages confirm payments.
// Every Stripe call that creates something carries an idempotency key, so a retry after a crash
// or a timeout never charges or refunds twice.
import Stripe from 'stripe'
import { prisma, type Tx } from '#app/db.server.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import { eventEmailSummary, issueManageLink, manageUrlFor } from '#app/modules/registrations/service.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { AppError } from '#app/utils/errors.ts'
import type { Locale } from '#app/utils/i18n.ts'
import { logger } from '#app/utils/logger.server.ts'
import { absoluteUrl } from '#app/utils/url.server.ts'
import { confirmPayment, dueCardHolds, releasePendingPayment, switchPaymentMethod } from './service.server.ts'

/** Stripe refuses a Checkout Session that expires sooner than 30 minutes after its creation. */
export const CHECKOUT_MIN_LIFETIME_MS = 30 * 60_000
const CHECKOUT_MAX_LIFETIME_MS = 24 * 60 * 60_000

export type StripeConfig = {
  secretKey: string
  webhookSecret: string
  host?: string
  port?: number
  protocol?: 'http' | 'https'
}

/** Null when the keys are not configured (the embedded demo): card payment is then unavailable. */
export function stripeConfig(): StripeConfig | null {
  const env = getEnv()
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) return null
  return {
    secretKey: env.STRIPE_SECRET_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    host: env.STRIPE_API_HOST,
    port: env.STRIPE_API_PORT,
    protocol: env.STRIPE_API_PROTOCOL,
  }
}

export function cardPaymentsAvailable(): boolean {
  return stripeConfig() !== null
}

let cached: { key: string; client: Stripe } | undefined

/** The official client, pointed at api.stripe.com or at STRIPE_API_HOST/PORT/PROTOCOL. */
export function stripeClient(config = stripeConfig()): Stripe {
  if (!config) throw cardUnavailable()
  const key = JSON.stringify(config)
  if (cached?.key !== key) {
    cached = {
      key,
      client: new Stripe(config.secretKey, {
        host: config.host,
        port: config.port,
        protocol: config.protocol,
        // Our own idempotency keys make retries safe; the client retries network errors twice.
        maxNetworkRetries: 2,
        timeout: 20_000,
        telemetry: false,
        appInfo: { name: 'Essor' },
      }),
    }
  }
  return cached.client
}

function cardUnavailable() {
  return new AppError({ status: 409, code: 'card_unavailable', messageKey: 'paymentsCard.error.unavailable' })
}

function paymentClosed() {
  return new AppError({ status: 409, code: 'payment_not_open', messageKey: 'paymentsCard.error.notOpen' })
}

/** When the Checkout Session ends: at the hold's end, but never sooner than Stripe allows. */
export function checkoutExpiry(holdExpiresAt: Date, now: Date): Date {
  const earliest = now.getTime() + CHECKOUT_MIN_LIFETIME_MS + 60_000
  const latest = now.getTime() + CHECKOUT_MAX_LIFETIME_MS - 60_000
  const at = Math.min(Math.max(holdExpiresAt.getTime(), earliest), latest)
  // Whole seconds (Stripe's unit); two clicks in the same second build the same request.
  return new Date(Math.ceil(at / 1000) * 1000)
}

async function loadCardPayment(paymentId: string) {
  return prisma.payment.findUnique({
    where: { id: paymentId },
    include: { registration: { include: { event: true, ticketType: true } } },
  })
}

/**
 * The Stripe Checkout address where the attendee pays this pending card payment. An open
 * session is reused; a new one is created only when there is none or it ended. Two concurrent
 * calls may both create one: the first stored wins and the other is expired at once.
 */
export async function startCheckout(paymentId: string, request?: Request, now = new Date()): Promise<string> {
  const config = stripeConfig()
  if (!config) throw cardUnavailable()
  const stripe = stripeClient(config)
  const payment = await loadCardPayment(paymentId)
  if (!payment) throw new AppError({ status: 404, code: 'not_found', messageKey: 'error.404.title' })
  const registration = payment.registration
  if (payment.method !== 'card' || payment.status !== 'pending' || registration.status !== 'pending_payment') throw paymentClosed()
  // Pending still, but the seat's hold is over: it is about to be released.
  if (!registration.holdExpiresAt || registration.holdExpiresAt <= now) {
    throw new AppError({ status: 409, code: 'hold_over', messageKey: 'payments.page.holdOver' })
  }

  const previous = payment.stripeCheckoutSessionId
  if (previous) {
    const session = await stripe.checkout.sessions.retrieve(previous)
    if (session.status === 'open' && session.url) return session.url
    // Paid already (the webhook is on its way): the return page confirms and says so.
    if (session.status === 'complete') return returnUrl(payment.id, session.id)
  }

  const event = registration.event
  const ticket = registration.ticketType
  const expiresAt = checkoutExpiry(registration.holdExpiresAt, now)
  const metadata = { paymentId: payment.id, registrationId: registration.id, eventId: event.id, reference: payment.reference }
  const base = absoluteUrl(`/paiement/${payment.id}`)
  const session = await stripe.checkout.sessions.create(
    {
      mode: 'payment',
      // Card only: an immediate answer, no delayed debit to track past the hold.
      allowed_payment_method_types: ['card'],
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: payment.currency,
            unit_amount: payment.amountCents,
            product_data: { name: ticket ? `${event.title} — ${ticket.name}` : event.title },
          },
        },
      ],
      client_reference_id: payment.id,
      customer_email: registration.email,
      locale: registration.locale === 'en' ? 'en' : 'fr',
      metadata,
      payment_intent_data: { metadata, description: `${event.title} (${payment.reference})` },
      expires_at: Math.floor(expiresAt.getTime() / 1000),
      success_url: `${base}/retour?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${base}/annule?session_id={CHECKOUT_SESSION_ID}`,
    },
    { idempotencyKey: `checkout-${payment.id}-${previous ?? 'first'}-${expiresAt.getTime() / 1000}` },
  )

  const { count } = await prisma.payment.updateMany({
    where: { id: payment.id, status: 'pending', stripeCheckoutSessionId: previous },
    data: { stripeCheckoutSessionId: session.id },
  })
  if (count === 1 || (await storedSession(payment.id)) === session.id) return session.url!
  // Another request stored its session first (or the payment closed meanwhile): ours must not be payable.
  await stripe.checkout.sessions
    .expire(session.id)
    .catch((error: unknown) => logger.warn({ err: error, paymentId }, 'could not expire a duplicate Checkout Session'))
  const winner = await storedSession(payment.id)
  if (!winner) throw paymentClosed()
  const current = await stripe.checkout.sessions.retrieve(winner)
  if (current.status === 'open' && current.url) return current.url
  throw paymentClosed()
}

async function storedSession(paymentId: string) {
  const row = await prisma.payment.findUnique({ where: { id: paymentId }, select: { stripeCheckoutSessionId: true, status: true } })
  return row?.status === 'pending' ? row.stripeCheckoutSessionId : null
}

function returnUrl(paymentId: string, sessionId: string) {
  return absoluteUrl(`/paiement/${paymentId}/retour?session_id=${encodeURIComponent(sessionId)}`)
}

// Network trouble or a Stripe outage: the refund stays pending and the job tries again.
function isTransient(error: unknown) {
  return (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    error instanceof Stripe.errors.StripeAuthenticationError ||
    error instanceof Stripe.errors.StripeIdempotencyError ||
    (error instanceof Stripe.errors.StripeError && error.statusCode === 409)
  )
}

export type RefundOutcome = 'succeeded' | 'failed' | 'retry_later' | 'nothing_to_do'

/**
 * Sends the refund a payment records as pending (refundCents set by the cancellation, or the full
 * amount when a late payment found its seat taken). Idempotency key `refund-<paymentId>`: a retry
 * returns Stripe's first answer instead of refunding twice. Records the result and emails it.
 */
export async function refundPayment(paymentId: string, now = new Date()): Promise<RefundOutcome> {
  const payment = await loadCardPayment(paymentId)
  if (!payment || payment.method !== 'card' || !['pending', 'failed'].includes(payment.refundStatus)) return 'nothing_to_do'
  const refundCents = payment.refundCents ?? 0
  if (refundCents <= 0) {
    await recordRefund(payment.id, { status: 'succeeded', refundedAt: now }, null)
    return 'succeeded'
  }
  const config = stripeConfig()
  if (!config) {
    await recordRefundError(payment.id, 'Stripe is not configured (STRIPE_SECRET_KEY)')
    return 'retry_later'
  }
  const stripe = stripeClient(config)
  try {
    let paymentIntent = payment.stripePaymentIntentId
    if (!paymentIntent && payment.stripeCheckoutSessionId) {
      const session = await stripe.checkout.sessions.retrieve(payment.stripeCheckoutSessionId)
      paymentIntent = typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null)
    }
    if (!paymentIntent) throw new Error('no Stripe payment to refund (no PaymentIntent on this payment)')
    const refund = await stripe.refunds.create(
      { payment_intent: paymentIntent, amount: refundCents, metadata: { paymentId: payment.id, reference: payment.reference } },
      { idempotencyKey: `refund-${payment.id}` },
    )
    if (refund.status === 'failed' || refund.status === 'canceled') {
      await recordRefund(
        payment.id,
        { status: 'failed', error: refund.failure_reason ?? `refund ${refund.status}`, stripeRefundId: refund.id },
        'failed',
      )
      return 'failed'
    }
    // 'pending' at Stripe (some cards take days) counts as sent: charge.refunded confirms it later.
    await recordRefund(payment.id, { status: 'succeeded', stripeRefundId: refund.id, refundedAt: now }, 'succeeded')
    return 'succeeded'
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (isTransient(error)) {
      logger.warn({ err: error, paymentId }, 'refund deferred: Stripe unreachable')
      await recordRefundError(payment.id, message)
      return 'retry_later'
    }
    logger.error({ err: error, paymentId }, 'refund failed')
    await recordRefund(payment.id, { status: 'failed', error: message }, 'failed')
    return 'failed'
  }
}

/**
 * After a committed cancellation: sends the card refund it asked for, if any. Never fails the
 * cancellation; whatever is left pending is sent by retryRefunds.
 */
export async function refundAfterCancel(result: { refundPaymentId?: string | null }) {
  if (!result.refundPaymentId) return
  await refundPayment(result.refundPaymentId).catch((error: unknown) =>
    logger.error({ err: error, paymentId: result.refundPaymentId }, 'refund after cancellation failed; the retry job will try again'),
  )
}

async function recordRefundError(paymentId: string, error: string) {
  await prisma.payment.updateMany({
    where: { id: paymentId, refundStatus: { in: ['pending', 'failed'] } },
    data: { refundError: error.slice(0, 500) },
  })
}

type RefundRecord = { status: 'succeeded' | 'failed'; error?: string; stripeRefundId?: string; refundedAt?: Date; refundCents?: number }

/**
 * Moves the refund to its result with a conditional update, so the refund call, the retry job
 * and the charge.refunded webhook can all report the same refund and only the first one emails.
 */
export async function recordRefund(paymentId: string, r: RefundRecord, email: 'succeeded' | 'failed' | null, tx?: Tx) {
  const run = async (db: Tx) => {
    const from = r.status === 'succeeded' ? ['none', 'not_refundable', 'pending', 'failed'] : ['pending']
    const { count } = await db.payment.updateMany({
      where: { id: paymentId, refundStatus: { in: from } },
      data: {
        refundStatus: r.status,
        refundError: r.status === 'failed' ? (r.error ?? 'refund failed').slice(0, 500) : null,
        ...(r.stripeRefundId ? { stripeRefundId: r.stripeRefundId } : {}),
        ...(r.refundedAt ? { refundedAt: r.refundedAt } : {}),
        ...(r.refundCents !== undefined ? { refundCents: r.refundCents } : {}),
        ...(r.status === 'succeeded' ? { status: 'refunded' } : {}),
      },
    })
    if (count !== 1) return false
    const payment = await db.payment.findUniqueOrThrow({
      where: { id: paymentId },
      include: { registration: { include: { event: true } } },
    })
    const registration = payment.registration
    await db.auditLog.create({
      data: {
        organisationId: payment.organisationId,
        actorUserId: null,
        action: r.status === 'succeeded' ? 'payment.refunded' : 'payment.refund_failed',
        entityType: 'Payment',
        entityId: payment.id,
        details: JSON.stringify({ refundCents: payment.refundCents, stripeRefundId: payment.stripeRefundId, error: payment.refundError }),
      },
    })
    if (email) {
      await enqueueEmail(db, {
        to: registration.email,
        toName: `${registration.firstName} ${registration.lastName}`,
        locale: registration.locale as Locale,
        template: 'refund-result',
        props: {
          event: eventEmailSummary(registration.event),
          firstName: registration.firstName,
          outcome: email,
          refundCents: payment.refundCents ?? 0,
          feeCents: payment.refundFeeCents ?? 0,
          reference: payment.reference,
        },
        organisationId: payment.organisationId,
        category: `event:${registration.eventId}`,
      })
    }
    return true
  }
  return tx ? run(tx) : prisma.$transaction((t) => run(t))
}

/**
 * Card refunds left pending (Stripe unreachable, a crash between the cancellation and the call,
 * or an event cancelled: its paid tickets are all queued) are sent after a minute; failed ones
 * once an hour, quietly (the attendee was told once).
 */
export async function retryRefunds(now = new Date(), limit = 50): Promise<number> {
  if (!cardPaymentsAvailable()) return 0
  const due = await prisma.payment.findMany({
    where: {
      method: 'card',
      OR: [
        { refundStatus: 'pending', updatedAt: { lte: new Date(now.getTime() - 60_000) } },
        { refundStatus: 'failed', updatedAt: { lte: new Date(now.getTime() - 60 * 60_000) } },
      ],
    },
    select: { id: true },
    orderBy: { updatedAt: 'asc' },
    take: limit,
  })
  let done = 0
  for (const { id } of due) {
    const outcome = await refundPayment(id, now)
    if (outcome === 'succeeded') done++
    // Nothing changed on a failed retry: touch the row so the next run picks others first.
    else await prisma.payment.updateMany({ where: { id, refundStatus: { in: ['pending', 'failed'] } }, data: { updatedAt: now } })
  }
  return done
}

// ---------------------------------------------------------------------------------------------
// Settling sessions: shared by the webhook, the return page, the cancel page and the hold job.

export type SettleOutcome =
  'ignored' | 'unknown_payment' | 'awaiting_payment' | 'confirmed' | 'already_paid' | 'seat_lost' | 'not_released' | 'refund_recorded'

const TX = { maxWait: 30_000, timeout: 30_000 }

export function intentIdOf(value: string | { id: string } | null | undefined) {
  return typeof value === 'string' ? value : (value?.id ?? null)
}

/** The card payment a Checkout Session was opened for (client_reference_id, else metadata). */
export async function cardPaymentOfSession(tx: Tx, session: Stripe.Checkout.Session) {
  const id = session.client_reference_id ?? session.metadata?.paymentId ?? null
  const payment = id ? await tx.payment.findUnique({ where: { id }, include: { registration: { select: { holdExpiresAt: true } } } }) : null
  if (!payment || payment.method !== 'card') {
    logger.warn({ session: session.id, paymentId: id }, 'Stripe session for no known card payment')
    return null
  }
  return payment
}

/**
 * A paid session confirms the payment, whatever happened locally meanwhile: if the hold had
 * expired, confirmPayment takes the seat again when one is free; if none is, the payment is
 * kept (with its receipt) and queued for a full refund, which the caller sends after the commit.
 */
export async function settlePaidSession(tx: Tx, session: Stripe.Checkout.Session, now: Date, refunds: string[]): Promise<SettleOutcome> {
  if (session.mode !== 'payment') return 'ignored'
  if (session.payment_status !== 'paid' && session.payment_status !== 'no_payment_required') return 'awaiting_payment'
  const payment = await cardPaymentOfSession(tx, session)
  if (!payment) return 'unknown_payment'
  const { outcome } = await confirmPayment(tx, payment.id, { now, stripePaymentIntentId: intentIdOf(session.payment_intent) ?? undefined })
  if (outcome === 'seat_lost') {
    const { count } = await tx.payment.updateMany({
      where: { id: payment.id, refundStatus: { in: ['none', 'not_refundable'] } },
      data: { refundStatus: 'pending', refundCents: payment.amountCents, refundFeeCents: 0, refundError: null },
    })
    if (count === 1) refunds.push(payment.id)
  }
  return outcome
}

/** Settles a paid session in its own transaction, then sends a seat-lost refund. */
async function settleNow(session: Stripe.Checkout.Session, now: Date) {
  const refunds: string[] = []
  const outcome = await prisma.$transaction((tx) => settlePaidSession(tx, session, now, refunds), TX)
  for (const id of refunds) await refundPayment(id, now)
  return outcome
}

/** A day past the hold, Stripe's session has surely ended even if we could not ask. */
const GIVE_UP_ASKING_MS = CHECKOUT_MAX_LIFETIME_MS

/**
 * Ends a pending card payment: Stripe's session is expired first, so nobody can pay after we
 * release the seat. If Stripe says the session was paid meanwhile, the payment is confirmed
 * instead. Stripe unreachable: nothing changes (the job tries again), unless the hold ended
 * more than a day ago.
 */
export async function closeCheckout(
  paymentId: string,
  opts: { now?: Date; reason: 'expired' | 'cancelled'; actorUserId?: string },
): Promise<'released' | 'not_pending' | 'retry_later' | SettleOutcome> {
  const now = opts.now ?? new Date()
  const payment = await prisma.payment.findUnique({
    where: { id: paymentId },
    include: { registration: { select: { holdExpiresAt: true } } },
  })
  if (!payment || payment.status !== 'pending' || payment.method !== 'card') return 'not_pending'
  const config = stripeConfig()
  if (config && payment.stripeCheckoutSessionId) {
    const stripe = stripeClient(config)
    try {
      await stripe.checkout.sessions.expire(payment.stripeCheckoutSessionId)
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError) {
        // Not open any more: paid (then confirm), or already expired (then release).
        const session = await stripe.checkout.sessions.retrieve(payment.stripeCheckoutSessionId).catch(() => null)
        if (session?.status === 'complete' && session.payment_status !== 'unpaid') return settleNow(session, now)
      } else {
        const hold = payment.registration.holdExpiresAt
        const longGone = hold !== null && now.getTime() - hold.getTime() > GIVE_UP_ASKING_MS
        if (!longGone) {
          logger.warn({ err: error, paymentId }, 'could not expire the Checkout Session; the hold stays until Stripe answers')
          return 'retry_later'
        }
      }
    }
  }
  const released = await prisma.$transaction(
    (tx) => releasePendingPayment(tx, payment.id, { now, reason: opts.reason, actorUserId: opts.actorUserId }),
    TX,
  )
  return released ? 'released' : 'not_pending'
}

/** The job: card holds whose time ran out are closed (released, or confirmed if paid at the last moment). */
export async function expireDueHolds(now = new Date(), limit = 50): Promise<number> {
  const due = await dueCardHolds(now, limit)
  let done = 0
  for (const hold of due) {
    try {
      const outcome = await closeCheckout(hold.id, { now, reason: 'expired' })
      if (outcome !== 'retry_later' && outcome !== 'not_pending') done++
    } catch (error) {
      logger.error({ err: error, paymentId: hold.id }, 'closing an expired card hold failed')
    }
  }
  return done
}

export type CheckoutState = 'paid' | 'processing' | 'seat_lost' | 'held' | 'released' | 'transfer' | 'closed'

/**
 * What the return and cancel pages show. The session id from Stripe's redirect is the proof of
 * access: it must be the payment's session (or one Stripe says was opened for it). On the return
 * page, a paid session is confirmed right away, without waiting for the webhook (idempotent).
 */
export async function checkoutView(paymentId: string, sessionId: string | null, opts: { now?: Date; settle?: boolean } = {}) {
  const now = opts.now ?? new Date()
  if (!sessionId || !/^cs_[\w]{1,200}$/.test(sessionId)) return null
  const payment = await loadCardPayment(paymentId)
  if (!payment || payment.method !== 'card') return null
  const config = stripeConfig()
  let session: Stripe.Checkout.Session | null = null
  if (payment.stripeCheckoutSessionId !== sessionId) {
    // A session we did not store (a crash right after creating it): Stripe vouches for it or not.
    if (!config) return null
    session = await stripeClient(config)
      .checkout.sessions.retrieve(sessionId)
      .catch(() => null)
    if (!session || session.client_reference_id !== payment.id) return null
  }
  if (opts.settle && config && payment.status !== 'paid' && payment.status !== 'refunded') {
    try {
      session ??= await stripeClient(config).checkout.sessions.retrieve(sessionId)
      if (session.status === 'complete' && session.payment_status !== 'unpaid') await settleNow(session, now)
    } catch (error) {
      logger.warn({ err: error, paymentId }, 'return page: could not ask Stripe; the webhook will confirm')
    }
  }
  const current = (await loadCardPayment(paymentId))!
  const r = current.registration
  let state: CheckoutState
  if (r.status === 'confirmed' && (current.status === 'paid' || current.status === 'refunded')) state = 'paid'
  // Paid after the registration had been released or cancelled: kept with its receipt, refunded in full.
  else if (
    (current.status === 'paid' || current.status === 'refunded') &&
    r.status === 'cancelled' &&
    r.cancelledAt &&
    current.paidAt &&
    r.cancelledAt <= current.paidAt
  )
    state = 'seat_lost'
  else if (current.status === 'pending' && r.status === 'pending_payment') {
    state = opts.settle ? 'processing' : r.holdExpiresAt && r.holdExpiresAt > now ? 'held' : 'processing'
  } else if (current.status === 'cancelled' && r.status === 'pending_payment') state = 'transfer'
  else if (current.status === 'cancelled') state = 'released'
  else state = 'closed'
  return {
    state,
    payment: { id: current.id, amountCents: current.amountCents, reference: current.reference, refundCents: current.refundCents },
    registration: { locale: r.locale, holdExpiresAt: r.holdExpiresAt, firstName: r.firstName },
    event: { slug: r.event.slug, title: r.event.title, timeZone: r.event.timeZone, acceptsTransfer: r.event.acceptsTransfer },
    cardAvailable: config !== null,
  }
}
export type CheckoutView = NonNullable<Awaited<ReturnType<typeof checkoutView>>>

/**
 * From the cancel page: pay by bank transfer instead. The attendee came straight from the form to
 * Stripe and may hold no personal link, so a fresh one is made (the registration's link changes)
 * and sent with the transfer instructions. The abandoned Checkout Session is expired; should it
 * be paid anyway, confirmPayment confirms and cancels the transfer.
 */
export async function switchToTransfer(paymentId: string, request?: Request, now = new Date()) {
  const payment = await prisma.payment.findUnique({
    where: { id: paymentId },
    select: { registrationId: true, stripeCheckoutSessionId: true },
  })
  if (!payment) throw paymentClosed()
  const token = await issueManageLink(prisma, payment.registrationId)
  const result = await switchPaymentMethod(
    payment.registrationId,
    { method: 'transfer', cardAvailable: cardPaymentsAvailable(), manageUrl: manageUrlFor(token) },
    now,
  )
  const config = stripeConfig()
  if (config && payment.stripeCheckoutSessionId) {
    await stripeClient(config)
      .checkout.sessions.expire(payment.stripeCheckoutSessionId)
      .catch((error: unknown) => logger.warn({ err: error, paymentId }, 'could not expire the abandoned Checkout Session'))
  }
  return result
}
