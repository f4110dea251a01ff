// Registrations: seats, workshops, waiting list, self-service and check-in.
// Concurrency: a seat is taken by a conditional increment of Event.seatsTaken (and
// Workshop.seatsTaken) inside the registration's transaction. The database applies the
// condition atomically (SQLite serialises writers; PostgreSQL re-checks the row after its lock),
// so no number of concurrent requests can take more seats than the capacity.
import { randomBytes } from 'node:crypto'
import { prisma, type Tx } from '#app/db.server.ts'
import { generateToken, hashToken } from '#app/modules/auth/session.server.ts'
import { claimInvitation, invitationForEvent } from '#app/modules/campaigns/service.server.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import { AppError, isUniqueViolation } from '#app/utils/errors.ts'
import type { Locale } from '#app/utils/i18n.ts'
import type { ProjectInput } from '#app/modules/admission/schema.ts'
// >>> payments
import { availableMethods, holdExpiry, isPaymentMethod, normalisePurchaseOrderNumber, ticketAvailability, type PaymentMethod } from '#app/modules/payments/rules.ts'
import { createPendingPayment, releaseTicket, requestRefundOnCancel, sendPaymentInstructions, soldOutError, takeTicket } from '#app/modules/payments/service.server.ts'
// <<< payments
import { directEligible, registerDirect } from './direct.server.ts'
import {
  closedError,
  eventEmailSummary,
  eventForRegistrationQuery,
  fullError,
  manageUrlFor,
  newTicketCode,
  personFields,
  placementEmail,
  registrationInsert,
  takeSeatStatement,
  type EventForEmail,
  type EventForRegistration,
  type NewRegistration,
  type PersonInput,
} from './new-registration.server.ts'
import {
  duplicateSlots,
  holdsSeat,
  offerExpiry,
  offersToMake,
  placementFor,
} from './rules.ts'
import { registrationClosedReason } from '#app/modules/events/availability.ts'
import { normaliseEmail } from '#app/shared/email-address.ts'

const TX = { maxWait: 30_000, timeout: 30_000 }

// Part of this module's interface: other modules email registrants too.
export { eventEmailSummary, manageUrlFor }

/** What a registration form or the API sends: the person, then what they chose. */
export type RegistrationInput = PersonInput & {
  /** Workshop ids, at most one per slot. */
  workshopIds?: string[]
  /** Admission: the project of an application (events that require one). */
  project?: ProjectInput | null
  // >>> payments
  /** The ticket chosen (required on events with ticket types). */
  ticketTypeId?: string | null
  /** How a paid ticket will be paid. */
  paymentMethod?: string | null
  /** Public-sector orders: the purchase-order number. */
  purchaseOrderNumber?: string | null
  // <<< payments
}

export type RegisterOptions = {
  source?: 'form' | 'api' | 'manual' | 'invitation'
  now?: Date
  request?: Request
  /** Organisers adding someone by hand may register outside the window. */
  ignoreWindow?: boolean
  /** Organisers may add someone even when the event is full. */
  ignoreCapacity?: boolean
  actorUserId?: string
  // --- campaigns: personal invitation links (begin)
  /** The clear token of a campaign recipient's personal link (`?invitation=`). */
  invitationToken?: string | null
  // --- campaigns (end)
  // >>> payments
  /** Card payment is offered (Stripe configured: `cardPaymentsAvailable()`); never through the API. */
  cardAvailable?: boolean
  // <<< payments
}

export type RegisterResult = {
  outcome: 'confirmed' | 'waitlisted' | 'applied' | 'duplicate' | 'pending_payment'
  registration: { id: string; status: string; eventId: string; email: string }
  /** A paid ticket: the payment waiting (card: the hold ends at registration.holdExpiresAt). */
  payment?: { id: string; method: string; amountCents: number; reference: string }
  /** The clear manage token; only known right after registering. */
  manageToken: string
  manageUrl: string
}

async function insertRegistration(tx: Tx, r: NewRegistration, now: Date) {
  const { statement, registration } = registrationInsert(r, now)
  await tx.$executeRaw(statement)
  return registration
}

/** Takes a seat if one is left (see takeSeatStatement). Also used by admission decisions. */
export async function takeEventSeat(tx: Tx, event: { id: string }) {
  return (await tx.$executeRaw(takeSeatStatement(event.id))) === 1
}

export async function releaseEventSeat(tx: Tx, eventId: string) {
  await tx.event.updateMany({ where: { id: eventId, seatsTaken: { gt: 0 } }, data: { seatsTaken: { decrement: 1 } } })
}

