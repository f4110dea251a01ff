// Registrations: seats, workshops, waiting list, the register() pipeline, cancelling (one path)
// and check-in. Features (tickets and payments, applications, invitations) plug in as policies
// (pipeline.ts); createRegistrations() runs them, app/composition/registrations.server.ts wires them.
// Concurrency: a seat is taken by a conditional increment of Event.seatsTaken (and
// Workshop.seatsTaken) inside the registration's transaction. The database applies the
// condition atomically (SQLite serialises writers; PostgreSQL re-checks the row after its lock),
// so no number of concurrent requests can take more seats than the capacity.
import { randomBytes } from 'node:crypto'
import { prisma, type Prisma, type Tx } from '#app/db.server.ts'
import { generateToken, hashToken } from '#app/modules/auth/session.server.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import { AppError, isUniqueViolation, notFoundError } from '#app/utils/errors.ts'
import type { Locale } from '#app/utils/i18n.ts'
import { directEligible, registerDirect, type DirectInput } from './direct.server.ts'
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
} from './new-registration.server.ts'
import type {
  AcceptOptions,
  AcceptStep,
  CancelContext,
  CancelReason,
  PlacedStatus,
  PolicyColumns,
  RegisterContext,
  RegisterOptions,
  RegistrationInput,
  RegistrationPolicy,
  RegistrationStep,
} from './pipeline.ts'
import { duplicateSlots, holdsSeat, isLocked, isReminderDue, nextInLine, offerExpiry, placementFor, WAITING_ORDER } from './rules.ts'
import { registrationClosedReason } from '#app/modules/events/availability.ts'
import { normaliseEmail } from '#app/shared/email-address.ts'

const TX = { maxWait: 30_000, timeout: 30_000 }

// Part of this module's interface: other modules email registrants too.
export { eventEmailSummary, manageUrlFor }
export type { RegisterOptions, RegistrationInput, RegistrationPolicy }

export type RegisterResult = {
  outcome: PlacedStatus | 'duplicate'
  registration: { id: string; status: string; eventId: string; email: string }
  /** The clear manage token; only known right after registering. */
  manageToken: string
  manageUrl: string
}

export type CancelOptions = {
  reason: CancelReason
  actorUserId?: string
  now?: Date
  request?: Request
  notify?: boolean
  /** The attendee through their personal link: refused once the registration is locked (see isLocked). */
  viaManageLink?: boolean
}

/** `cancelled` false: it was cancelled already, or changed meanwhile. Policies add what they did (a refund). */
export type CancelResult = { cancelled: boolean; offered: number } & Record<string, unknown>

export function lockedError() {
  return new AppError({ status: 409, code: 'registration_locked', messageKey: 'manage.error.locked' })
}

async function insertRegistration(tx: Tx, r: NewRegistration, now: Date) {
  const { statement, registration } = registrationInsert(r, now)
  await tx.$executeRaw(statement)
  return registration
}

