// Payments of paid tickets: creation with the registration, confirmation (card webhook, transfer
// marked paid), release of an unpaid hold, refund requests on cancellation, and the data of the
// payment and receipt pages.
// Concurrency: every state change is a conditional UPDATE on the status read (pending → paid,
// pending → expired…), so a payment is confirmed or released once, whoever comes first (webhook,
// return page, expiry job, organiser). Each function that touches both rows locks the Payment row
// before the Registration row, so two of them never wait for each other (PostgreSQL deadlocks).
// Ticket quotas are taken like event seats: a conditional increment of TicketType.sold.
import { prisma, type Tx } from '#app/db.server.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import {
  confirmHeldRegistration,
  eventEmailSummary,
  fillFreedSeats,
  manageUrlFor,
  releaseHold,
  issueManageLink,
  opensRegistration,
  reviveRegistration,
  setHoldExpiry,
} from '#app/modules/registrations/service.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { formatInvoiceNumber } from './invoice-rules.ts'
import { issueCreditNoteForPayment, issueInvoiceForPayment, markInvoicePaid } from './invoices.server.ts'
import type { Locale } from '#app/utils/i18n.ts'
import { absoluteUrl } from '#app/utils/url.server.ts'
import {
  availableMethods,
  formatEuros,
  formatReceiptNumber,
  holdExpiry,
  isPaymentMethod,
  newPaymentReference,
  normalisePurchaseOrderNumber,
  refundFor,
  ticketAvailability,
  ticketsLeft,
  type PaymentMethod,
} from './rules.ts'

const TX = { maxWait: 30_000, timeout: 30_000 }

export function soldOutError(ticketName?: string) {
  return new AppError({
    status: 409,
    code: 'ticket_sold_out',
    messageKey: 'payments.error.soldOut',
    params: { ticket: ticketName ?? '' },
    fields: { ticketTypeId: ['sold_out'] },
  })
}

/** Takes one ticket of the quota, never beyond it (the condition is checked by the database). */
export async function takeTicket(tx: Tx, ticketTypeId: string) {
  const count = await tx.$executeRaw`
    UPDATE "TicketType" SET "sold" = "sold" + 1
    WHERE "id" = ${ticketTypeId} AND ("quota" IS NULL OR "sold" < "quota")`
  return count === 1
}

export async function releaseTicket(tx: Tx, ticketTypeId: string) {
  await tx.$executeRaw`UPDATE "TicketType" SET "sold" = "sold" - 1 WHERE "id" = ${ticketTypeId} AND "sold" > 0`
}

/** The pending payment of a registration that just took its seat. */
export async function createPendingPayment(
  tx: Tx,
  p: { organisationId: string; registrationId: string; method: PaymentMethod; amountCents: number; purchaseOrderNumber?: string | null },
) {
  return tx.payment.create({
    data: {
      organisationId: p.organisationId,
      registrationId: p.registrationId,
      method: p.method,
      status: 'pending',
      amountCents: p.amountCents,
      reference: newPaymentReference(),
      purchaseOrderNumber: p.method === 'purchase_order' ? (p.purchaseOrderNumber ?? null) : null,
    },
    select: { id: true, method: true, amountCents: true, reference: true },
  })
}

/** The bank details printed in transfer instructions, when the organisation filled them in. */
export function bankDetailsOf(org: {
  iban: string | null
  bic: string | null
  bankAccountHolder: string | null
  legalName: string | null
  name: string
}) {
  if (!org.iban) return null
  return { iban: org.iban, bic: org.bic ?? '', holder: org.bankAccountHolder || org.legalName || org.name }
}

type EmailRegistration = {
  id: string
  email: string
  firstName: string
  lastName: string
  locale: string
  ticketCode: string
  eventId: string
}
type EmailEvent = Parameters<typeof eventEmailSummary>[0]