/** Takes a seat in each workshop or throws `workshop_full`; the caller's transaction rolls back. */
async function takeWorkshopSeats(tx: Tx, eventId: string, registrationId: string, workshopIds: string[]) {
  if (workshopIds.length === 0) return
  const workshops = await tx.workshop.findMany({ where: { id: { in: workshopIds }, eventId } })
  if (workshops.length !== new Set(workshopIds).size) {
    throw new AppError({ status: 422, code: 'invalid_workshop', messageKey: 'registration.error.invalidWorkshop', fields: { workshops: ['invalid'] } })
  }
  const dup = duplicateSlots(workshops.map((w) => ({ slotId: w.slotId, workshopId: w.id })))
  if (dup.length > 0) {
    throw new AppError({ status: 422, code: 'one_per_slot', messageKey: 'registration.error.onePerSlot', fields: { workshops: ['one_per_slot'] } })
  }
  for (const w of workshops) {
    const { count } = await tx.workshop.updateMany({
      where: { id: w.id, OR: [{ capacity: null }, { seatsTaken: { lt: prisma.workshop.fields.capacity } }] },
      data: { seatsTaken: { increment: 1 } },
    })
    if (count !== 1) {
      throw new AppError({
        status: 409,
        code: 'workshop_full',
        messageKey: 'registration.error.workshopFull',
        params: { workshop: w.title },
        fields: { [`workshop.${w.slotId}`]: ['full'] },
      })
    }
  }
  await tx.registrationWorkshop.createMany({
    data: workshops.map((w) => ({ registrationId, slotId: w.slotId, workshopId: w.id })),
  })
}

export async function releaseWorkshopSeats(tx: Tx, registrationId: string) {
  const held = await tx.registrationWorkshop.findMany({ where: { registrationId } })
  for (const h of held) {
    await tx.workshop.updateMany({ where: { id: h.workshopId, seatsTaken: { gt: 0 } }, data: { seatsTaken: { decrement: 1 } } })
  }
  await tx.registrationWorkshop.deleteMany({ where: { registrationId } })
}

// --- campaigns (begin)
function invitationError(code: string, messageKey: 'campaigns.register.invalid' | 'campaigns.register.used' | 'campaigns.register.invitationOnly') {
  return new AppError({ status: 403, code, messageKey })
}
// --- campaigns (end)

// >>> admission
export function projectRequiredError() {
  return new AppError({
    status: 422,
    code: 'application_required',
    messageKey: 'admission.error.projectRequired',
    fields: { projectName: ['required'], projectStage: ['required'], projectDescription: ['required'], projectTerritory: ['required'] },
  })
}

function projectColumns(p: ProjectInput) {
  return {
    projectName: p.projectName.trim(),
    projectStage: p.projectStage,
    projectDescription: p.projectDescription.trim(),
    projectTerritory: p.projectTerritory.trim(),
    projectNeeds: p.projectNeeds?.trim() || null,
    // Applying again after withdrawing starts a fresh review.
    rating: null,
    decidedAt: null,
    decidedByUserId: null,
    decisionMessage: null,
  }
}
// <<< admission

// >>> payments
type ChosenTicket = { id: string; name: string; priceCents: number; method: PaymentMethod | null; purchaseOrderNumber: string | null }

function paymentFieldError(status: number, code: string, messageKey: 'payments.error.ticketRequired' | 'payments.error.ticketInvalid' | 'payments.error.ticketUnavailable' | 'payments.error.methodRequired' | 'payments.error.cardViaApi' | 'payments.error.purchaseOrderRequired', field: string) {
  return new AppError({ status, code, messageKey, fields: { [field]: [code] } })
}

