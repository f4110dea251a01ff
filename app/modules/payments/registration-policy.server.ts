// Payments' part in registration (the policy app/composition/registrations.server.ts plugs in):
// the ticket chosen and its quota, the card hold or the pending payment and its instructions on
// registering and on accepting an offer, the pending payment cancelled and the refund asked on
// cancelling, and the payments of a cancelled event.
import type { Tx } from '#app/db.server.ts'
import type { EventForRegistration } from '#app/modules/registrations/new-registration.server.ts'
import type { RegistrationPolicy } from '#app/modules/registrations/pipeline.ts'
import { AppError } from '#app/utils/errors.ts'
import {
  availableMethods,
  holdExpiry,
  isPaymentMethod,
  normalisePurchaseOrderNumber,
  ticketAvailability,
  type PaymentMethod,
} from './rules.ts'
import {
  createPendingPayment,
  releaseTicket,
  requestRefundOnCancel,
  sendPaymentInstructions,
  soldOutError,
  takeTicket,
} from './service.server.ts'
import { issueCreditNoteForPayment, issueInvoiceForPayment, type Buyer } from './invoices.server.ts'
import { refundAfterCancel } from './stripe.server.ts'

/** What a registration form or the API sends about the ticket. */
export type PaymentInput = {
  /** The ticket chosen (required on events with ticket types). */
  ticketTypeId?: string | null
  /** How a paid ticket will be paid. */
  paymentMethod?: string | null
  /** Public-sector orders: the purchase-order number. */
  purchaseOrderNumber?: string | null
  /** Who the invoice is made out to (public buyers: legal name, address, SIRET, Chorus Pro service code). */
  buyer?: Buyer | null
}

export type PaymentOptions = {
  /** Card payment is offered (Stripe configured: `cardPaymentsAvailable()`); never through the API. */
  cardAvailable?: boolean
}

/** Accepting an offer of a paid ticket: how it will be paid. */
export type PaymentAcceptOptions = PaymentInput & PaymentOptions

/** A paid ticket: the payment waiting (card: the hold ends at registration.holdExpiresAt). */
export type PaymentSummary = { id: string; method: string; amountCents: number; reference: string }

type ChosenTicket = { id: string; name: string; priceCents: number; method: PaymentMethod | null; purchaseOrderNumber: string | null }

type FieldErrorKey =
  | 'payments.error.ticketRequired'
  | 'payments.error.ticketInvalid'
  | 'payments.error.ticketUnavailable'
  | 'payments.error.methodRequired'
  | 'payments.error.cardViaApi'
  | 'payments.error.purchaseOrderRequired'

function paymentFieldError(status: number, code: string, messageKey: FieldErrorKey, field: string) {
  return new AppError({ status, code, messageKey, fields: { [field]: [code] } })
}

/** The method of a paid ticket among those offered, and the purchase-order number it needs. */
function chooseMethod(method: PaymentMethod | null, methods: readonly PaymentMethod[], purchaseOrder: string | null | undefined) {
  if (!method || !methods.includes(method))
    throw paymentFieldError(422, 'payment_method_required', 'payments.error.methodRequired', 'paymentMethod')
  const purchaseOrderNumber = method === 'purchase_order' ? normalisePurchaseOrderNumber(purchaseOrder) : null
  if (method === 'purchase_order' && !purchaseOrderNumber) {
    throw paymentFieldError(422, 'purchase_order_required', 'payments.error.purchaseOrderRequired', 'purchaseOrderNumber')
  }
  return { method, purchaseOrderNumber }
}

type Source = 'form' | 'api' | 'manual' | 'invitation' | undefined