/** The transfer / purchase-order instructions email. */
export async function sendPaymentInstructions(
  tx: Tx,
  r: EmailRegistration,
  event: EmailEvent,
  payment: { id?: string; method: string; amountCents: number; reference: string; purchaseOrderNumber?: string | null },
  ticketName: string,
  manageUrl: string,
) {
  const invoice = payment.id ? await tx.invoice.findFirst({ where: { paymentId: payment.id, kind: 'invoice' } }) : null
  const org = await tx.organisation.findUniqueOrThrow({
    where: { id: event.organisationId },
    select: { iban: true, bic: true, bankAccountHolder: true, legalName: true, name: true },
  })
  await enqueueEmail(tx, {
    to: r.email,
    toName: `${r.firstName} ${r.lastName}`,
    locale: r.locale as Locale,
    template: 'payment-instructions',
    props: {
      event: eventEmailSummary(event),
      firstName: r.firstName,
      manageUrl,
      amount: formatEuros(payment.amountCents, r.locale === 'en' ? 'en' : 'fr'),
      ticket: ticketName,
      reference: payment.reference,
      method: payment.method === 'purchase_order' ? 'purchase_order' : 'transfer',
      purchaseOrderNumber: payment.purchaseOrderNumber ?? null,
      bank: bankDetailsOf(org),
      invoice: invoice
        ? { id: invoice.id, organisationId: invoice.organisationId, number: formatInvoiceNumber('invoice', invoice.number) }
        : null,
    },
    organisationId: event.organisationId,
    category: `event:${event.id}`,
  })
}

export type ConfirmOptions = {
  now: Date
  stripePaymentIntentId?: string | null
  markedPaidByUserId?: string | null
  /** The registration's clear manage token when the caller has it (else a fresh one is emailed). */
  manageToken?: string
  request?: Request
}

export type ConfirmOutcome = 'confirmed' | 'already_paid' | 'seat_lost'

/**
 * Records a payment as paid and confirms its registration. Idempotent: a payment already paid
 * returns 'already_paid' and changes nothing. A payment whose hold was released meanwhile
 * (expired/cancelled) takes its seat and ticket again if they are still free; otherwise it is
 * recorded as paid (with its receipt) but the registration stays cancelled: 'seat_lost', and the
 * caller refunds it in full. The same applies when the registration is already confirmed by
 * another payment (paid twice).
 */