/** The ticket (and payment method) of a registration on an event with ticket types; checked before any seat is taken. */
async function chooseTicket(tx: Tx, event: EventForRegistration, input: RegistrationInput, opts: RegisterOptions, now: Date): Promise<ChosenTicket> {
  if (!input.ticketTypeId) throw paymentFieldError(422, 'ticket_required', 'payments.error.ticketRequired', 'ticketTypeId')
  const ticket = await tx.ticketType.findFirst({ where: { id: input.ticketTypeId, eventId: event.id } })
  if (!ticket) throw paymentFieldError(422, 'invalid_ticket', 'payments.error.ticketInvalid', 'ticketTypeId')
  const availability = ticketAvailability(ticket, now)
  if (availability === 'sold_out') throw soldOutError(ticket.name)
  const outsideWindow = availability === 'not_yet' || availability === 'ended'
  if (availability !== 'on_sale' && !(outsideWindow && opts.ignoreWindow)) {
    throw paymentFieldError(409, 'ticket_unavailable', 'payments.error.ticketUnavailable', 'ticketTypeId')
  }
  if (ticket.priceCents <= 0) return { id: ticket.id, name: ticket.name, priceCents: 0, method: null, purchaseOrderNumber: null }
  const viaApi = opts.source === 'api'
  if (viaApi && input.paymentMethod === 'card') throw paymentFieldError(422, 'card_not_via_api', 'payments.error.cardViaApi', 'paymentMethod')
  const methods = availableMethods(event, Boolean(opts.cardAvailable) && !viaApi)
  let method = isPaymentMethod(input.paymentMethod) ? input.paymentMethod : null
  // Organisers adding someone by hand: a transfer by default, marked paid when it arrives.
  if (!method && opts.source === 'manual') method = methods.find((m) => m !== 'card') ?? 'transfer'
  else if (!method || !methods.includes(method)) throw paymentFieldError(422, 'payment_method_required', 'payments.error.methodRequired', 'paymentMethod')
  const purchaseOrderNumber = method === 'purchase_order' ? normalisePurchaseOrderNumber(input.purchaseOrderNumber) : null
  if (method === 'purchase_order' && !purchaseOrderNumber) {
    throw paymentFieldError(422, 'purchase_order_required', 'payments.error.purchaseOrderRequired', 'purchaseOrderNumber')
  }
  return { id: ticket.id, name: ticket.name, priceCents: ticket.priceCents, method, purchaseOrderNumber }
}
// <<< payments