/** The ticket (and payment method) of a registration on an event with ticket types; checked before any seat is taken. */
async function chooseTicket(
  tx: Tx,
  event: EventForRegistration,
  input: PaymentInput,
  opts: PaymentOptions & { source?: Source; ignoreWindow?: boolean },
  now: Date,
  priceOf: (ticket: { id: string; priceCents: number }) => number,
): Promise<ChosenTicket> {
  if (!input.ticketTypeId) throw paymentFieldError(422, 'ticket_required', 'payments.error.ticketRequired', 'ticketTypeId')
  const ticket = await tx.ticketType.findFirst({ where: { id: input.ticketTypeId, eventId: event.id } })
  if (!ticket) throw paymentFieldError(422, 'invalid_ticket', 'payments.error.ticketInvalid', 'ticketTypeId')
  const availability = ticketAvailability(ticket, now)
  if (availability === 'sold_out') throw soldOutError(ticket.name)
  const outsideWindow = availability === 'not_yet' || availability === 'ended'
  if (availability !== 'on_sale' && !(outsideWindow && opts.ignoreWindow)) {
    throw paymentFieldError(409, 'ticket_unavailable', 'payments.error.ticketUnavailable', 'ticketTypeId')
  }
  const priceCents = priceOf(ticket)
  if (priceCents <= 0) return { id: ticket.id, name: ticket.name, priceCents: 0, method: null, purchaseOrderNumber: null }
  const viaApi = opts.source === 'api'
  if (viaApi && input.paymentMethod === 'card')
    throw paymentFieldError(422, 'card_not_via_api', 'payments.error.cardViaApi', 'paymentMethod')
  const methods = availableMethods(event, Boolean(opts.cardAvailable) && !viaApi)
  let method = isPaymentMethod(input.paymentMethod) ? input.paymentMethod : null
  // Organisers adding someone by hand: a transfer by default, marked paid when it arrives.
  if (!method && opts.source === 'manual') method = methods.find((m) => m !== 'card') ?? 'transfer'
  else if (!method || !methods.includes(method))
    throw paymentFieldError(422, 'payment_method_required', 'payments.error.methodRequired', 'paymentMethod')
  const chosen = chooseMethod(method, [method], input.purchaseOrderNumber)
  return { id: ticket.id, name: ticket.name, priceCents, ...chosen }
}

/** Statuses that hold a ticket of the quota (offers take theirs on acceptance). */
function holdsTicket(status: string) {
  return status === 'confirmed' || status === 'pending_payment'
}

/**
 * The price a registration pays for a ticket, asked before the payment is decided (an access
 * code lowers it); the composition file plugs it in with `paymentsPolicyWith`.
 */
export type TicketPricing = (ctx: object, ticket: { id: string; priceCents: number }) => number

type Policy = RegistrationPolicy<PaymentInput, PaymentOptions, PaymentAcceptOptions>

function ticketStep(pricing: TicketPricing): NonNullable<Policy['beforeSeat']> {
  return async function beforeSeat(tx, ctx) {
    const { event, input, opts, now, manageUrl, takesSeat } = ctx
    // Tickets are read only when the event has some (free events: as before). Organisers adding
    // someone by hand may leave the ticket out (a guest: no ticket, no payment).
    const needed = input.ticketTypeId || (Number(event.ticketTypeCount) > 0 && opts.source !== 'manual')
    if (!takesSeat || !needed) return null
    const ticket = await chooseTicket(tx, event, input, opts, now, (t) => pricing(ctx, t))
    let status: string = 'waitlisted'
    return {
      columns: { ticketTypeId: ticket.id },
      // A seat taken also takes the ticket (never beyond its quota); a paid one waits for its payment.
      async afterSeat(tx, placed) {
        status = placed
        if (placed !== 'confirmed') return
        if (!(await takeTicket(tx, ticket.id))) throw soldOutError(ticket.name)
        if (ticket.priceCents <= 0) return
        status = 'pending_payment'
        return {
          status: 'pending_payment',
          columns: { holdExpiresAt: ticket.method === 'card' ? holdExpiry(now, event.paymentHoldMinutes) : null },
        }
      },
      // The payment waits; transfers and purchase orders get their instructions by email, card
      // payers are taken to the payment page (they get their ticket once paid).
      async afterInsert(tx, registration) {
        if (status !== 'pending_payment' || !ticket.method) return { audit: { ticketTypeId: ticket.id } }
        const payment = await createPendingPayment(tx, {
          organisationId: event.organisationId,
          registrationId: registration.id,
          method: ticket.method,
          amountCents: ticket.priceCents,
          purchaseOrderNumber: ticket.purchaseOrderNumber,
        })
        // Transfers and purchase orders pay against an invoice, issued with the order.
        await issueInvoiceForPayment(tx, payment.id, now, input.buyer ?? {})
        if (ticket.method !== 'card') {
          await sendPaymentInstructions(
            tx,
            registration,
            event,
            { ...payment, purchaseOrderNumber: ticket.purchaseOrderNumber },
            ticket.name,
            manageUrl,
          )
        }
        return { ownEmail: true, result: { payment }, audit: { ticketTypeId: ticket.id, paymentId: payment.id } }
      },
    }
  }
}