export async function confirmPayment(tx: Tx, paymentId: string, opts: ConfirmOptions): Promise<{ outcome: ConfirmOutcome }> {
  const { now } = opts
  // The claim: only one caller moves the payment out of the state it read. When another
  // transaction changed it meanwhile (a release committed first), read it again.
  let payment = null
  for (let attempt = 0; attempt < 3 && !payment; attempt++) {
    const read = await tx.payment.findUnique({ where: { id: paymentId } })
    if (!read) throw new AppError({ status: 404, code: 'not_found', messageKey: 'error.404.title' })
    if (read.status === 'paid' || read.status === 'refunded') {
      if (opts.stripePaymentIntentId && !read.stripePaymentIntentId) {
        await tx.payment.update({ where: { id: paymentId }, data: { stripePaymentIntentId: opts.stripePaymentIntentId } })
      }
      return { outcome: 'already_paid' }
    }
    const { count } = await tx.payment.updateMany({
      where: { id: paymentId, status: read.status },
      data: {
        status: 'paid',
        paidAt: now,
        stripePaymentIntentId: opts.stripePaymentIntentId ?? read.stripePaymentIntentId,
        markedPaidByUserId: opts.markedPaidByUserId ?? null,
      },
    })
    if (count === 1) payment = read
  }
  if (!payment) return { outcome: 'already_paid' }
  const org = await tx.organisation.update({
    where: { id: payment.organisationId },
    data: { lastReceiptNumber: { increment: 1 } },
    select: { lastReceiptNumber: true },
  })
  const receiptNumber = org.lastReceiptNumber
  await tx.payment.update({ where: { id: paymentId }, data: { receiptNumber } })
  await markInvoicePaid(tx, paymentId, now)

  const registration = await tx.registration.findUniqueOrThrow({
    where: { id: payment.registrationId },
    include: { event: true, ticketType: true },
  })
  let outcome: ConfirmOutcome = 'seat_lost'
  if (registration.status === 'pending_payment') {
    if (await confirmHeldRegistration(tx, registration.id)) {
      outcome = 'confirmed'
      // A card paid late while a transfer was chosen meanwhile: the transfer is no longer due.
      await tx.payment.updateMany({
        where: { registrationId: registration.id, status: 'pending', NOT: { id: paymentId } },
        data: { status: 'cancelled' },
      })
    }
  } else if (
    registration.status === 'cancelled' &&
    registration.event.status === 'published' &&
    (payment.status === 'expired' || payment.status === 'cancelled') &&
    // Only a registration cancelled for want of payment comes back; one the attendee or the
    // organisers cancelled stays cancelled (and the late payment is refunded).
    (registration.cancelReason === 'payment_expired' || registration.cancelReason === 'payment_cancelled')
  ) {
    // The hold ran out before the payment arrived: take the seat and the ticket again if free.
    const ticketTypeId = registration.ticketTypeId
    const { revived, alsoTaken } = await reviveRegistration(tx, registration, async () =>
      ticketTypeId ? takeTicket(tx, ticketTypeId) : true,
    )
    if (revived) outcome = 'confirmed'
    else if (alsoTaken && ticketTypeId) await releaseTicket(tx, ticketTypeId)
  }

  await tx.auditLog.create({
    data: {
      organisationId: payment.organisationId,
      actorUserId: opts.markedPaidByUserId ?? null,
      action: 'payment.paid',
      entityType: 'Payment',
      entityId: paymentId,
      details: JSON.stringify({
        registrationId: registration.id,
        method: payment.method,
        amountCents: payment.amountCents,
        receiptNumber,
        outcome,
        from: payment.status,
      }),
    },
  })

  if (outcome === 'confirmed') {
    // The link the person came with, else one more for this email (the clear token is not stored).
    const manageToken =
      opts.manageToken && (await opensRegistration(tx, registration.id, opts.manageToken))
        ? opts.manageToken
        : await issueManageLink(tx, registration.id)
    const locale = registration.locale === 'en' ? 'en' : 'fr'
    await enqueueEmail(tx, {
      to: registration.email,
      toName: `${registration.firstName} ${registration.lastName}`,
      locale,
      template: 'registration-confirmed',
      props: {
        event: eventEmailSummary(registration.event),
        firstName: registration.firstName,
        manageUrl: manageUrlFor(manageToken),
        ticketCode: registration.ticketCode,
        registrationId: registration.id,
        payment: {
          amount: formatEuros(payment.amountCents, locale),
          receiptNumber: formatReceiptNumber(receiptNumber),
          receiptUrl: absoluteUrl(`/r/${manageToken}/recu`),
        },
      },
      organisationId: registration.event.organisationId,
      category: `event:${registration.eventId}`,
    })
  }
  return { outcome }
}

export type ReleaseOptions = { now: Date; reason: 'expired' | 'cancelled'; actorUserId?: string | null; request?: Request }

/**
 * Ends a pending payment (hold expired, or cancelled) and the registration waiting for it: the
 * event seat, the ticket and the workshop seats are freed and offered to the waiting list, and
 * the attendee is emailed. Idempotent: returns false when the payment was no longer pending.
 */
export async function releasePendingPayment(tx: Tx, paymentId: string, opts: ReleaseOptions): Promise<boolean> {
  const { count } = await tx.payment.updateMany({
    where: { id: paymentId, status: 'pending' },
    data: { status: opts.reason === 'expired' ? 'expired' : 'cancelled' },
  })
  if (count !== 1) return false
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { registration: { include: { event: true } } } })
  const registration = payment.registration
  await issueCreditNoteForPayment(tx, paymentId, opts.now)
  const released = await releaseHold(tx, registration, opts.reason === 'expired' ? 'payment_expired' : 'payment_cancelled', opts.now)
  if (released) {
    if (registration.ticketTypeId) await releaseTicket(tx, registration.ticketTypeId)
    await enqueueEmail(tx, {
      to: registration.email,
      toName: `${registration.firstName} ${registration.lastName}`,
      locale: registration.locale as Locale,
      template: 'payment-released',
      props: { event: eventEmailSummary(registration.event), firstName: registration.firstName, reason: opts.reason },
      organisationId: registration.event.organisationId,
      category: `event:${registration.eventId}`,
    })
  }
  await tx.auditLog.create({
    data: {
      organisationId: payment.organisationId,
      actorUserId: opts.actorUserId ?? null,
      action: opts.reason === 'expired' ? 'payment.expired' : 'payment.cancelled',
      entityType: 'Payment',
      entityId: paymentId,
      details: JSON.stringify({ registrationId: registration.id, method: payment.method, registrationCancelled: released }),
    },
  })
  if (released) await fillFreedSeats(tx, registration.eventId, opts.now)
  return true
}