export async function register(eventId: string, input: RegistrationInput, opts: RegisterOptions = {}): Promise<RegisterResult> {
  const now = opts.now ?? new Date()
  const email = normaliseEmail(input.email)
  const manageToken = generateToken()
  const manageUrl = manageUrlFor(manageToken, opts.request)
  // A registration rush takes the direct path (direct.server.ts); null: it needs what follows.
  if (directEligible(input, opts)) {
    const direct = await registerDirect(eventId, input, { now, email, manageToken, manageUrl, source: opts.source ?? 'form' })
    if (direct) return direct
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<EventForRegistration[]>(eventForRegistrationQuery(eventId, email))
      const event = row ?? null
      if (!event) throw new AppError({ status: 404, code: 'not_found', messageKey: 'error.404.title' })
      const closed = registrationClosedReason(event, now)
      if (closed && !(opts.ignoreWindow && closed !== 'cancelled')) throw closedError(closed)
      // --- campaigns: an invitation link registers one person; invitation-only events need one (begin)
      const invitation = opts.invitationToken ? await invitationForEvent(opts.invitationToken, event.id, tx) : null
      if (opts.invitationToken && !invitation) throw invitationError('invalid_invitation', 'campaigns.register.invalid')
      if (invitation?.used) throw invitationError('invitation_used', 'campaigns.register.used')
      if (event.visibility === 'invitation' && !invitation && !opts.actorUserId && opts.source !== 'manual') {
        throw invitationError('invitation_only', 'campaigns.register.invitationOnly')
      }
      // --- campaigns (end)

      const existing = event.existingId ? await tx.registration.findUnique({ where: { id: event.existingId } }) : null
      if (existing && existing.status !== 'cancelled') {
        // One registration per email: re-send the person's link instead of duplicating.
        await tx.registration.update({ where: { id: existing.id }, data: { manageTokenHash: hashToken(manageToken) } })
        await enqueueEmail(tx, {
          to: email,
          toName: `${existing.firstName} ${existing.lastName}`,
          locale: existing.locale as Locale,
          template: 'registration-link',
          props: { event: eventEmailSummary(event), firstName: existing.firstName, manageUrl, status: existing.status },
          organisationId: event.organisationId,
          category: `event:${event.id}`,
        })
        return { outcome: 'duplicate' as const, registration: existing, manageToken, manageUrl }
      }

      // >>> admission: an application (event that selects its attendees) takes no seat until accepted.
      const applying = event.requiresApplication && opts.source !== 'manual'
      if (applying && !input.project) throw projectRequiredError()
      // <<< admission
      // >>> payments: tickets are read only when the event has some (free events: as before).
      // Organisers adding someone by hand may leave the ticket out (a guest: no ticket, no payment).
      const ticketNeeded = input.ticketTypeId || (Number(event.ticketTypeCount) > 0 && opts.source !== 'manual')
      const ticket = !applying && ticketNeeded ? await chooseTicket(tx, event, input, opts, now) : null
      // <<< payments
      const seat = applying
        ? false
        : opts.ignoreCapacity
          ? (await tx.event.update({ where: { id: event.id }, data: { seatsTaken: { increment: 1 } } }), true)
          : await takeEventSeat(tx, event)
      const placed = applying ? ('applied' as const) : placementFor(seat, event.waitlistEnabled)
      if (placed === 'full') throw fullError()
      // >>> payments: a seat taken also takes the ticket (never beyond its quota); a paid one waits for its payment.
      if (ticket && placed === 'confirmed' && !(await takeTicket(tx, ticket.id))) throw soldOutError(ticket.name)
      const placement = ticket && placed === 'confirmed' && ticket.priceCents > 0 ? ('pending_payment' as const) : placed
      const holdExpiresAt = placement === 'pending_payment' && ticket?.method === 'card' ? holdExpiry(now, event.paymentHoldMinutes) : null
      // <<< payments

      const data = {
        ...personFields(input, email),
        consentAt: now,
        status: placement,
        waitlistedAt: placement === 'waitlisted' ? now : null,
        offerExpiresAt: null,
        manageTokenHash: hashToken(manageToken),
        source: opts.source ?? 'form',
        cancelledAt: null,
        cancelReason: null,
        checkedInAt: null,
        reminderSentAt: null,
        ticketTypeId: ticket?.id ?? null,
        holdExpiresAt,
      }
      const registration = existing ? await tx.registration.update({ where: { id: existing.id }, data }) : await insertRegistration(tx, { ...data, eventId, ticketCode: newTicketCode() }, now)
      // >>> admission: the project is stored with the application (the hot path's INSERT stays as it is).
      if (applying && input.project) await tx.registration.update({ where: { id: registration.id }, data: projectColumns(input.project) })
      // <<< admission

      // --- campaigns: the link is spent by this registration (begin)
      if (invitation) {
        if (!(await claimInvitation(tx, invitation.recipientId, registration.id, now))) throw invitationError('invitation_used', 'campaigns.register.used')
        await tx.registration.update({ where: { id: registration.id }, data: { invitationId: invitation.recipientId } })
      }
      // --- campaigns (end)

      // Waiting-list registrants choose workshops when a seat is offered to them.
      if (placement === 'confirmed' || placement === 'pending_payment') await takeWorkshopSeats(tx, eventId, registration.id, input.workshopIds ?? [])

      // >>> payments: the payment waits; transfers and purchase orders get their instructions by email.
      let payment: RegisterResult['payment']
      if (placement === 'pending_payment' && ticket?.method) {
        payment = await createPendingPayment(tx, {
          organisationId: event.organisationId,
          registrationId: registration.id,
          method: ticket.method,
          amountCents: ticket.priceCents,
          purchaseOrderNumber: ticket.purchaseOrderNumber,
        })
        if (ticket.method !== 'card') {
          await sendPaymentInstructions(
            tx,
            { ...data, id: registration.id, eventId, ticketCode: registration.ticketCode },
            event,
            { ...payment, purchaseOrderNumber: ticket.purchaseOrderNumber },
            ticket.name,
            manageUrl,
          )
        }
      }
      // <<< payments

      // >>> admission
      if (placement === 'applied') {
        await enqueueEmail(tx, {
          to: email,
          toName: `${data.firstName} ${data.lastName}`,
          locale: input.locale,
          template: 'application-received',
          props: { event: eventEmailSummary(event), firstName: data.firstName, manageUrl, projectName: input.project?.projectName ?? null },
          organisationId: event.organisationId,
          category: `event:${event.id}`,
        })
      } else
      // <<< admission
      // >>> payments: card payers are taken to the payment page; they get their ticket once paid.
      if (placement !== 'pending_payment')
      // <<< payments
      await enqueueEmail(tx, placementEmail(event, { ...data, locale: input.locale }, placement, registration, manageUrl))
      if (opts.actorUserId) {
        await tx.auditLog.create({
          data: {
            organisationId: event.organisationId,
            actorUserId: opts.actorUserId,
            action: 'registration.create',
            entityType: 'Registration',
            entityId: registration.id,
            details: JSON.stringify({ status: placement, source: opts.source, ticketTypeId: ticket?.id, paymentId: payment?.id }),
          },
        })
      }
      return { outcome: placement, registration, manageToken, manageUrl, ...(payment ? { payment } : {}) }
    }, TX)
  } catch (error) {
    // Two simultaneous first registrations with the same email: the loser re-sends the link.
    if (isUniqueViolation(error)) return register(eventId, input, opts)
    throw error
  }
}

