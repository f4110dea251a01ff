// The API's view of events and registrations, assembled from the events and registrations
// services: who may see what (anyone: published events; an organiser's token: also their
// organisation's drafts, cancelled and checked-in counts), with live registration counts.
import { prisma } from '#app/db.server.ts'
import { readBearerToken, requireApiToken } from '#app/modules/auth/api-token.server.ts'
import { getPublicEvent, listPublicEvents, type PublicEvent, type PublicEventFilters } from '#app/modules/events/public.server.ts'
import { getEventForOrganiser, listOrganisationEvents } from '#app/modules/events/service.server.ts'
import { statusCounts } from '#app/modules/registrations/admin.server.ts'
import { formatEuros } from '#app/modules/payments/rules.ts'
import { paymentMethodsFor, ticketChoicesFor } from '#app/modules/payments/service.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { eventDetailJson, eventSummaryJson, type EventCounts } from './serialize.server.ts'
import { parseQuestionOptions } from '#app/shared/questions.ts'

export type ApiAuth = Awaited<ReturnType<typeof requireApiToken>>

/** The token's identity when the request carries one (a wrong token is still a 401); null otherwise. */
export async function optionalApiToken(request: Request): Promise<ApiAuth | null> {
  if (!readBearerToken(request) && !request.headers.get('authorization')) return null
  return requireApiToken(request)
}

export function eventNotFound() {
  return new AppError({
    status: 404,
    code: 'event_not_found',
    messageKey: 'api.error.eventNotFound',
    fields: { event: ['api.error.eventNotFound'] },
  })
}

export function registrationNotFound() {
  return new AppError({
    status: 404,
    code: 'registration_not_found',
    messageKey: 'api.error.registrationNotFound',
    fields: { registration: ['api.error.registrationNotFound'] },
  })
}

async function countsOf(eventId: string): Promise<EventCounts> {
  const c = await statusCounts(eventId)
  return {
    confirmed: c.confirmed ?? 0,
    waitlisted: c.waitlisted ?? 0,
    offered: c.offered ?? 0,
    cancelled: c.cancelled ?? 0,
    checkedIn: c.checkedIn,
    pending_payment: c.pending_payment ?? 0,
  }
}

function publicCounts(c: EventCounts): EventCounts {
  return { confirmed: c.confirmed, waitlisted: c.waitlisted, offered: c.offered, pending_payment: c.pending_payment ?? 0 }
}

function publicDetail(event: PublicEvent, counts: EventCounts, now?: Date) {
  return eventDetailJson(event, publicCounts(counts), event.organisation, {
    slots: event.slots,
    questions: event.questions.map((q) => ({ ...q, options: parseQuestionOptions(q.options) })),
    now,
  })
}

/**
 * GET /api/v1/events/{slug}: the public view of a published (or cancelled) event; with the
 * owning organisation's token, any of its events with the organisers' extra counts.
 */
export async function eventForApi(request: Request, slug: string, opts: { now?: Date } = {}) {
  const auth = await optionalApiToken(request)
  const event = await getPublicEvent(slug)
  if (event && (!auth || auth.organisation.slug !== event.organisation.slug)) {
    return { ...publicDetail(event, await countsOf(event.id), opts.now), ...(await ticketTypesJson(event.id, opts.now)) }
  }
  if (!auth) throw eventNotFound()
  const detail = await organiserEventJson(auth, slug, opts)
  return event ? { ...detail, ...(await ticketTypesJson(event.id, opts.now)) } : detail
}

// The tickets on sale (price in cents and formatted), and the methods accepted
// through the API (never card: paying by card needs the attendee's browser).
async function ticketTypesJson(eventId: string, now = new Date()) {
  const tickets = await ticketChoicesFor(eventId, now)
  if (tickets.length === 0) return { ticketTypes: [] as unknown[], paymentMethods: [] as string[] }
  const methods = (await paymentMethodsFor(eventId, false)).filter((m) => m !== 'card')
  return {
    ticketTypes: tickets.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      kind: t.kind,
      priceCents: t.priceCents,
      price: formatEuros(t.priceCents, 'fr'),
      currency: 'eur',
      ticketsLeft: t.left,
      soldOut: t.soldOut,
    })),
    paymentMethods: methods,
  }
}

export async function organiserEventJson(auth: ApiAuth, slug: string, opts: { now?: Date } = {}) {
  const event = await getEventForOrganiser(auth.organisation.id, slug).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) throw eventNotFound()
    throw error
  })
  const counts: EventCounts = { ...event.counts }
  return eventDetailJson(event, counts, auth.organisation, {
    slots: event.slots,
    questions: event.questions,
    now: opts.now,
    organiserView: true,
  })
}

/** GET /api/v1/events: the public listing (filters as the events page), 24 per page. */
export async function publicEventList(filters: PublicEventFilters) {
  const list = await listPublicEvents(filters)
  const events = await Promise.all(
    list.events.map(async (card) => {
      const event = await getPublicEvent(card.slug)
      if (!event) return null
      return eventSummaryJson(event, publicCounts(await countsOf(event.id)), event.organisation)
    }),
  )
  return { events: events.filter((e) => e !== null), page: list.page, hasMore: list.hasMore }
}

/** GET /api/v1/events?scope=organisation: every event of the token's organisation, drafts included. */
export async function organisationEventList(auth: ApiAuth) {
  const rows = await listOrganisationEvents(auth.organisation.id, { archived: 'include' })
  return {
    events: rows.map((e) => ({
      ...eventSummaryJson(e, e.counts, auth.organisation),
      cancelled: e.counts.cancelled,
      checkedIn: e.counts.checkedIn,
    })),
  }
}

/**
 * The event of a registration, when it belongs to the organisation; null otherwise (the API then
 * answers 404, whether the id exists elsewhere or not).
 * Belongs with the registrations module's organiser functions (admin.server.ts), which only
 * look registrations up by event id; kept here until it moves there.
 */
export async function findRegistrationEventId(organisationId: string, registrationId: string): Promise<string | null> {
  if (!registrationId || registrationId.length > 64) return null
  const row = await prisma.registration.findFirst({
    where: { id: registrationId, event: { organisationId } },
    select: { eventId: true },
  })
  return row?.eventId ?? null
}