/** Pending card payments whose hold on the seat has run out, oldest first (for the expiry job). */
export async function dueCardHolds(now: Date, limit = 100) {
  const rows = await prisma.payment.findMany({
    where: { status: 'pending', method: 'card', registration: { status: 'pending_payment', holdExpiresAt: { lte: now } } },
    select: { id: true, registrationId: true, stripeCheckoutSessionId: true, registration: { select: { holdExpiresAt: true } } },
    orderBy: { createdAt: 'asc' },
    take: limit,
  })
  return rows.map((r) => ({
    id: r.id,
    registrationId: r.registrationId,
    stripeCheckoutSessionId: r.stripeCheckoutSessionId,
    holdExpiresAt: r.registration.holdExpiresAt!,
  }))
}

/** What cancelling a paid registration at `now` would refund (null: nothing was paid). */
export async function refundPreview(registrationId: string, now: Date, db: Tx = prisma) {
  const payment = await db.payment.findFirst({
    where: { registrationId, status: 'paid', refundStatus: 'none' },
    include: { registration: { select: { event: { select: { refundDeadline: true, refundFeeCents: true } } } } },
  })
  if (!payment) return null
  const ev = payment.registration.event
  return {
    paymentId: payment.id,
    method: payment.method,
    amountCents: payment.amountCents,
    refundDeadline: ev.refundDeadline,
    ...refundFor({ amountCents: payment.amountCents, refundDeadline: ev.refundDeadline, refundFeeCents: ev.refundFeeCents }, now),
  }
}

/**
 * Inside a cancellation: records the refund due on the registration's paid payment — the
 * event's terms (deadline, fee) or, with `full` (the organisers cancel), the whole amount.
 * Returns the payment id when Stripe must refund it (card), else null. Transfers and purchase
 * orders get refundStatus 'pending' for the organisers to refund by transfer themselves.
 */
export async function requestRefundOnCancel(
  tx: Tx,
  registrationId: string,
  now: Date,
  opts: { full?: boolean } = {},
): Promise<string | null> {
  const preview = await refundPreview(registrationId, now, tx)
  if (!preview) return null
  const refund = opts.full ? { refundable: preview.amountCents > 0, refundCents: preview.amountCents, feeCents: 0 } : preview
  const { count } = await tx.payment.updateMany({
    where: { id: preview.paymentId, status: 'paid', refundStatus: 'none' },
    data: refund.refundable
      ? { refundStatus: 'pending', refundCents: refund.refundCents, refundFeeCents: refund.feeCents, refundError: null }
      : { refundStatus: 'not_refundable', refundCents: 0, refundFeeCents: refund.feeCents },
  })
  if (count !== 1 || !refund.refundable) return null
  await issueCreditNoteForPayment(tx, preview.paymentId, now, refund.refundCents)
  return preview.method === 'card' ? preview.paymentId : null
}

/** The registration's payment that matters now: the pending one, else the latest paid one, else the latest. */
export async function currentPaymentOf(registrationId: string, db: Tx = prisma) {
  const payments = await db.payment.findMany({ where: { registrationId }, orderBy: { createdAt: 'desc' } })
  return (
    payments.find((p) => p.status === 'pending') ??
    payments.find((p) => p.status === 'paid' || p.status === 'refunded') ??
    payments[0] ??
    null
  )
}