/** Offers freed seats to the waiting list, oldest first, within the caller's transaction. */
export async function fillFreedSeats(tx: Tx, eventId: string, now = new Date(), request?: Request) {
  const event = await tx.event.findUnique({ where: { id: eventId } })
  if (!event || event.status !== 'published' || !event.waitlistEnabled) return 0
  const waiting = await tx.registration.count({ where: { eventId, status: 'waitlisted' } })
  let toOffer = offersToMake(event.capacity, event.seatsTaken, waiting)
  let offered = 0
  while (toOffer > 0) {
    const next = await tx.registration.findFirst({
      where: { eventId, status: 'waitlisted' },
      orderBy: [{ waitlistedAt: 'asc' }, { id: 'asc' }],
    })
    if (!next) break
    if (!(await takeEventSeat(tx, event))) break
    const manageToken = generateToken()
    const expiresAt = offerExpiry(now, event.offerHours)
    const { count } = await tx.registration.updateMany({
      where: { id: next.id, status: 'waitlisted' },
      data: { status: 'offered', offerExpiresAt: expiresAt, manageTokenHash: hashToken(manageToken) },
    })
    if (count !== 1) {
      await releaseEventSeat(tx, eventId)
      continue
    }
    await enqueueEmail(tx, {
      to: next.email,
      toName: `${next.firstName} ${next.lastName}`,
      locale: next.locale as Locale,
      template: 'waitlist-offer',
      props: {
        event: eventEmailSummary(event),
        firstName: next.firstName,
        manageUrl: manageUrlFor(manageToken, request),
        expiresAt: expiresAt.toISOString(),
      },
      organisationId: event.organisationId,
      category: `event:${event.id}`,
    })
    event.seatsTaken++
    offered++
    toOffer--
  }
  return offered
}

export async function findRegistrationByManageToken(token: string) {
  if (!/^[a-z0-9]{16,64}$/.test(token)) return null
  return prisma.registration.findUnique({
    where: { manageTokenHash: hashToken(token) },
    include: {
      event: { include: { slots: { orderBy: { startsAt: 'asc' } }, workshops: { orderBy: { position: 'asc' } }, questions: { orderBy: { position: 'asc' } } } },
      workshops: true,
    },
  })
}

export async function waitlistPosition(registration: { id: string; eventId: string; status: string; waitlistedAt: Date | null }) {
  if (registration.status !== 'waitlisted' || !registration.waitlistedAt) return null
  const ahead = await prisma.registration.count({
    where: {
      eventId: registration.eventId,
      status: 'waitlisted',
      OR: [{ waitlistedAt: { lt: registration.waitlistedAt } }, { waitlistedAt: registration.waitlistedAt, id: { lt: registration.id } }],
    },
  })
  return ahead + 1
}

export type CancelOptions = { reason: 'attendee' | 'organiser' | 'offer_expired' | 'event_cancelled'; actorUserId?: string; now?: Date; request?: Request; notify?: boolean }

/** Cancels a registration, frees its seat at once and offers it to the waiting list. */
export type CancelResult = { cancelled: boolean; offered: number; refundPaymentId?: string }

export async function cancelRegistration(registrationId: string, opts: CancelOptions): Promise<CancelResult> {
  const now = opts.now ?? new Date()
  return prisma.$transaction(async (tx) => {
    const registration = await tx.registration.findUnique({ where: { id: registrationId }, include: { event: true } })
    if (!registration) throw new AppError({ status: 404, code: 'not_found', messageKey: 'error.404.title' })
    // >>> payments: a payment still pending is cancelled first (the Payment row is locked before
    // the Registration row, in the same order as confirmPayment, so they never deadlock).
    if (registration.status === 'pending_payment') {
      await tx.payment.updateMany({ where: { registrationId, status: 'pending' }, data: { status: 'cancelled' } })
    }
    // <<< payments
    // An expiry must never cancel an offer the person accepted a moment ago.
    const expiring = opts.reason === 'offer_expired' ? { status: 'offered', offerExpiresAt: { lte: now } } : {}
    const { count } = await tx.registration.updateMany({
      where: { id: registrationId, status: registration.status, NOT: { status: 'cancelled' }, ...expiring },
      data: { status: 'cancelled', cancelledAt: now, cancelReason: opts.reason, offerExpiresAt: null, holdExpiresAt: null },
    })
    if (count !== 1) throw new CancelRace()
    if (holdsSeat(registration.status)) {
      await releaseEventSeat(tx, registration.eventId)
      await releaseWorkshopSeats(tx, registration.id)
    }
    // >>> payments: the ticket returns to its quota; a paid ticket is refunded per the event's
    // terms (the attendee) or in full (the organisers cancel).
    if (registration.ticketTypeId && holdsTicket(registration.status)) await releaseTicket(tx, registration.ticketTypeId)
    const refundPaymentId = registration.status === 'confirmed' ? await requestRefundOnCancel(tx, registration.id, now, { full: opts.reason !== 'attendee' }) : null
    // <<< payments
    if (opts.notify !== false) {
      await enqueueEmail(tx, {
        to: registration.email,
        toName: `${registration.firstName} ${registration.lastName}`,
        locale: registration.locale as Locale,
        template: opts.reason === 'offer_expired' ? 'offer-expired' : 'registration-cancelled',
        props: { event: eventEmailSummary(registration.event), firstName: registration.firstName, byOrganiser: opts.reason === 'organiser' },
        organisationId: registration.event.organisationId,
        category: `event:${registration.eventId}`,
      })
    }
    if (opts.actorUserId) {
      await tx.auditLog.create({
        data: {
          organisationId: registration.event.organisationId,
          actorUserId: opts.actorUserId,
          action: 'registration.cancel',
          entityType: 'Registration',
          entityId: registration.id,
          details: JSON.stringify({ reason: opts.reason, previousStatus: registration.status }),
        },
      })
    }
    const offered = holdsSeat(registration.status) ? await fillFreedSeats(tx, registration.eventId, now, opts.request) : 0
    // >>> payments: the card payment Stripe must refund (after commit), when there is one.
    return { cancelled: true, offered, ...(refundPaymentId ? { refundPaymentId } : {}) }
  }, TX).catch((error: unknown) => {
    // >>> payments: nothing changed (a concurrent change won); the pending payment stays as it was.
    if (error instanceof CancelRace) return { cancelled: false, offered: 0 }
    throw error
  })
}

