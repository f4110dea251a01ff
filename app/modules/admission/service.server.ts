// Selective admission (YESS Académie): organisers review the applications of an event that
// selects its attendees — list and filter, rate, comment internally — and decide.
// Concurrency: a batch of decisions is one transaction that first locks the event's row, so two
// organisers deciding at once are taken one after the other (SQLite serialises writers anyway);
// each acceptance takes its seat with the registration service's conditional UPDATE, so no
// batch ever goes beyond capacity, and each status change is conditional on the status read, so
// an application is decided (and emailed) once.
import { dbTarget, prisma, type Prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import { searchTerms } from '#app/modules/registrations/admin.server.ts'
import { seatsLeft } from '#app/modules/events/availability.ts'
import {
  issueManageLink,
  eventEmailSummary,
  manageUrlFor,
  releaseEventSeat,
  setApplicationDecision,
  setApplicationRating,
  takeEventSeat,
} from '#app/modules/registrations/service.server.ts'
import { AppError, notFoundError } from '#app/utils/errors.ts'
import type { Locale } from '#app/utils/i18n.ts'
import { canDecide, isProjectStage, LISTED_STATUSES, outcomeOf, summarise, type Decision, type DecisionOutcome } from './rules.ts'

const TX = { maxWait: 30_000, timeout: 30_000 }

export type ApplicationFilters = { status?: string | null; stage?: string | null; rating?: string | null; q?: string | null }

export function applicationFiltersFrom(params: URLSearchParams): ApplicationFilters {
  return {
    status: params.get('status') || null,
    stage: params.get('stage') || null,
    rating: params.get('rating') || null,
    q: params.get('q')?.trim() || null,
  }
}

// An application is a registration that carries a project (people added by hand do not).
const isApplication = { projectName: { not: null } } satisfies Prisma.RegistrationWhereInput

function whereFor(eventId: string, f: ApplicationFilters): Prisma.RegistrationWhereInput {
  const and: Prisma.RegistrationWhereInput[] = [isApplication]
  if (f.status && (LISTED_STATUSES as readonly string[]).includes(f.status)) and.push({ status: f.status })
  if (f.stage && isProjectStage(f.stage)) and.push({ projectStage: f.stage })
  if (f.rating === 'none') and.push({ rating: null })
  else if (f.rating && /^[1-5]$/.test(f.rating)) and.push({ rating: { gte: Number(f.rating) } })
  const terms = searchTerms(f.q)
  if (terms.length > 0) {
    // Names, email and organisation through searchText; the project's name as typed.
    // SQLite's LIKE ignores case already; PostgreSQL needs to be told.
    const text = (term: string) =>
      dbTarget.provider === 'postgresql' ? { contains: term, mode: 'insensitive' as const } : { contains: term }
    and.push({
      AND: terms.map((term) => ({
        OR: [{ searchText: { contains: term } }, { projectName: text(term) }, { projectTerritory: text(term) }],
      })),
    })
  }
  return { eventId, AND: and }
}

/** The event when it belongs to the organisation; else a not-found AppError. */
export async function requireApplicationEvent(organisationId: string, eventId: string | undefined) {
  const event = eventId ? await prisma.event.findFirst({ where: { id: eventId, organisationId } }) : null
  if (!event) throw notFoundError()
  return event
}

export async function listApplications(eventId: string, filters: ApplicationFilters = {}) {
  const [rows, groups, event] = await Promise.all([
    prisma.registration.findMany({
      where: whereFor(eventId, filters),
      select: {
        id: true,
        firstName: true,
        lastName: true,
        email: true,
        organisationName: true,
        status: true,
        projectName: true,
        projectStage: true,
        projectTerritory: true,
        rating: true,
        decidedAt: true,
        createdAt: true,
        _count: { select: { comments: true } },
      },
      // Oldest first: the order candidates applied in, also the default order of a batch.
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: 1000,
    }),
    prisma.registration.groupBy({ by: ['status'], where: { eventId, ...isApplication }, _count: { _all: true } }),
    prisma.event.findUniqueOrThrow({ where: { id: eventId }, select: { capacity: true, seatsTaken: true } }),
  ])
  const counts: Record<string, number> & { all: number } = Object.assign(Object.fromEntries(LISTED_STATUSES.map((s) => [s, 0])), { all: 0 })
  for (const g of groups) {
    counts[g.status] = g._count._all
    counts.all += g._count._all
  }
  return { rows, counts, capacity: event.capacity, seatsTaken: event.seatsTaken, seatsLeft: seatsLeft(event.capacity, event.seatsTaken) }
}

export async function getApplication(eventId: string, registrationId: string) {
  const application = await prisma.registration.findFirst({
    where: { id: registrationId, eventId, ...isApplication },
    include: { comments: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
  })
  if (!application) return null
  const authorIds = [...new Set(application.comments.map((c) => c.authorUserId).filter((id): id is string => id !== null))]
  const users = authorIds.length
    ? await prisma.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true, email: true } })
    : []
  const decider = application.decidedByUserId
    ? await prisma.user.findUnique({ where: { id: application.decidedByUserId }, select: { name: true, email: true } })
    : null
  const nameOf = new Map(users.map((u) => [u.id, u.name ?? u.email]))
  return {
    ...application,
    decidedBy: decider ? (decider.name ?? decider.email) : null,
    comments: application.comments.map((c) => ({
      id: c.id,
      body: c.body,
      createdAt: c.createdAt,
      author: c.authorUserId ? (nameOf.get(c.authorUserId) ?? null) : null,
    })),
  }
}