/** Everything the payment and receipt pages show. */
export async function getPaymentView(paymentId: string) {
  return prisma.payment.findUnique({
    where: { id: paymentId },
    include: {
      organisation: {
        select: {
          id: true,
          name: true,
          legalName: true,
          address: true,
          siret: true,
          vatMention: true,
          iban: true,
          bic: true,
          bankAccountHolder: true,
        },
      },
      registration: {
        select: {
          id: true,
          status: true,
          firstName: true,
          lastName: true,
          email: true,
          organisationName: true,
          holdExpiresAt: true,
          ticketCode: true,
          locale: true,
          ticketType: { select: { id: true, name: true, nameEn: true, kind: true, priceCents: true } },
          event: {
            select: {
              id: true,
              slug: true,
              title: true,
              startsAt: true,
              endsAt: true,
              timeZone: true,
              venueName: true,
              town: true,
              acceptsCard: true,
              acceptsTransfer: true,
              acceptsPurchaseOrder: true,
              refundDeadline: true,
              refundFeeCents: true,
            },
          },
        },
      },
    },
  })
}
export type PaymentView = NonNullable<Awaited<ReturnType<typeof getPaymentView>>>

export const DEFAULT_VAT_MENTION = 'TVA non applicable, art. 293 B du CGI'

export type TicketChoice = {
  id: string
  name: string
  description: string | null
  kind: string
  priceCents: number
  /** Tickets left under the quota, null without a quota. */
  left: number | null
  soldOut: boolean
}

/** The tickets a registrant may choose now: archived and out-of-window ones are hidden, sold-out ones shown as such. */
export async function ticketChoicesFor(eventId: string, now: Date, locale: Locale = 'fr'): Promise<TicketChoice[]> {
  const tickets = await prisma.ticketType.findMany({
    where: { eventId, archivedAt: null },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
  })
  return tickets.flatMap((t) => {
    const availability = ticketAvailability(t, now)
    if (availability !== 'on_sale' && availability !== 'sold_out') return []
    return [
      {
        id: t.id,
        name: locale === 'en' && t.nameEn ? t.nameEn : t.name,
        description: t.description,
        kind: t.kind,
        priceCents: t.priceCents,
        left: ticketsLeft(t),
        soldOut: availability === 'sold_out',
      },
    ]
  })
}

/** The payment methods offered to attendees of an event, given whether Stripe is configured. */
export async function paymentMethodsFor(eventId: string, cardAvailable: boolean) {
  const event = await prisma.event.findUnique({
    where: { id: eventId },
    select: { acceptsCard: true, acceptsTransfer: true, acceptsPurchaseOrder: true },
  })
  return event ? availableMethods(event, cardAvailable) : []
}

/**
 * The attendee of a pending payment changes the method (card → transfer or purchase order, or
 * back to card): the pending payment is cancelled and a new one created; the registration keeps
 * its seat (a card hold starts again; a transfer has none). A card payment that completes later
 * anyway still confirms the registration (confirmPayment cancels the transfer then).
 */