// >>> payments
/** Rolls a cancellation back when the registration changed meanwhile. */
class CancelRace extends Error {}

/** Statuses that hold a ticket of the quota (offers take theirs on acceptance). */
function holdsTicket(status: string) {
  return status === 'confirmed' || status === 'pending_payment'
}
// <<< payments

/**
 * The person accepts a waiting-list offer (and picks workshops among those with room).
 * Payments: on a paid ticket, accepting takes the ticket (never beyond its quota) and leads to
 * `pending_payment` with the method chosen now, at the ticket's current price (a card hold
 * starts now); the ticket and confirmation email follow the payment.
 */
export async function acceptOffer(
  registrationId: string,
  workshopIds: string[],
  opts: { now?: Date; request?: Request; manageToken: string; paymentMethod?: string | null; purchaseOrderNumber?: string | null; cardAvailable?: boolean },
) {
  const now = opts.now ?? new Date()
  return prisma.$transaction(async (tx) => {
    // >>> payments: the ticket chosen when joining the waiting list, and how it will be paid.
    const offered = await tx.registration.findUnique({ where: { id: registrationId }, include: { ticketType: true, event: true } })
    const ticket = offered?.ticketType ?? null
    let method: PaymentMethod | null = null
    let purchaseOrderNumber: string | null = null
    if (offered && ticket && ticket.priceCents > 0) {
      const methods = availableMethods(offered.event, Boolean(opts.cardAvailable))
      method = isPaymentMethod(opts.paymentMethod) && methods.includes(opts.paymentMethod) ? opts.paymentMethod : null
      if (!method) throw paymentFieldError(422, 'payment_method_required', 'payments.error.methodRequired', 'paymentMethod')
      purchaseOrderNumber = method === 'purchase_order' ? normalisePurchaseOrderNumber(opts.purchaseOrderNumber) : null
      if (method === 'purchase_order' && !purchaseOrderNumber) throw paymentFieldError(422, 'purchase_order_required', 'payments.error.purchaseOrderRequired', 'purchaseOrderNumber')
    }
    const status = method ? 'pending_payment' : 'confirmed'
    const holdExpiresAt = method === 'card' && offered ? holdExpiry(now, offered.event.paymentHoldMinutes) : null
    // <<< payments
    const { count } = await tx.registration.updateMany({
      where: { id: registrationId, status: 'offered', offerExpiresAt: { gt: now } },
      data: { status, offerExpiresAt: null, waitlistedAt: null, holdExpiresAt },
    })
    if (count !== 1) throw new AppError({ status: 409, code: 'offer_expired', messageKey: 'registration.error.offerExpired' })
    // >>> payments
    if (ticket && !(await takeTicket(tx, ticket.id))) throw soldOutError(ticket.name)
    // <<< payments
    const registration = await tx.registration.findUniqueOrThrow({ where: { id: registrationId }, include: { event: true } })
    await takeWorkshopSeats(tx, registration.eventId, registration.id, workshopIds)
    // >>> payments
    if (method && ticket) {
      const payment = await createPendingPayment(tx, { organisationId: registration.event.organisationId, registrationId, method, amountCents: ticket.priceCents, purchaseOrderNumber })
      if (method !== 'card') {
        await sendPaymentInstructions(tx, registration, registration.event, { ...payment, purchaseOrderNumber }, ticket.name, manageUrlFor(opts.manageToken, opts.request))
      }
      return { ...registration, payment }
    }
    // <<< payments
    await enqueueEmail(tx, {
      to: registration.email,
      toName: `${registration.firstName} ${registration.lastName}`,
      locale: registration.locale as Locale,
      template: 'registration-confirmed',
      props: {
        event: eventEmailSummary(registration.event),
        firstName: registration.firstName,
        manageUrl: manageUrlFor(opts.manageToken, opts.request),
        ticketCode: registration.ticketCode,
        registrationId: registration.id,
      },
      organisationId: registration.event.organisationId,
      category: `event:${registration.eventId}`,
    })
    return { ...registration, payment: null }
  }, TX)
}

