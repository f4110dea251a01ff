// What organisers do with payments from the registrations list: mark a bank transfer or purchase
// order as paid (which confirms the registration, numbers the receipt and emails the
// confirmation), cancel a pending one (which frees the seat), record a manual refund, and the
// event's payments summary. Card payments are Stripe's business (webhook, expiry job, refunds):
// they can't be marked paid or cancelled here.
import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { AppError, notFoundError } from '#app/utils/errors.ts'
import { confirmPayment, releasePendingPayment, type ConfirmOutcome } from './service.server.ts'

const TX = { maxWait: 30_000, timeout: 30_000 }
/** Methods settled outside Essor, which organisers record by hand. */
export const MANUAL_METHODS: readonly string[] = ['transfer', 'purchase_order']

export type PaymentActor = { organisationId: string; userId: string; request?: Request }

function refused(code: string) {
  return new AppError({ status: 409, code, messageKey: `paymentsAdmin.error.${code}` as 'paymentsAdmin.error.notManual' })
}

/** The payment, when it belongs to the organisation (and to the event when given); else 404. */
async function ownedPayment(db: Tx, paymentId: string, actor: PaymentActor, eventId?: string) {
  const payment = await db.payment.findFirst({
    where: { id: paymentId, organisationId: actor.organisationId, ...(eventId ? { registration: { eventId } } : {}) },
  })
  if (!payment) throw notFoundError()
  return payment
}

/**
 * Marks a pending transfer or purchase order as paid: the registration is confirmed, the next
 * receipt number of the organisation is taken and the confirmation email is written, all in one
 * transaction (confirmPayment). Two organisers clicking at once: one claims the payment, the
 * other gets 'already_paid' — one receipt number, one email.
 */
export async function markPaid(
  paymentId: string,
  actor: PaymentActor,
  opts: { eventId?: string; now?: Date } = {},
): Promise<{ outcome: ConfirmOutcome }> {
  const now = opts.now ?? new Date()
  return prisma.$transaction(async (tx) => {
    const payment = await ownedPayment(tx, paymentId, actor, opts.eventId)
    if (!MANUAL_METHODS.includes(payment.method)) throw refused('notManual')
    if (payment.status === 'paid' || payment.status === 'refunded') return { outcome: 'already_paid' as const }
    if (payment.status !== 'pending') throw refused('notPending')
    return confirmPayment(tx, payment.id, { now, markedPaidByUserId: actor.userId, request: actor.request })
  }, TX)
}

/**
 * Cancels a pending transfer or purchase order: the registration is cancelled, its seat, ticket
 * and workshop seats are freed and offered to the waiting list, and the attendee is emailed
 * (releasePendingPayment). Returns false when it was no longer pending (someone was quicker).
 */
export async function cancelPending(paymentId: string, actor: PaymentActor, opts: { eventId?: string; now?: Date } = {}): Promise<boolean> {
  const now = opts.now ?? new Date()
  return prisma.$transaction(async (tx) => {
    const payment = await ownedPayment(tx, paymentId, actor, opts.eventId)
    if (!MANUAL_METHODS.includes(payment.method)) throw refused('notManual')
    return releasePendingPayment(tx, payment.id, { now, reason: 'cancelled', actorUserId: actor.userId, request: actor.request })
  }, TX)
}

/**
 * Records that the organiser refunded a cancelled transfer or purchase order by hand (a refund
 * "to do" is refundStatus 'pending' on a non-card payment). Idempotent: false when it was no
 * longer to do.
 */
export async function markRefunded(paymentId: string, actor: PaymentActor, opts: { eventId?: string; now?: Date } = {}): Promise<boolean> {
  const now = opts.now ?? new Date()
  return prisma.$transaction(async (tx) => {
    const payment = await ownedPayment(tx, paymentId, actor, opts.eventId)
    if (!MANUAL_METHODS.includes(payment.method)) throw refused('notManual')
    const { count } = await tx.payment.updateMany({
      where: { id: payment.id, refundStatus: 'pending' },
      data: {
        refundStatus: 'succeeded',
        status: 'refunded',
        refundedAt: now,
        refundCents: payment.refundCents ?? payment.amountCents,
        refundError: null,
      },
    })
    if (count !== 1) return false
    await audit(tx, {
      organisationId: payment.organisationId,
      actorUserId: actor.userId,
      action: 'payment.refundedManually',
      entityType: 'Payment',
      entityId: payment.id,
      details: { registrationId: payment.registrationId, method: payment.method, refundCents: payment.refundCents ?? payment.amountCents },
    })
    return true
  }, TX)
}

export type PaymentsSummary = {
  paid: { count: number; cents: number }
  pending: { count: number; cents: number }
  refunded: { count: number; cents: number }
  toRefund: { count: number; cents: number }
  netCents: number
}

/**
 * The event's money: received (paid, including later refunded ones), awaited (pending), given
 * back (refunds done) and still to give back by transfer; net = received − given back.
 */
export async function paymentsSummary(eventId: string, db: Tx = prisma): Promise<PaymentsSummary> {
  const payments = await db.payment.findMany({
    where: { registration: { eventId } },
    select: { status: true, method: true, amountCents: true, paidAt: true, refundStatus: true, refundCents: true },
  })
  const sum = () => ({ count: 0, cents: 0 })
  const s = { paid: sum(), pending: sum(), refunded: sum(), toRefund: sum() }
  for (const p of payments) {
    if (p.status === 'pending') {
      s.pending.count++
      s.pending.cents += p.amountCents
    }
    if (p.paidAt && (p.status === 'paid' || p.status === 'refunded')) {
      s.paid.count++
      s.paid.cents += p.amountCents
    }
    if (p.refundStatus === 'succeeded') {
      s.refunded.count++
      s.refunded.cents += p.refundCents ?? p.amountCents
    }
    if (p.refundStatus === 'pending' || p.refundStatus === 'failed') {
      s.toRefund.count++
      s.toRefund.cents += p.refundCents ?? p.amountCents
    }
  }
  return { ...s, netCents: s.paid.cents - s.refunded.cents }
}
