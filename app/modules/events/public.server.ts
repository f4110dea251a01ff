// What anyone may see of events: the public listing (all organisations or one), an event's page
// and how many places are left. Built to stay fast when an event opens and hundreds arrive at
// once: each answer is kept in memory for a few seconds (one query per key however many ask at
// the same moment), and anonymous pages may be cached by browsers and proxies for 5 s. Places
// left may therefore lag by up to twice PUBLIC_CACHE_TTL_MS (data, then the anonymous page kept by
// app/utils/public-page-cache.server.ts) plus 5 s; the seat rules themselves
// (registrations/service.server.ts) always work on the live counters.
import { prisma } from '#app/db.server.ts'
import { registrationClosedReason, seatsLeft, type ClosedReason } from './availability.ts'
import { DEFAULT_TIME_ZONE, parseLocalDateTime, cachedDateTimeFormat } from '#app/shared/time.ts'
import { renderMarkdown } from '#app/shared/markdown.server.ts'
import { EVENT_KINDS, type EventKind } from './schema.ts'
import { formatPrice, priceSummary, priceSummaryMessage, type PricedTicket } from './rules.ts'
import { type Locale } from '#app/utils/i18n.ts'
import { forgetPublicPages } from '#app/utils/public-page-cache.server.ts'
import { forgetEverywhere } from '#app/utils/siblings.server.ts'
import { findRegion, regionOfDepartement } from '#app/shared/territories.ts'
import { LoadingCache } from '#app/shared/cache.ts'

export { EVENT_KINDS }
export function isEventKind(value: unknown): value is EventKind {
  return typeof value === 'string' && (EVENT_KINDS as readonly string[]).includes(value)
}

// ---- Availability ----

export type Availability =
  { state: 'open'; seatsLeft: number | null } | { state: 'waitlist' } | { state: 'full' } | { state: 'closed'; reason: ClosedReason }

/** Whether people can register now, and how: seats left (null: no limit), waiting list, full or closed. */
export function availabilityOf(
  event: {
    status: string
    registrationOpensAt: Date | null
    registrationClosesAt: Date | null
    endsAt: Date
    capacity: number | null
    seatsTaken: number
    waitlistEnabled: boolean
  },
  now = new Date(),
): Availability {
  const reason = registrationClosedReason(event, now)
  if (reason) return { state: 'closed', reason }
  const left = seatsLeft(event.capacity, event.seatsTaken)
  if (left === null || left > 0) return { state: 'open', seatsLeft: left }
  return event.waitlistEnabled ? { state: 'waitlist' } : { state: 'full' }
}

export function workshopSeatsLeft(w: { capacity: number | null; seatsTaken: number }) {
  return seatsLeft(w.capacity, w.seatsTaken)
}

// ---- Short-lived in-process cache ----

const TTL_MS = Math.max(0, Number(process.env.PUBLIC_CACHE_TTL_MS ?? 3000))
const MAX_ENTRIES = 1000

const eventCache = new LoadingCache<PublicEvent | null>({ ttlMs: TTL_MS, max: MAX_ENTRIES })
const listCache = new LoadingCache<PublicEventList>({ ttlMs: TTL_MS, max: MAX_ENTRIES })
const orgCache = new LoadingCache<PublicOrganisation | null>({ ttlMs: TTL_MS, max: MAX_ENTRIES })

/** Forget what this machine's processes cached (an organiser's change is then visible at once). */
const forgetPublicEvent = forgetEverywhere<string | null>('public-events', (slug) => {
  if (slug) eventCache.delete(slug)
  else eventCache.clear()
  listCache.clear()
  forgetPublicPages()
})

export function invalidatePublicEvent(slug?: string) {
  forgetPublicEvent(slug ?? null)
}

export function clearPublicCache() {
  eventCache.clear()
  listCache.clear()
  orgCache.clear()
  forgetPublicPages()
}

/**
 * Headers for a public page's loader: shared caches may keep anonymous pages 5 s (and serve them
 * stale 30 s while refreshing); a signed-in visitor's page names them, so it is never shared.
 */