/** Replaces the workshops of a seat-holding registration; all or nothing. */
export async function changeWorkshops(registrationId: string, workshopIds: string[], opts: { actorUserId?: string } = {}) {
  return prisma.$transaction(async (tx) => {
    const registration = await tx.registration.findUnique({ where: { id: registrationId }, include: { event: true } })
    if (!registration || !holdsSeat(registration.status)) {
      throw new AppError({ status: 409, code: 'not_holding_seat', messageKey: 'registration.error.noSeat' })
    }
    await releaseWorkshopSeats(tx, registrationId)
    await takeWorkshopSeats(tx, registration.eventId, registrationId, workshopIds)
    if (opts.actorUserId) {
      await tx.auditLog.create({
        data: {
          organisationId: registration.event.organisationId,
          actorUserId: opts.actorUserId,
          action: 'registration.workshops',
          entityType: 'Registration',
          entityId: registrationId,
          details: JSON.stringify({ workshopIds }),
        },
      })
    }
  }, TX)
}

/** Capacity changes: raising it offers the new seats to the waiting list in order. */
export async function setEventCapacity(eventId: string, capacity: number | null, opts: { actorUserId?: string; request?: Request } = {}) {
  return prisma.$transaction(async (tx) => {
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId } })
    if (capacity !== null && capacity < event.seatsTaken) {
      throw new AppError({
        status: 422,
        code: 'capacity_below_taken',
        messageKey: 'event.error.capacityBelowTaken',
        params: { taken: event.seatsTaken },
        fields: { capacity: ['below_taken'] },
      })
    }
    await tx.event.update({ where: { id: eventId }, data: { capacity } })
    if (opts.actorUserId) {
      await tx.auditLog.create({
        data: { organisationId: event.organisationId, actorUserId: opts.actorUserId, action: 'event.capacity', entityType: 'Event', entityId: eventId, details: JSON.stringify({ from: event.capacity, to: capacity }) },
      })
    }
    return fillFreedSeats(tx, eventId, new Date(), opts.request)
  }, TX)
}

/** Offers past their deadline pass to the next person. Run periodically by the worker. */
export async function expireOffers(now = new Date()) {
  const due = await prisma.registration.findMany({
    where: { status: 'offered', offerExpiresAt: { lte: now } },
    select: { id: true },
    take: 200,
  })
  let expired = 0
  for (const r of due) {
    const { cancelled } = await cancelRegistration(r.id, { reason: 'offer_expired', now })
    if (cancelled) expired++
  }
  return expired
}

/** Reminder emails a few days before the event; each registration is reminded once. */
export async function sendReminders(now = new Date()) {
  const horizon = new Date(now.getTime() + 14 * 24 * 60 * 60 * 1000)
  const events = await prisma.event.findMany({
    where: { status: 'published', startsAt: { gt: now, lte: horizon } },
    select: { id: true, startsAt: true, reminderDaysBefore: true },
  })
  let sent = 0
  for (const e of events) {
    if (e.reminderDaysBefore <= 0) continue
    if (e.startsAt.getTime() - now.getTime() > e.reminderDaysBefore * 24 * 60 * 60 * 1000) continue
    const due = await prisma.registration.findMany({
      where: { eventId: e.id, status: 'confirmed', reminderSentAt: null },
      select: { id: true },
      take: 1000,
    })
    for (const r of due) {
      await prisma.$transaction(async (tx) => {
        const { count } = await tx.registration.updateMany({ where: { id: r.id, reminderSentAt: null, status: 'confirmed' }, data: { reminderSentAt: now } })
        if (count !== 1) return
        const reg = await tx.registration.findUniqueOrThrow({ where: { id: r.id }, include: { event: true } })
        // A fresh manage token: the reminder carries a working personal link.
        const manageToken = generateToken()
        await tx.registration.update({ where: { id: r.id }, data: { manageTokenHash: hashToken(manageToken) } })
        await enqueueEmail(tx, {
          to: reg.email,
          toName: `${reg.firstName} ${reg.lastName}`,
          locale: reg.locale as Locale,
          template: 'event-reminder',
          props: { event: eventEmailSummary(reg.event), firstName: reg.firstName, manageUrl: manageUrlFor(manageToken), ticketCode: reg.ticketCode, registrationId: reg.id },
          organisationId: reg.event.organisationId,
          category: `event:${reg.eventId}`,
        })
        sent++
      }, TX)
    }
  }
  return sent
}