/** Sets (or clears, with null) the organisers' rating of an application. */
export async function rateApplication(
  eventId: string,
  registrationId: string,
  rating: number | null,
  actor: { userId: string; organisationId: string },
) {
  return prisma.$transaction(async (tx) => {
    if (!(await setApplicationRating(tx, eventId, registrationId, rating, isApplication))) throw notFoundError()
    await audit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'application.rate',
      entityType: 'Registration',
      entityId: registrationId,
      details: { rating },
    })
  }, TX)
}

/** An internal comment: seen by the organisers only, never sent to the candidate. */
export async function commentApplication(
  eventId: string,
  registrationId: string,
  body: string,
  actor: { userId: string; organisationId: string },
) {
  return prisma.$transaction(async (tx) => {
    const application = await tx.registration.findFirst({ where: { id: registrationId, eventId, ...isApplication }, select: { id: true } })
    if (!application) throw notFoundError()
    const comment = await tx.applicationComment.create({ data: { registrationId, authorUserId: actor.userId, body } })
    await audit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'application.comment',
      entityType: 'Registration',
      entityId: registrationId,
      details: { commentId: comment.id },
    })
    return comment
  }, TX)
}

export type DecideOptions = {
  message?: string | null
  /** Acceptances that find no seat put the candidate on the waiting list instead. */
  waitlistRest?: boolean
  actorUserId: string
  now?: Date
  request?: Request
}

export type DecisionResult = { id: string; outcome: DecisionOutcome; name?: string }

/**
 * Decides a batch of applications in the organiser's order, in one transaction. Acceptances take
 * a free seat each, while there is one; the others are reported `no_seat`. Each decided
 * candidate is emailed in their language with the personal message, and the decision audited.
 */
export async function decide(eventId: string, registrationIds: string[], decision: Decision, opts: DecideOptions) {
  const now = opts.now ?? new Date()
  const message = opts.message?.trim() || null
  const results = await prisma.$transaction(async (tx) => {
    // Decisions on one event wait for each other: reads below see the other batch's outcome.
    await tx.$executeRaw`UPDATE "Event" SET "seatsTaken" = "seatsTaken" WHERE "id" = ${eventId}`
    const event = await tx.event.findUnique({ where: { id: eventId } })
    if (!event) throw notFoundError()
    if (event.status === 'cancelled')
      throw new AppError({ status: 409, code: 'event_cancelled', messageKey: 'admission.error.eventCancelled' })
    const out: DecisionResult[] = []
    const seen = new Set<string>()
    for (const id of registrationIds) {
      if (seen.has(id)) continue
      seen.add(id)
      // One millisecond apart: the waiting list keeps the organiser's order within a batch.
      const waitlistedAt = new Date(now.getTime() + seen.size)
      out.push(await decideOne(tx, event, id, decision, { ...opts, message, now, waitlistedAt }))
    }
    return out
  }, TX)
  return { results, summary: summarise(results) }
}

type EventRow = NonNullable<Awaited<ReturnType<typeof prisma.event.findUnique>>>

async function decideOne(
  tx: Tx,
  event: EventRow,
  id: string,
  decision: Decision,
  opts: DecideOptions & { message: string | null; now: Date; waitlistedAt: Date },
): Promise<DecisionResult> {
  const r = await tx.registration.findFirst({ where: { id, eventId: event.id, ...isApplication } })
  if (!r) return { id, outcome: 'not_found' }
  const name = `${r.firstName} ${r.lastName}`
  if (!canDecide(r.status, decision)) return { id, outcome: 'already_decided', name }
  const seat = decision === 'accept' ? await takeEventSeat(tx, event) : false
  const outcome = outcomeOf(r.status, decision, seat, opts.waitlistRest)
  if (outcome === 'no_seat' || outcome === 'already_decided' || outcome === 'not_found') return { id, outcome, name }
  const status = outcome === 'accepted' ? 'confirmed' : outcome
  const decided = await setApplicationDecision(tx, id, r.status, {
    status,
    waitlistedAt: status === 'waitlisted' ? (r.waitlistedAt ?? opts.waitlistedAt) : null,
    decidedAt: opts.now,
    decidedByUserId: opts.actorUserId,
    decisionMessage: opts.message,
  })
  if (!decided) {
    // Decided meanwhile (cannot happen behind the event lock, kept as a guard): give the seat back.
    if (seat) await releaseEventSeat(tx, event.id)
    return { id, outcome: 'already_decided', name }
  }
  // The email carries a personal link of its own (only tokens' hashes are stored); a refusal carries none.
  const manageToken = outcome === 'refused' ? null : await issueManageLink(tx, id)
  if (seat) event.seatsTaken++
  const common = {
    to: r.email,
    toName: name,
    locale: r.locale as Locale,
    organisationId: event.organisationId,
    category: `event:${event.id}`,
  }
  const manageUrl = manageToken ? manageUrlFor(manageToken) : ''
  if (outcome === 'accepted') {
    await enqueueEmail(tx, {
      ...common,
      template: 'registration-confirmed',
      props: {
        event: eventEmailSummary(event),
        firstName: r.firstName,
        manageUrl,
        ticketCode: r.ticketCode,
        registrationId: r.id,
        message: opts.message,
      },
    })
  } else {
    await enqueueEmail(tx, {
      ...common,
      template: outcome === 'refused' ? 'application-refused' : 'application-waitlisted',
      props: { event: eventEmailSummary(event), firstName: r.firstName, manageUrl, projectName: r.projectName, message: opts.message },
    })
  }
  await audit(tx, {
    organisationId: event.organisationId,
    actorUserId: opts.actorUserId,
    action: 'application.decide',
    entityType: 'Registration',
    entityId: id,
    details: { decision, outcome, from: r.status, withMessage: opts.message !== null },
  })
  return { id, outcome, name }
}