export function publicCacheHeaders(request: Request): Record<string, string> {
  const cookie = request.headers.get('cookie') ?? ''
  const personal = /(?:^|;\s*)(essor_session|essor_toast)=/.test(cookie)
  if (personal) return { 'Cache-Control': 'private, no-store', Vary: 'Cookie, Accept-Language' }
  return { 'Cache-Control': 'public, max-age=5, stale-while-revalidate=30', Vary: 'Cookie, Accept-Language' }
}

// ---- Listing ----

export type PublicEventFilters = {
  /** Region code (e.g. "occitanie") or name. */
  region?: string | null
  kind?: string | null
  /** Events still running on or after this instant. */
  from?: Date | null
  /** Events starting before this instant. */
  to?: Date | null
  organisationSlug?: string | null
  /** Also list events that have ended. */
  includePast?: boolean
  page?: number
}

export const PAGE_SIZE = 24

export type PublicEventCard = {
  slug: string
  title: string
  kind: string
  startsAt: Date
  endsAt: Date
  timeZone: string
  town: string | null
  online: boolean
  region: string | null
  organisation: { slug: string; name: string }
  availability: Availability
  tickets: PricedTicket[]
}

export type PublicEventList = { events: PublicEventCard[]; page: number; hasMore: boolean }

// The ticket types hang off the event; the public catalogue reads only what a visitor may see of them.
const ticketOrder: { position?: 'asc'; createdAt?: 'asc' }[] = [{ position: 'asc' }, { createdAt: 'asc' }]
const ticketSelect = { name: true, nameEn: true, priceCents: true, quota: true, sold: true, salesEndAt: true, archivedAt: true } as const

const cardSelect = {
  slug: true,
  title: true,
  kind: true,
  status: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  town: true,
  departement: true,
  onlineUrl: true,
  venueName: true,
  capacity: true,
  seatsTaken: true,
  waitlistEnabled: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  organisation: { select: { slug: true, name: true, region: true } },
  // Prices on the card: Prisma loads the ticket types of the whole page in one more query, not one per event.
  ticketTypes: { select: ticketSelect, orderBy: ticketOrder },
} as const

/** Published, public events, soonest first; past ones only when asked. */
export function listPublicEvents(filters: PublicEventFilters = {}, opts: { now?: Date; fresh?: boolean } = {}): Promise<PublicEventList> {
  const now = opts.now ?? new Date()
  const page = Math.max(1, Math.floor(filters.page ?? 1))
  const region = filters.region ? findRegion(filters.region) : null
  const key = JSON.stringify([
    region?.code ?? filters.region ?? null,
    filters.kind ?? null,
    filters.from?.getTime() ?? null,
    filters.to?.getTime() ?? null,
    filters.organisationSlug ?? null,
    Boolean(filters.includePast),
    page,
  ])
  const load = () => queryPublicEvents({ ...filters, page }, region, now)
  return opts.fresh || opts.now ? load() : listCache.get(key, load)
}

async function queryPublicEvents(
  filters: PublicEventFilters & { page: number },
  region: ReturnType<typeof findRegion>,
  now: Date,
): Promise<PublicEventList> {
  // An unknown region or kind matches nothing rather than everything.
  if ((filters.region && !region) || (filters.kind && !isEventKind(filters.kind))) return { events: [], page: filters.page, hasMore: false }
  const and: object[] = []
  if (!filters.includePast) and.push({ endsAt: { gt: now } })
  if (filters.from) and.push({ endsAt: { gte: filters.from } })
  if (filters.to) and.push({ startsAt: { lt: filters.to } })
  if (filters.kind) and.push({ kind: filters.kind })
  if (filters.organisationSlug) and.push({ organisation: { slug: filters.organisationSlug } })
  if (region) {
    const codes = region.departements.flatMap((d) => (d.startsWith('0') ? [d, d.slice(1)] : [d]))
    // Events without a département (online ones, say) belong to their organisation's region.
    and.push({
      OR: [
        { departement: { in: codes } },
        { departement: null, organisation: { region: region.name } },
        { departement: '', organisation: { region: region.name } },
      ],
    })
  }
  const rows = await prisma.event.findMany({
    where: { status: 'published', visibility: 'public', AND: and },
    select: cardSelect,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    skip: (filters.page - 1) * PAGE_SIZE,
    take: PAGE_SIZE + 1,
  })
  return {
    page: filters.page,
    hasMore: rows.length > PAGE_SIZE,
    events: rows.slice(0, PAGE_SIZE).map((e) => ({
      slug: e.slug,
      title: e.title,
      kind: e.kind,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      timeZone: e.timeZone,
      town: e.town,
      online: Boolean(e.onlineUrl) && !e.venueName && !e.town,
      region: regionOfDepartement(e.departement)?.name ?? e.organisation.region ?? null,
      organisation: { slug: e.organisation.slug, name: e.organisation.name },
      availability: availabilityOf(e, now),
      tickets: e.ticketTypes,
    })),
  }
}