export type CheckInResult =
  | { ok: true; registration: { id: string; firstName: string; lastName: string; organisationName: string }; checkedInAt: Date }
  | { ok: false; reason: 'not_found' | 'already' | 'not_confirmed'; registration?: { id: string; firstName: string; lastName: string; status: string }; checkedInAt?: Date | null }

/** Checks a ticket in once; a second scan is refused with the time of the first. */
export async function checkIn(eventId: string, by: { ticketCode?: string; registrationId?: string }, staffUserId: string, now = new Date()): Promise<CheckInResult> {
  const where = by.ticketCode ? { ticketCode: by.ticketCode.trim().toUpperCase(), eventId } : { id: by.registrationId ?? '', eventId }
  const { count } = await prisma.registration.updateMany({
    where: { ...where, status: 'confirmed', checkedInAt: null },
    data: { checkedInAt: now, checkedInBy: staffUserId },
  })
  const registration = await prisma.registration.findFirst({ where, select: { id: true, firstName: true, lastName: true, organisationName: true, status: true, checkedInAt: true } })
  if (!registration) return { ok: false, reason: 'not_found' }
  if (count === 1) return { ok: true, registration, checkedInAt: now }
  if (registration.status !== 'confirmed') return { ok: false, reason: 'not_confirmed', registration }
  return { ok: false, reason: 'already', registration, checkedInAt: registration.checkedInAt }
}

/** Cancelling an event: every active registration is cancelled and emailed, in one transaction. */
export async function cancelAllForEvent(tx: Tx, event: EventForEmail, message: string | null) {
  const active = await tx.registration.findMany({ where: { eventId: event.id, status: { not: 'cancelled' } } })
  const now = new Date()
  // >>> payments: pending payments are no longer due; paid tickets are refunded in full (card:
  // by the refund job through Stripe; transfers: by the organisers, refundStatus pending).
  await tx.payment.updateMany({ where: { registration: { eventId: event.id }, status: 'pending' }, data: { status: 'cancelled' } })
  for (const r of active) if (r.status === 'confirmed' && r.ticketTypeId) await requestRefundOnCancel(tx, r.id, now, { full: true })
  await tx.ticketType.updateMany({ where: { eventId: event.id }, data: { sold: 0 } })
  // <<< payments
  await tx.registration.updateMany({ where: { eventId: event.id, status: { not: 'cancelled' } }, data: { status: 'cancelled', cancelledAt: now, cancelReason: 'event_cancelled', offerExpiresAt: null, holdExpiresAt: null } })
  await tx.registrationWorkshop.deleteMany({ where: { registration: { eventId: event.id } } })
  await tx.workshop.updateMany({ where: { eventId: event.id }, data: { seatsTaken: 0 } })
  await tx.event.update({ where: { id: event.id }, data: { seatsTaken: 0 } })
  for (const r of active) {
    await enqueueEmail(tx, {
      to: r.email,
      toName: `${r.firstName} ${r.lastName}`,
      locale: r.locale as Locale,
      template: 'event-cancelled',
      props: { event: eventEmailSummary(event), firstName: r.firstName, message },
      organisationId: event.organisationId,
      category: `event:${event.id}`,
    })
  }
  return active.length
}

/** Tells active registrants that the date or the place changed (organisers choose to). */
export async function notifyEventChange(tx: Tx, event: EventForEmail, changes: string[], message: string | null) {
  const active = await tx.registration.findMany({ where: { eventId: event.id, status: { in: ['confirmed', 'pending_payment', 'offered', 'waitlisted'] } } })
  for (const r of active) {
    await enqueueEmail(tx, {
      to: r.email,
      toName: `${r.firstName} ${r.lastName}`,
      locale: r.locale as Locale,
      template: 'event-updated',
      props: { event: eventEmailSummary(event), firstName: r.firstName, changes, message },
      organisationId: event.organisationId,
      category: `event:${event.id}`,
    })
  }
  return active.length
}

/** A random, unguessable slug suffix. */
export function randomSuffix() {
  return randomBytes(3).toString('hex')
}