export async function switchPaymentMethod(
  registrationId: string,
  input: { method: string; purchaseOrderNumber?: string | null; cardAvailable: boolean; manageUrl: string },
  now = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const current = await tx.payment.findFirst({ where: { registrationId, status: 'pending' } })
    if (!current) throw new AppError({ status: 409, code: 'not_pending', messageKey: 'payments.error.notPending' })
    const registration = await tx.registration.findUniqueOrThrow({
      where: { id: registrationId },
      include: { event: true, ticketType: true },
    })
    if (registration.status !== 'pending_payment')
      throw new AppError({ status: 409, code: 'not_pending', messageKey: 'payments.error.notPending' })
    const methods = availableMethods(registration.event, input.cardAvailable)
    if (!isPaymentMethod(input.method) || !methods.includes(input.method)) {
      throw new AppError({
        status: 422,
        code: 'payment_method_required',
        messageKey: 'payments.error.methodRequired',
        fields: { paymentMethod: ['payment_method_required'] },
      })
    }
    const purchaseOrderNumber = input.method === 'purchase_order' ? normalisePurchaseOrderNumber(input.purchaseOrderNumber) : null
    if (input.method === 'purchase_order' && !purchaseOrderNumber) {
      throw new AppError({
        status: 422,
        code: 'purchase_order_required',
        messageKey: 'payments.error.purchaseOrderRequired',
        fields: { purchaseOrderNumber: ['purchase_order_required'] },
      })
    }
    if (input.method === current.method && input.method !== 'purchase_order')
      return { id: current.id, method: current.method, changed: false }
    const { count } = await tx.payment.updateMany({ where: { id: current.id, status: 'pending' }, data: { status: 'cancelled' } })
    if (count !== 1) throw new AppError({ status: 409, code: 'not_pending', messageKey: 'payments.error.notPending' })
    await issueCreditNoteForPayment(tx, current.id, now)
    const payment = await createPendingPayment(tx, {
      organisationId: current.organisationId,
      registrationId,
      method: input.method,
      amountCents: current.amountCents,
      purchaseOrderNumber,
    })
    await issueInvoiceForPayment(tx, payment.id, now)
    await setHoldExpiry(tx, registrationId, input.method === 'card' ? holdExpiry(now, registration.event.paymentHoldMinutes) : null)
    if (input.method !== 'card') {
      await sendPaymentInstructions(
        tx,
        registration,
        registration.event,
        { ...payment, purchaseOrderNumber },
        registration.ticketType?.name ?? '',
        input.manageUrl,
      )
    }
    await tx.auditLog.create({
      data: {
        organisationId: current.organisationId,
        action: 'payment.switch',
        entityType: 'Payment',
        entityId: payment.id,
        details: JSON.stringify({ from: current.id, fromMethod: current.method, toMethod: input.method }),
      },
    })
    return { id: payment.id, method: payment.method, changed: true }
  }, TX)
}

/** What the manage page shows about a registration's ticket and payment, and the refund a cancellation would give now. */
export async function paymentSummaryFor(registrationId: string, now: Date, locale: Locale) {
  const registration = await prisma.registration.findUnique({
    where: { id: registrationId },
    select: {
      status: true,
      ticketType: { select: { name: true, nameEn: true, priceCents: true } },
      event: { select: { acceptsCard: true, acceptsTransfer: true, acceptsPurchaseOrder: true, timeZone: true } },
    },
  })
  if (!registration) return null
  const ticket = registration.ticketType
  const current = await currentPaymentOf(registrationId)
  const refund = registration.status === 'confirmed' ? await refundPreview(registrationId, now) : null
  return {
    ticket: ticket
      ? {
          name: (locale === 'en' && ticket.nameEn) || ticket.name,
          price: ticket.priceCents > 0 ? formatEuros(ticket.priceCents, locale) : null,
          paid: ticket.priceCents > 0,
        }
      : null,
    payment: current
      ? {
          status: current.status,
          method: current.method,
          amount: formatEuros(current.amountCents, locale),
          receiptNumber: current.receiptNumber ? formatReceiptNumber(current.receiptNumber) : null,
          refundStatus: current.refundStatus,
          refund: current.refundCents ? formatEuros(current.refundCents, locale) : null,
        }
      : null,
    refund: refund
      ? {
          refundable: refund.refundable,
          method: refund.method,
          amount: formatEuros(refund.refundCents, locale),
          fee: refund.feeCents > 0 ? formatEuros(refund.feeCents, locale) : null,
          hasDeadline: refund.refundDeadline !== null,
        }
      : null,
    event: registration.event,
  }
}

/** The receipt of a registration: its latest paid payment (null until something was paid). */
export async function receiptOf(registrationId: string) {
  const paid = await prisma.payment.findFirst({
    where: { registrationId, status: { in: ['paid', 'refunded'] }, receiptNumber: { not: null } },
    orderBy: { paidAt: 'desc' },
    select: { id: true },
  })
  return paid ? getPaymentView(paid.id) : null
}