/** "YYYY-MM-DD" (a day in Paris) → the instant the day starts, or null when it is not a date. */
export function parseDayStart(value: string | null | undefined, timeZone = DEFAULT_TIME_ZONE): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null
  return parseLocalDateTime(`${value}T00:00`, timeZone)
}

/** "YYYY-MM-DD" → the instant the next day starts (so the whole day is included), or null. */
export function parseDayEnd(value: string | null | undefined, timeZone = DEFAULT_TIME_ZONE): Date | null {
  const start = parseDayStart(value, timeZone)
  if (!start) return null
  const next = new Date(Date.UTC(Number(value!.slice(0, 4)), Number(value!.slice(5, 7)) - 1, Number(value!.slice(8, 10)) + 1))
  return parseLocalDateTime(`${next.toISOString().slice(0, 10)}T00:00`, timeZone)
}

// ---- One event ----

export type PublicWorkshop = {
  id: string
  title: string
  description: string
  room: string | null
  capacity: number | null
  seatsTaken: number
}
export type PublicSlot = { id: string; label: string; startsAt: Date; endsAt: Date; workshops: PublicWorkshop[] }

export type PublicEvent = {
  id: string
  slug: string
  title: string
  kind: string
  status: string
  visibility: string
  descriptionHtml: string
  description: string
  startsAt: Date
  endsAt: Date
  timeZone: string
  venueName: string | null
  address: string | null
  town: string | null
  departement: string | null
  region: string | null
  onlineUrl: string | null
  capacity: number | null
  seatsTaken: number
  waitlistEnabled: boolean
  offerHours: number
  /** Admission: registrations are applications the organisers decide on. */
  requiresApplication: boolean
  registrationOpensAt: Date | null
  registrationClosesAt: Date | null
  contactEmail: string | null
  organisation: { slug: string; name: string }
  slots: PublicSlot[]
  questions: { id: string; label: string; help: string | null; type: string; required: boolean; options: string; position: number }[]
  workshops: { id: string; slotId: string; title: string; position: number }[]
  tickets: PricedTicket[]
}

/**
 * An event anyone with its address may see: published (or cancelled, to say so) and public,
 * unlisted or by invitation (the page then says so and shows no form). Drafts and archived
 * events are not found.
 */
export function getPublicEvent(slug: string, opts: { fresh?: boolean } = {}): Promise<PublicEvent | null> {
  if (!/^[a-z0-9][a-z0-9-]{0,119}$/.test(slug)) return Promise.resolve(null)
  const load = () => queryPublicEvent(slug)
  return opts.fresh ? load() : eventCache.get(slug, load)
}