export const paymentsPolicy: Policy = {
  name: 'payments',

  beforeSeat: ticketStep((_ctx, ticket) => ticket.priceCents),

  // A paid ticket: accepting takes the ticket (never beyond its quota) and leads to
  // `pending_payment` with the method chosen now, at the ticket's current price (a card hold
  // starts now); the ticket and confirmation email follow the payment.
  async acceptOffer(tx, { registration, opts, now, manageUrl }) {
    if (!registration.ticketTypeId) return null
    const ticket = await tx.ticketType.findUnique({ where: { id: registration.ticketTypeId } })
    if (!ticket) return null
    if (ticket.priceCents <= 0) {
      return {
        async afterAccept(tx) {
          if (!(await takeTicket(tx, ticket.id))) throw soldOutError(ticket.name)
        },
      }
    }
    const methods = availableMethods(registration.event, Boolean(opts.cardAvailable))
    const { method, purchaseOrderNumber } = chooseMethod(
      isPaymentMethod(opts.paymentMethod) ? opts.paymentMethod : null,
      methods,
      opts.purchaseOrderNumber,
    )
    return {
      status: 'pending_payment',
      columns: { holdExpiresAt: method === 'card' ? holdExpiry(now, registration.event.paymentHoldMinutes) : null },
      async afterAccept(tx, accepted) {
        if (!(await takeTicket(tx, ticket.id))) throw soldOutError(ticket.name)
        const payment = await createPendingPayment(tx, {
          organisationId: accepted.event.organisationId,
          registrationId: accepted.id,
          method,
          amountCents: ticket.priceCents,
          purchaseOrderNumber,
        })
        await issueInvoiceForPayment(tx, payment.id, now, opts.buyer ?? {})
        if (method !== 'card')
          await sendPaymentInstructions(tx, accepted, accepted.event, { ...payment, purchaseOrderNumber }, ticket.name, manageUrl)
        return { ownEmail: true, result: { payment } }
      },
    }
  },

  // A payment still pending is cancelled first (the Payment row is locked before the
  // Registration row, in the same order as confirmPayment, so they never deadlock).
  async beforeCancel(tx, registration) {
    if (registration.status === 'pending_payment') {
      const pending = await tx.payment.findMany({ where: { registrationId: registration.id, status: 'pending' }, select: { id: true } })
      for (const p of pending) await issueCreditNoteForPayment(tx, p.id, new Date())
      await tx.payment.updateMany({ where: { registrationId: registration.id, status: 'pending' }, data: { status: 'cancelled' } })
    }
  },

  // The ticket returns to its quota; a paid ticket is refunded per the event's terms (the
  // attendee) or in full (anyone else cancels).
  async onCancel(tx, registration, { reason, now }) {
    if (registration.ticketTypeId && holdsTicket(registration.status)) await releaseTicket(tx, registration.ticketTypeId)
    const refundPaymentId =
      registration.status === 'confirmed' ? await requestRefundOnCancel(tx, registration.id, now, { full: reason !== 'attendee' }) : null
    return refundPaymentId ? { refundPaymentId } : {}
  },

  // The card refund is asked of Stripe once the cancellation committed; if it fails, the refund job retries.
  async afterCancel(result) {
    await refundAfterCancel(result as { refundPaymentId?: string })
  },

  // Pending payments are no longer due; paid tickets are refunded in full (card: by the refund
  // job through Stripe; transfers: by the organisers, refundStatus pending).
  async onEventCancelled(tx, { event, now, active }) {
    const pending = await tx.payment.findMany({ where: { registration: { eventId: event.id }, status: 'pending' }, select: { id: true } })
    for (const p of pending) await issueCreditNoteForPayment(tx, p.id, now)
    await tx.payment.updateMany({ where: { registration: { eventId: event.id }, status: 'pending' }, data: { status: 'cancelled' } })
    for (const r of active) if (r.status === 'confirmed' && r.ticketTypeId) await requestRefundOnCancel(tx, r.id, now, { full: true })
    await tx.ticketType.updateMany({ where: { eventId: event.id }, data: { sold: 0 } })
  },
}

/** The payments policy with the price of each registration's ticket decided by `pricing`. */
export function paymentsPolicyWith(pricing: TicketPricing): Policy {
  return { ...paymentsPolicy, beforeSeat: ticketStep(pricing) }
}