/** Takes a seat if one is left (see takeSeatStatement). Also used by admission decisions and late payments. */
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
    throw new AppError({
      status: 422,
      code: 'invalid_workshop',
      messageKey: 'registration.error.invalidWorkshop',
      fields: { workshops: ['invalid'] },
    })
  }
  const dup = duplicateSlots(workshops.map((w) => ({ slotId: w.slotId, workshopId: w.id })))
  if (dup.length > 0) {
    throw new AppError({
      status: 422,
      code: 'one_per_slot',
      messageKey: 'registration.error.onePerSlot',
      fields: { workshops: ['one_per_slot'] },
    })
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

// Registration state changes that features (payments, admission) ask for: registrations alone
// writes Registration rows. Each is conditional on the status read, so it happens once.

/** A registration holding its seat for a payment becomes confirmed (false: it was not waiting for one). */
export async function confirmHeldRegistration(tx: Tx, registrationId: string) {
  const { count } = await tx.registration.updateMany({
    where: { id: registrationId, status: 'pending_payment' },
    data: { status: 'confirmed', holdExpiresAt: null },
  })
  return count === 1
}

/**
 * A registration cancelled for want of payment comes back, confirmed, when its payment arrives
 * late and a seat is still free (the caller takes the other things that go with it first).
 */
export async function reviveRegistration(tx: Tx, registration: { id: string; event: { id: string } }, takeAlso: () => Promise<boolean>) {
  if (!(await takeEventSeat(tx, registration.event))) return { revived: false, alsoTaken: false }
  const alsoTaken = await takeAlso()
  const { count } = alsoTaken
    ? await tx.registration.updateMany({
        where: { id: registration.id, status: 'cancelled' },
        data: { status: 'confirmed', cancelledAt: null, cancelReason: null, holdExpiresAt: null, waitlistedAt: null, offerExpiresAt: null },
      })
    : { count: 0 }
  if (count !== 1) await releaseEventSeat(tx, registration.event.id)
  return { revived: count === 1, alsoTaken }
}

/**
 * Ends the hold of a registration waiting for its payment: cancelled with `cancelReason`, its
 * event and workshop seats freed. The caller offers the freed seat (fillFreedSeats) once it is done.
 */
export async function releaseHold(tx: Tx, registration: { id: string; eventId: string }, cancelReason: string, now: Date) {
  const { count } = await tx.registration.updateMany({
    where: { id: registration.id, status: 'pending_payment' },
    data: { status: 'cancelled', cancelledAt: now, cancelReason, holdExpiresAt: null },
  })
  if (count !== 1) return false
  await releaseEventSeat(tx, registration.eventId)
  await releaseWorkshopSeats(tx, registration.id)
  return true
}

/** A new end for a payment hold (null: no hold, a transfer is awaited). */
export async function setHoldExpiry(tx: Tx, registrationId: string, holdExpiresAt: Date | null) {
  await tx.registration.update({ where: { id: registrationId }, data: { holdExpiresAt } })
}

/**
 * A personal link for one more email. Only a token's hash is stored, so each email that carries the
 * link mints a token of its own; every one stays valid, with the first, for the life of the
 * registration (until the person asks for a new link, or is erased): people keep the first email.
 */
export async function issueManageLink(db: Tx, registrationId: string) {
  const manageToken = generateToken()
  await db.registrationLink.create({ data: { tokenHash: hashToken(manageToken), registrationId } })
  return manageToken
}

/** Whether this token opens that registration (its first link or a later one not revoked). */
export async function opensRegistration(db: Tx, registrationId: string, manageToken: string | undefined | null) {
  if (!manageToken) return false
  return (await db.registration.count({ where: { id: registrationId, ...openedByToken(manageToken) } })) === 1
}

/** An application's status and decision (admission), conditional on the status read. */
export async function setApplicationDecision(
  tx: Tx,
  registrationId: string,
  from: string,
  data: {
    status: string
    waitlistedAt: Date | null
    decidedAt: Date
    decidedByUserId: string
    decisionMessage: string | null
  },
) {
  const { count } = await tx.registration.updateMany({ where: { id: registrationId, status: from }, data })
  return count === 1
}

/** The organisers' rating of an application of the event (false: no such application). */
export async function setApplicationRating(
  tx: Tx,
  eventId: string,
  registrationId: string,
  rating: number | null,
  filter: Prisma.RegistrationWhereInput,
) {
  const { count } = await tx.registration.updateMany({ where: { ...filter, id: registrationId, eventId }, data: { rating } })
  return count === 1
}

/** Rolls a cancellation back when the registration changed meanwhile. */
class CancelRace extends Error {}

/** The register/cancel/accept functions with the features' policies, in the order they run. */
export function createRegistrations<I = unknown, O = unknown, A = unknown>(policies: readonly RegistrationPolicy<I, O, A>[]) {
  type Input = RegistrationInput & I
  type Options = RegisterOptions & O

  async function register(eventId: string, input: Input, opts: Options = {} as Options): Promise<RegisterResult & Record<string, unknown>> {
    const now = opts.now ?? new Date()
    const email = normaliseEmail(input.email)
    const manageToken = generateToken()
    const manageUrl = manageUrlFor(manageToken)
    // A registration rush takes the direct path (direct.server.ts); null: it needs what follows.
    if (directEligible(input as DirectInput, opts)) {
      const direct = await registerDirect(eventId, input, { now, email, manageToken, manageUrl, source: opts.source ?? 'form' })
      if (direct) return direct
    }
    try {
      return await prisma.$transaction(async (tx) => {
        const event = await readEvent(tx, eventId, email)
        checkWindow(event, opts, now)
        const ctx: RegisterContext<I, O> = { event, input, opts, now, email, manageUrl, takesSeat: true }
        const steps = await runSteps(tx, ctx, 'check')
        const duplicate = await resendLinkIfRegistered(tx, event, email, manageToken, manageUrl)
        if (duplicate.outcome === 'duplicate') return duplicate
        steps.push(...(await runSteps(tx, ctx, 'beforeSeat')))
        const { status, columns } = await takeSeat(tx, event, steps, opts)
        const { registration, person } = await writeRow(tx, event, input, opts, {
          email,
          manageToken,
          now,
          status,
          columns,
          existing: duplicate.existing,
        })
        const after = await afterInsert(tx, steps, { ...person, ...registration })
        // Waiting-list registrants choose workshops when a seat is offered to them.
        if (holdsSeat(status)) await takeWorkshopSeats(tx, eventId, registration.id, input.workshopIds ?? [])
        if (!after.ownEmail && (status === 'confirmed' || status === 'waitlisted')) {
          await enqueueEmail(tx, placementEmail(event, { ...person, locale: input.locale }, status, registration, manageUrl))
        }
        if (opts.actorUserId) {
          await audit(tx, event.organisationId, opts.actorUserId, 'registration.create', registration.id, {
            status,
            source: opts.source,
            ...after.audit,
          })
        }
        return { outcome: status, registration, manageToken, manageUrl, ...after.result }
      }, TX)
    } catch (error) {
      // Two simultaneous first registrations with the same email: the loser re-sends the link.
      if (isUniqueViolation(error)) return register(eventId, input, opts)
      throw error
    }
  }

  async function runSteps(tx: Tx, ctx: RegisterContext<I, O>, hook: 'check' | 'beforeSeat') {
    const steps: RegistrationStep[] = []
    for (const policy of policies) {
      const step = await policy[hook]?.(tx, ctx)
      if (!step) continue
      if (step.seatless) ctx.takesSeat = false
      steps.push(step)
    }
    return steps
  }

  /** The seat (or none), the status it leads to, and what the policies take with it. */
  async function takeSeat(tx: Tx, event: EventForRegistration, steps: RegistrationStep[], opts: Options) {
    const columns: PolicyColumns = Object.assign({}, ...steps.map((s) => s.columns ?? {}))
    const seatless = steps.find((s) => s.seatless)?.seatless
    if (seatless) return { status: seatless.status, columns }
    const seat = opts.ignoreCapacity
      ? (await tx.event.update({ where: { id: event.id }, data: { seatsTaken: { increment: 1 } } }), true)
      : await takeEventSeat(tx, event)
    const placed = placementFor(seat, event.waitlistEnabled)
    if (placed === 'full') throw fullError()
    let status: PlacedStatus = placed
    for (const step of steps) {
      const taken = await step.afterSeat?.(tx, placed)
      if (taken?.status) status = taken.status
      Object.assign(columns, taken?.columns)
    }
    return { status, columns }
  }

  async function afterInsert(tx: Tx, steps: RegistrationStep[], registration: Parameters<NonNullable<RegistrationStep['afterInsert']>>[1]) {
    const columns: PolicyColumns = {}
    const out = { ownEmail: false, result: {} as Record<string, unknown>, audit: {} as Record<string, unknown> }
    for (const step of steps) {
      const done = await step.afterInsert?.(tx, registration)
      if (!done) continue
      Object.assign(columns, done.columns)
      Object.assign(out.result, done.result)
      Object.assign(out.audit, done.audit)
      out.ownEmail ||= Boolean(done.ownEmail)
    }
    // What the policies store with the row (a project, an invitation), in one statement.
    if (Object.keys(columns).length > 0) await tx.registration.update({ where: { id: registration.id }, data: columns })
    return out
  }

  async function cancelRegistration(registrationId: string, opts: CancelOptions): Promise<CancelResult> {
    const now = opts.now ?? new Date()
    const ctx: CancelContext = { reason: opts.reason, now, request: opts.request }
    const result = await prisma
      .$transaction(async (tx): Promise<CancelResult> => {
        const registration = await tx.registration.findUnique({ where: { id: registrationId }, include: { event: true } })
        if (!registration) throw notFoundError()
        if (opts.viaManageLink && isLocked(registration, now)) throw lockedError()
        for (const policy of policies) await policy.beforeCancel?.(tx, registration, ctx)
        // An expiry must never cancel an offer the person accepted a moment ago.
        const expiring = opts.reason === 'offer_expired' ? { status: 'offered', offerExpiresAt: { lte: now } } : {}
        const { count } = await tx.registration.updateMany({
          where: { id: registrationId, status: registration.status, NOT: { status: 'cancelled' }, ...expiring },
          data: { status: 'cancelled', cancelledAt: now, cancelReason: opts.reason, offerExpiresAt: null, holdExpiresAt: null },
        })
        // Nothing changes (a concurrent change won): what a policy did before rolls back too.
        if (count !== 1) throw new CancelRace()
        if (holdsSeat(registration.status)) {
          await releaseEventSeat(tx, registration.eventId)
          await releaseWorkshopSeats(tx, registration.id)
        }
        const extra: Record<string, unknown> = {}
        for (const policy of policies) Object.assign(extra, await policy.onCancel?.(tx, registration, ctx))
        if (opts.notify !== false) {
          await enqueueEmail(tx, {
            to: registration.email,
            toName: `${registration.firstName} ${registration.lastName}`,
            locale: registration.locale as Locale,
            template: opts.reason === 'offer_expired' ? 'offer-expired' : 'registration-cancelled',
            props: {
              event: eventEmailSummary(registration.event),
              firstName: registration.firstName,
              byOrganiser: opts.reason === 'organiser',
            },
            organisationId: registration.event.organisationId,
            category: `event:${registration.eventId}`,
          })
        }
        if (opts.actorUserId) {
          await audit(tx, registration.event.organisationId, opts.actorUserId, 'registration.cancel', registration.id, {
            reason: opts.reason,
            previousStatus: registration.status,
          })
        }
        const offered = holdsSeat(registration.status) ? await fillFreedSeats(tx, registration.eventId, now) : 0
        return { cancelled: true, offered, ...extra }
      }, TX)
      .catch((error: unknown) => {
        if (error instanceof CancelRace) return { cancelled: false, offered: 0 }
        throw error
      })
    // Once committed: what cannot be rolled back (a refund through the payment provider).
    if (result.cancelled) for (const policy of policies) await policy.afterCancel?.(result)
    return result
  }

  /** Offers past their deadline pass to the next person. Run periodically by the worker. */
  async function expireOffers(now = new Date()) {
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

  /**
   * The person accepts a waiting-list offer (and picks workshops among those with room). A
   * policy may lead elsewhere than `confirmed` (a paid ticket: `pending_payment`) and send the
   * email itself.
   */
  async function acceptOffer(registrationId: string, workshopIds: string[], opts: AcceptOptions & A) {
    const now = opts.now ?? new Date()
    const manageUrl = manageUrlFor(opts.manageToken)
    return prisma.$transaction(async (tx) => {
      const offered = await tx.registration.findUnique({ where: { id: registrationId }, include: { event: true } })
      if (!offered) throw offerExpiredError()
      const steps: AcceptStep[] = []
      for (const policy of policies) {
        const step = await policy.acceptOffer?.(tx, { registration: offered, opts, now, manageUrl })
        if (step) steps.push(step)
      }
      const status = steps.find((s) => s.status)?.status ?? 'confirmed'
      const columns: PolicyColumns = Object.assign({}, ...steps.map((s) => s.columns ?? {}))
      const { count } = await tx.registration.updateMany({
        where: { id: registrationId, status: 'offered', offerExpiresAt: { gt: now } },
        data: { holdExpiresAt: null, ...columns, status, offerExpiresAt: null, waitlistedAt: null },
      })
      if (count !== 1) throw offerExpiredError()
      const registration = await tx.registration.findUniqueOrThrow({ where: { id: registrationId }, include: { event: true } })
      await takeWorkshopSeats(tx, registration.eventId, registration.id, workshopIds)
      let ownEmail = false
      const result: Record<string, unknown> = {}
      for (const step of steps) {
        const done = await step.afterAccept?.(tx, registration)
        Object.assign(result, done?.result)
        ownEmail ||= Boolean(done?.ownEmail)
      }
      if (!ownEmail) {
        await enqueueEmail(tx, {
          to: registration.email,
          toName: `${registration.firstName} ${registration.lastName}`,
          locale: registration.locale as Locale,
          template: 'registration-confirmed',
          props: {
            event: eventEmailSummary(registration.event),
            firstName: registration.firstName,
            manageUrl,
            ticketCode: registration.ticketCode,
            registrationId: registration.id,
          },
          organisationId: registration.event.organisationId,
          category: `event:${registration.eventId}`,
        })
      }
      return { ...registration, ...result }
    }, TX)
  }

  /** Cancelling an event: every active registration is cancelled and emailed, in one transaction. */
  async function cancelAllForEvent(tx: Tx, event: EventForEmail, message: string | null) {
    const active = await tx.registration.findMany({ where: { eventId: event.id, status: { not: 'cancelled' } } })
    const now = new Date()
    for (const policy of policies) await policy.onEventCancelled?.(tx, { event, now, active })
    await tx.registration.updateMany({
      where: { eventId: event.id, status: { not: 'cancelled' } },
      data: { status: 'cancelled', cancelledAt: now, cancelReason: 'event_cancelled', offerExpiresAt: null, holdExpiresAt: null },
    })
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

  return { register, cancelRegistration, acceptOffer, expireOffers, cancelAllForEvent }
}

export type Registrations = ReturnType<typeof createRegistrations>

function offerExpiredError() {
  return new AppError({ status: 409, code: 'offer_expired', messageKey: 'registration.error.offerExpired' })
}

async function audit(
  tx: Tx,
  organisationId: string,
  actorUserId: string,
  action: string,
  entityId: string,
  details: Record<string, unknown>,
) {
  await tx.auditLog.create({
    data: { organisationId, actorUserId, action, entityType: 'Registration', entityId, details: JSON.stringify(details) },
  })
}

async function readEvent(tx: Tx, eventId: string, email: string) {
  const [row] = await tx.$queryRaw<EventForRegistration[]>(eventForRegistrationQuery(eventId, email))
  if (!row) throw notFoundError()
  return row
}

function checkWindow(event: EventForRegistration, opts: RegisterOptions, now: Date) {
  const closed = registrationClosedReason(event, now)
  if (closed && !(opts.ignoreWindow && closed !== 'cancelled')) throw closedError(closed)
}

type Existing = Awaited<ReturnType<typeof prisma.registration.findUnique>>

/** One registration per email: an active one gets its link re-sent instead of a duplicate. */
async function resendLinkIfRegistered(tx: Tx, event: EventForRegistration, email: string, manageToken: string, manageUrl: string) {
  const existing = event.existingId ? await tx.registration.findUnique({ where: { id: event.existingId } }) : null
  if (!existing || existing.status === 'cancelled') return { outcome: 'new' as const, existing }
  await tx.registrationLink.create({ data: { tokenHash: hashToken(manageToken), registrationId: existing.id } })
  await emailManageLink(tx, { ...existing, email }, event, manageUrl)
  return { outcome: 'duplicate' as const, registration: existing, manageToken, manageUrl }
}

/** The "here is your personal link" email (a duplicate registration, a new or re-sent link). */
export async function emailManageLink(
  tx: Tx,
  registration: { email: string; firstName: string; lastName: string; locale: string; status: string },
  event: Parameters<typeof eventEmailSummary>[0] & { id: string; organisationId: string },
  manageUrl: string,
) {
  await enqueueEmail(tx, {
    to: registration.email,
    toName: `${registration.firstName} ${registration.lastName}`,
    locale: registration.locale as Locale,
    template: 'registration-link',
    props: { event: eventEmailSummary(event), firstName: registration.firstName, manageUrl, status: registration.status },
    organisationId: event.organisationId,
    category: `event:${event.id}`,
  })
}

/** The row: a new one, or the email's earlier cancelled registration reused. */
async function writeRow(
  tx: Tx,
  event: EventForRegistration,
  input: RegistrationInput,
  opts: RegisterOptions,
  w: { email: string; manageToken: string; now: Date; status: PlacedStatus; columns: PolicyColumns; existing: Existing },
) {
  const { ticketTypeId = null, holdExpiresAt = null, ...later } = w.columns
  const person = personFields(input, w.email)
  const data = {
    ...person,
    consentAt: w.now,
    status: w.status,
    waitlistedAt: w.status === 'waitlisted' ? w.now : null,
    offerExpiresAt: null,
    manageTokenHash: hashToken(w.manageToken),
    source: opts.source ?? 'form',
    cancelledAt: null,
    cancelReason: null,
    checkedInAt: null,
    reminderSentAt: null,
    ticketTypeId,
    holdExpiresAt,
  }
  const registration = w.existing
    ? await tx.registration.update({ where: { id: w.existing.id }, data: { ...data, ...later } })
    : await insertRegistration(tx, { ...data, eventId: event.id, ticketCode: newTicketCode() }, w.now)
  // Columns the plain INSERT does not carry (none today) follow with the policies' own.
  if (!w.existing && Object.keys(later).length > 0) await tx.registration.update({ where: { id: registration.id }, data: later })
  return { registration, person: { ...data, locale: input.locale } }
}
/** Offers freed seats to the waiting list in its order (nextInLine), within the caller's transaction. */
export async function fillFreedSeats(tx: Tx, eventId: string, now = new Date()) {
  const event = await tx.event.findUnique({ where: { id: eventId } })
  if (!event || event.status !== 'published' || !event.waitlistEnabled) return 0
  const room = event.capacity === null ? undefined : Math.max(0, event.capacity - event.seatsTaken)
  if (room === 0) return 0
  // The database picks the same first rows as nextInLine (WAITING_ORDER), so `take` is safe.
  const waiting = await tx.registration.findMany({ where: { eventId, status: 'waitlisted' }, orderBy: WAITING_ORDER, take: room })
  let offered = 0
  for (const next of nextInLine(waiting, room ?? waiting.length)) {
    const outcome = await offerSeat(tx, event, next, now)
    if (outcome === 'full') break
    if (outcome === 'offered') offered++
  }
  return offered
}

type OfferedEvent = NonNullable<Awaited<ReturnType<typeof prisma.event.findUnique>>>
type WaitingPerson = { id: string; email: string; firstName: string; lastName: string; locale: string }

/**
 * One waiting person is offered a seat (held until the offer expires) and emailed a link to accept
 * it: 'full' when no seat is free, 'gone' when they left the waiting list meanwhile.
 */
export async function offerSeat(tx: Tx, event: OfferedEvent, next: WaitingPerson, now: Date): Promise<'offered' | 'full' | 'gone'> {
  if (!(await takeEventSeat(tx, event))) return 'full'
  const expiresAt = offerExpiry(now, event.offerHours)
  const { count } = await tx.registration.updateMany({
    where: { id: next.id, status: 'waitlisted' },
    data: { status: 'offered', offerExpiresAt: expiresAt },
  })
  if (count !== 1) {
    await releaseEventSeat(tx, event.id)
    return 'gone'
  }
  const manageToken = await issueManageLink(tx, next.id)
  await enqueueEmail(tx, {
    to: next.email,
    toName: `${next.firstName} ${next.lastName}`,
    locale: next.locale as Locale,
    template: 'waitlist-offer',
    props: {
      event: eventEmailSummary(event),
      firstName: next.firstName,
      manageUrl: manageUrlFor(manageToken),
      expiresAt: expiresAt.toISOString(),
    },
    organisationId: event.organisationId,
    category: `event:${event.id}`,
  })
  return 'offered'
}

/** The shape of a personal link's token (generateToken: base32, lower case). */
export const isManageTokenShape = (token: string) => /^[a-z0-9]{16,64}$/.test(token)

/** The registration a personal link opens: its first link or any later one not revoked. */
/** The registrations a token opens: its first link, or a later one not revoked. */
export function openedByToken(token: string): Prisma.RegistrationWhereInput {
  const tokenHash = hashToken(token)
  return { OR: [{ manageTokenHash: tokenHash }, { links: { some: { tokenHash, revokedAt: null } } }] }
}

export async function findRegistrationByManageToken(token: string) {
  if (!isManageTokenShape(token)) return null
  return prisma.registration.findFirst({
    where: openedByToken(token),
    include: {
      event: {
        include: {
          slots: { orderBy: { startsAt: 'asc' } },
          workshops: { orderBy: { position: 'asc' } },
          questions: { orderBy: { position: 'asc' } },
        },
      },
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

export async function changeWorkshops(
  registrationId: string,
  workshopIds: string[],
  opts: { actorUserId?: string; viaManageLink?: boolean; now?: Date } = {},
) {
  return prisma.$transaction(async (tx) => {
    const registration = await tx.registration.findUnique({ where: { id: registrationId }, include: { event: true } })
    // The attendee changes workshops of a confirmed registration only, until it is locked.
    if (registration && opts.viaManageLink && (isLocked(registration, opts.now) || registration.status !== 'confirmed')) throw lockedError()
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
        data: {
          organisationId: event.organisationId,
          actorUserId: opts.actorUserId,
          action: 'event.capacity',
          entityType: 'Event',
          entityId: eventId,
          details: JSON.stringify({ from: event.capacity, to: capacity }),
        },
      })
    }
    return fillFreedSeats(tx, eventId, new Date())
  }, TX)
}

/** Reminder emails a few days before the event (isReminderDue); each registration is reminded once. */
export async function sendReminders(now = new Date()) {
  // No fixed horizon: each event's own reminderDaysBefore decides, whatever the form accepted.
  const events = await prisma.event.findMany({
    where: { status: 'published', startsAt: { gt: now }, reminderDaysBefore: { gt: 0 } },
    select: { id: true, startsAt: true, reminderDaysBefore: true },
  })
  let sent = 0
  for (const e of events) {
    if (!isReminderDue(e, now)) continue
    const due = await prisma.registration.findMany({
      where: { eventId: e.id, status: 'confirmed', reminderSentAt: null },
      select: { id: true },
      take: 1000,
    })
    for (const r of due) {
      await prisma.$transaction(async (tx) => {
        const { count } = await tx.registration.updateMany({
          where: { id: r.id, reminderSentAt: null, status: 'confirmed' },
          data: { reminderSentAt: now },
        })
        if (count !== 1) return
        const reg = await tx.registration.findUniqueOrThrow({ where: { id: r.id }, include: { event: true } })
        // The reminder carries a personal link of its own; the earlier ones keep working.
        const manageToken = await issueManageLink(tx, r.id)
        await enqueueEmail(tx, {
          to: reg.email,
          toName: `${reg.firstName} ${reg.lastName}`,
          locale: reg.locale as Locale,
          template: 'event-reminder',
          props: {
            event: eventEmailSummary(reg.event),
            firstName: reg.firstName,
            manageUrl: manageUrlFor(manageToken),
            ticketCode: reg.ticketCode,
            registrationId: reg.id,
          },
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
  | {
      ok: false
      reason: 'not_found' | 'already' | 'not_confirmed'
      registration?: { id: string; firstName: string; lastName: string; status: string }
      checkedInAt?: Date | null
    }

/** Checks a ticket in once; a second scan is refused with the time of the first. */
export async function checkIn(
  eventId: string,
  by: { ticketCode?: string; registrationId?: string },
  staffUserId: string,
  now = new Date(),
): Promise<CheckInResult> {
  const where = by.ticketCode ? { ticketCode: by.ticketCode.trim().toUpperCase(), eventId } : { id: by.registrationId ?? '', eventId }
  const { count } = await prisma.registration.updateMany({
    where: { ...where, status: 'confirmed', checkedInAt: null },
    data: { checkedInAt: now, checkedInBy: staffUserId },
  })
  const registration = await prisma.registration.findFirst({
    where,
    select: { id: true, firstName: true, lastName: true, organisationName: true, status: true, checkedInAt: true },
  })
  if (!registration) return { ok: false, reason: 'not_found' }
  if (count === 1) return { ok: true, registration, checkedInAt: now }
  if (registration.status !== 'confirmed') return { ok: false, reason: 'not_confirmed', registration }
  return { ok: false, reason: 'already', registration, checkedInAt: registration.checkedInAt }
}

/** Tells active registrants that the date or the place changed (organisers choose to). */
export async function notifyEventChange(tx: Tx, event: EventForEmail, changes: string[], message: string | null) {
  const active = await tx.registration.findMany({
    where: { eventId: event.id, status: { in: ['confirmed', 'pending_payment', 'offered', 'waitlisted'] } },
  })
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