async function queryPublicEvent(slug: string): Promise<PublicEvent | null> {
  const e = await prisma.event.findUnique({
    where: { slug },
    include: {
      organisation: { select: { slug: true, name: true, region: true } },
      slots: { orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] },
      workshops: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
      questions: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
      ticketTypes: { select: ticketSelect, orderBy: ticketOrder },
    },
  })
  if (!e || !['published', 'cancelled'].includes(e.status)) return null
  return {
    id: e.id,
    slug: e.slug,
    title: e.title,
    kind: e.kind,
    status: e.status,
    visibility: e.visibility,
    description: e.description,
    descriptionHtml: e.description.trim() ? renderMarkdown(e.description, { headingOffset: 2 }) : '',
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone || DEFAULT_TIME_ZONE,
    venueName: e.venueName,
    address: e.address,
    town: e.town,
    departement: e.departement,
    region: regionOfDepartement(e.departement)?.name ?? e.organisation.region ?? null,
    onlineUrl: e.onlineUrl,
    capacity: e.capacity,
    seatsTaken: e.seatsTaken,
    waitlistEnabled: e.waitlistEnabled,
    offerHours: e.offerHours,
    requiresApplication: e.requiresApplication,
    registrationOpensAt: e.registrationOpensAt,
    registrationClosesAt: e.registrationClosesAt,
    contactEmail: e.contactEmail,
    organisation: { slug: e.organisation.slug, name: e.organisation.name },
    slots: e.slots.map((s) => ({
      id: s.id,
      label: s.label,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      workshops: e.workshops
        .filter((w) => w.slotId === s.id)
        .map((w) => ({
          id: w.id,
          title: w.title,
          description: w.description,
          room: w.room,
          capacity: w.capacity,
          seatsTaken: w.seatsTaken,
        })),
    })),
    questions: e.questions.map((q) => ({
      id: q.id,
      label: q.label,
      help: q.help,
      type: q.type,
      required: q.required,
      options: q.options,
      position: q.position,
    })),
    workshops: e.workshops.map((w) => ({ id: w.id, slotId: w.slotId, title: w.title, position: w.position })),
    tickets: e.ticketTypes,
  }
}

// ---- Organisations ----

export type PublicOrganisation = { slug: string; name: string; region: string | null; website: string | null }

export function getPublicOrganisation(slug: string): Promise<PublicOrganisation | null> {
  if (!/^[a-z0-9][a-z0-9-]{0,119}$/.test(slug)) return Promise.resolve(null)
  return orgCache.get(slug, () =>
    prisma.organisation.findUnique({ where: { slug }, select: { slug: true, name: true, region: true, website: true } }),
  )
}

// ---- Formatting (server side, so the page's HTML does not depend on the browser's Intl) ----

function intlLocale(locale: Locale) {
  return locale === 'fr' ? 'fr-FR' : 'en-GB'
}

/** The event's dates, the same on its page and in its emails (app/shared/time.ts). */
export { formatEventWhen } from '#app/shared/time.ts'

/** "29–30 nov. 2025" for cards. */
export function formatEventDays(locale: Locale, startsAt: Date, endsAt: Date, timeZone = DEFAULT_TIME_ZONE) {
  const f = cachedDateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone })
  return f.formatRange(startsAt, endsAt)
}

/** "09:00 – 10:30" (with the day when the range spans days). */
export function formatTimeRange(locale: Locale, startsAt: Date, endsAt: Date, timeZone = DEFAULT_TIME_ZONE) {
  const sameDay =
    cachedDateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(startsAt) ===
    cachedDateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(endsAt)
  const f = cachedDateTimeFormat(
    intlLocale(locale),
    sameDay
      ? { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone }
      : { dateStyle: 'medium', timeStyle: 'short', timeZone },
  )
  return f.formatRange(startsAt, endsAt)
}

export function formatInstant(locale: Locale, date: Date, timeZone = DEFAULT_TIME_ZONE) {
  return cachedDateTimeFormat(intlLocale(locale), { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date)
}

/** A listing's card as the page needs it (dates already formatted in the event's zone). */
export function toEventCardView(card: PublicEventCard, locale: Locale) {
  return {
    slug: card.slug,
    title: card.title,
    kind: card.kind,
    days: formatEventDays(locale, card.startsAt, card.endsAt, card.timeZone),
    town: card.town,
    online: card.online,
    region: card.region,
    organisation: card.organisation,
    availability: card.availability,
    prices: pricesView(card.tickets, locale, new Date()),
  }
}

/** The prices of an event as the pages show them, ticket names in the visitor's language. */
export function pricesView(tickets: PricedTicket[], locale: Locale, now: Date) {
  const named = tickets.map((t) => ({ ...t, name: locale === 'en' && t.nameEn ? t.nameEn : t.name }))
  const { summary, tickets: lines, soldOut } = priceSummary(named, now)
  return {
    summary: priceSummaryMessage(summary, locale),
    tickets: lines.map((l) => ({ name: l.name, price: l.priceCents > 0 ? formatPrice(l.priceCents, locale) : null, soldOut: l.soldOut })),
    soldOut,
  }
}
export type PricesView = ReturnType<typeof pricesView>
