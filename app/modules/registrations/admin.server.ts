// What organisers and door staff do with an event's registrations: list, search and filter,
// add someone by hand, cancel or move them, count attendance. Seats and the waiting list stay
// the business of service.server.ts; this module only calls it.
import { prisma, type Prisma } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { AppError, notFoundError } from '#app/utils/errors.ts'
import { parseAnswers } from '#app/shared/questions.ts'
import { CHECKED_IN_FILTER } from './export-format.ts'
import { PROFILES } from '#app/shared/profiles.ts'
import { REGISTRATION_STATUSES, holdsSeat } from './rules.ts'
import { changeWorkshops } from './service.server.ts'

export { CHECKED_IN_FILTER }

export type RegistrationFilters = {
  q?: string | null
  status?: string | null
  profile?: string | null
  workshopId?: string | null
  page?: number
  pageSize?: number
}

export const DEFAULT_PAGE_SIZE = 50
const MAX_PAGE_SIZE = 200

/** Reads the filters of the list from a URL's query string (also used by the exports). */
export function filtersFromSearchParams(params: URLSearchParams): RegistrationFilters {
  const page = Number.parseInt(params.get('page') ?? '1', 10)
  return {
    q: params.get('q')?.trim() || null,
    status: params.get('status') || null,
    profile: params.get('profile') || null,
    workshopId: params.get('workshop') || null,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  }
}

/** The event, with its programme and questions, when it belongs to the organisation; else a not-found AppError. */
export async function requireOrganisationEvent(organisationId: string, eventId: string | undefined) {
  const event = eventId
    ? await prisma.event.findFirst({
        where: { id: eventId, organisationId },
        include: {
          slots: { orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] },
          workshops: { orderBy: [{ position: 'asc' }, { title: 'asc' }] },
          questions: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
          ticketTypes: { select: { id: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] },
        },
      })
    : null
  if (!event) throw notFoundError()
  return event
}

export type OrganisationEvent = Awaited<ReturnType<typeof requireOrganisationEvent>>

/** Lower-case, accents removed, like Registration.searchText, split into words. */
export function searchTerms(q: string | null | undefined): string[] {
  if (!q) return []
  return q
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
}

const TICKET_CODE = /^[A-Z0-9]{10}$/i

function whereFor(eventId: string, f: RegistrationFilters, opts: { withStatus?: boolean } = {}): Prisma.RegistrationWhereInput {
  const and: Prisma.RegistrationWhereInput[] = []
  const terms = searchTerms(f.q)
  // Every word must appear somewhere: "dupont asso" finds Jeanne Dupont of "Asso du Lac".
  // `contains` on the lower-cased searchText behaves the same on SQLite and PostgreSQL.
  const byText: Prisma.RegistrationWhereInput = { AND: terms.map((term) => ({ searchText: { contains: term } })) }
  const q = f.q?.trim() ?? ''
  if (terms.length > 0) and.push(TICKET_CODE.test(q) ? { OR: [byText, { ticketCode: q.toUpperCase() }] } : byText)
  if (opts.withStatus !== false && f.status) {
    and.push(f.status === CHECKED_IN_FILTER ? { status: 'confirmed', checkedInAt: { not: null } } : { status: f.status })
  }
  if (f.profile) and.push({ organisationType: f.profile })
  if (f.workshopId) and.push({ workshops: { some: { workshopId: f.workshopId } } })
  return { eventId, AND: and }
}

const listInclude = {
  workshops: { include: { workshop: { select: { id: true, title: true, slotId: true } } } },
  ticketType: { select: { id: true, name: true, kind: true } },
  payments: {
    select: {
      id: true,
      method: true,
      status: true,
      amountCents: true,
      reference: true,
      purchaseOrderNumber: true,
      receiptNumber: true,
      refundStatus: true,
      refundCents: true,
      createdAt: true,
    },
    orderBy: { createdAt: 'desc' },
  },
} satisfies Prisma.RegistrationInclude

export type StatusCounts = Record<string, number> & { all: number; checkedIn: number }

/** Registrations per status over the whole event, plus the confirmed people checked in. */
export async function statusCounts(eventId: string): Promise<StatusCounts> {
  const [groups, checkedIn] = await Promise.all([
    prisma.registration.groupBy({ by: ['status'], where: { eventId }, _count: { _all: true } }),
    prisma.registration.count({ where: { eventId, status: 'confirmed', checkedInAt: { not: null } } }),
  ])
  const counts: StatusCounts = Object.assign(Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, 0])), { all: 0, checkedIn })
  for (const g of groups) {
    counts[g.status] = g._count._all
    counts.all += g._count._all
  }
  return counts
}

export async function listRegistrations(eventId: string, filters: RegistrationFilters = {}) {
  const pageSize = Math.min(Math.max(filters.pageSize ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE)
  const where = whereFor(eventId, filters)
  const [total, counts] = await Promise.all([prisma.registration.count({ where }), statusCounts(eventId)])
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(Math.max(filters.page ?? 1, 1), pageCount)
  const rows = await prisma.registration.findMany({
    where,
    include: listInclude,
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  })
  return { rows, total, page, pageSize, pageCount, counts }
}

export type ListedRegistration = Awaited<ReturnType<typeof listRegistrations>>['rows'][number]

/**
 * Every registration matching the filters, in list order, for the exports; `page` (Prisma's take,
 * skip and cursor) reads one page of them, for the API.
 */
export function registrationsForExport(
  eventId: string,
  filters: RegistrationFilters = {},
  page: { take?: number; skip?: number; cursor?: { id: string } } = {},
) {
  return prisma.registration.findMany({
    where: whereFor(eventId, filters),
    include: listInclude,
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
    ...page,
  })
}

export type ExportedRegistration = Awaited<ReturnType<typeof registrationsForExport>>[number]

/** Who took a copy of the personal data, when, and how much of it (GDPR accountability). */
export async function recordExport(
  event: { id: string; organisationId: string },
  actorUserId: string,
  details: { format: 'csv' | 'xlsx'; rows: number; filters: RegistrationFilters },
) {
  const filters = Object.fromEntries(Object.entries(details.filters).filter(([k, v]) => k !== 'page' && v !== null && v !== undefined))
  await audit(prisma, {
    organisationId: event.organisationId,
    actorUserId,
    action: 'registration.export',
    entityType: 'Event',
    entityId: event.id,
    details: { ...details, filters },
  })
}

export async function registrationDetail(eventId: string, registrationId: string) {
  const registration = await prisma.registration.findFirst({ where: { id: registrationId, eventId }, include: listInclude })
  if (!registration) return null
  return { ...registration, answers: parseAnswers(registration.answers) }
}

/** The registration of this event (404 otherwise): organisers act on their event's registrations only. */
export async function requireRegistrationOf(eventId: string, registrationId: string) {
  const registration = await prisma.registration.findFirst({
    where: { id: registrationId, eventId },
    include: { workshops: true },
  })
  if (!registration) throw new AppError({ status: 404, code: 'not_found', messageKey: 'attendees.error.notFound' })
  return registration
}

/**
 * Moves someone to other workshops: `choices` maps a slot id to a workshop id (or '' for
 * none); slots not named keep their current workshop. All or nothing, capacities enforced.
 */
export async function moveToWorkshops(
  eventId: string,
  registrationId: string,
  choices: Record<string, string>,
  opts: { actorUserId: string },
) {
  const registration = await requireRegistrationOf(eventId, registrationId)
  if (!holdsSeat(registration.status)) {
    throw new AppError({ status: 409, code: 'not_holding_seat', messageKey: 'registration.error.noSeat' })
  }
  const bySlot = new Map(registration.workshops.map((w) => [w.slotId, w.workshopId]))
  for (const [slotId, workshopId] of Object.entries(choices)) {
    if (workshopId) bySlot.set(slotId, workshopId)
    else bySlot.delete(slotId)
  }
  const workshopIds = [...bySlot.values()]
  const unchanged =
    workshopIds.length === registration.workshops.length && registration.workshops.every((w) => bySlot.get(w.slotId) === w.workshopId)
  if (unchanged) return { changed: false }
  await changeWorkshops(registrationId, workshopIds, { actorUserId: opts.actorUserId })
  return { changed: true }
}

// ---------------------------------------------------------------------------------------------
// Statistics

export type EventStats = {
  totals: {
    confirmed: number
    checkedIn: number
    waitlisted: number
    offered: number
    cancelled: number
    capacity: number | null
    checkInRate: number | null
  }
  byProfile: { profile: string; confirmed: number; checkedIn: number; checkInRate: number | null }[]
  byWorkshop: {
    workshopId: string
    title: string
    slotId: string
    slotLabel: string
    capacity: number | null
    confirmed: number
    checkedIn: number
    checkInRate: number | null
  }[]
  /** Registrants' départements, most represented first; null = not given. */
  byDepartement: { departement: string | null; confirmed: number; checkedIn: number; checkInRate: number | null }[]
}

export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole
}

/**
 * Attendance of an event: confirmed registrations and check-ins, overall, per audience profile
 * per workshop and per département of the registrants.
 */
export async function stats(eventId: string): Promise<EventStats> {
  const event = await prisma.event.findUniqueOrThrow({
    where: { id: eventId },
    include: { slots: { orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] }, workshops: { orderBy: [{ position: 'asc' }, { title: 'asc' }] } },
  })
  const confirmed = { eventId, status: 'confirmed' }
  const checkedIn = { ...confirmed, checkedInAt: { not: null } }
  const [counts, profileAll, profileIn, workshopAll, workshopIn, depAll, depIn] = await Promise.all([
    statusCounts(eventId),
    prisma.registration.groupBy({ by: ['organisationType'], where: confirmed, _count: { _all: true } }),
    prisma.registration.groupBy({ by: ['organisationType'], where: checkedIn, _count: { _all: true } }),
    prisma.registrationWorkshop.groupBy({ by: ['workshopId'], where: { registration: confirmed }, _count: { _all: true } }),
    prisma.registrationWorkshop.groupBy({ by: ['workshopId'], where: { registration: checkedIn }, _count: { _all: true } }),
    prisma.registration.groupBy({ by: ['departement'], where: confirmed, _count: { _all: true } }),
    prisma.registration.groupBy({ by: ['departement'], where: checkedIn, _count: { _all: true } }),
  ])
  const depIns = new Map(depIn.map((g) => [g.departement, g._count._all]))
  const byDepartement = depAll
    .map((g) => {
      const inside = depIns.get(g.departement) ?? 0
      return { departement: g.departement, confirmed: g._count._all, checkedIn: inside, checkInRate: rate(inside, g._count._all) }
    })
    .sort((a, b) => b.confirmed - a.confirmed || (a.departement ?? '~').localeCompare(b.departement ?? '~'))

  const profileCounts = new Map(profileAll.map((g) => [g.organisationType, g._count._all]))
  const profileIns = new Map(profileIn.map((g) => [g.organisationType, g._count._all]))
  // Known profiles in their usual order, then any other stored code, so nothing is dropped.
  const others = [...profileCounts.keys()].filter((p) => !(PROFILES as readonly string[]).includes(p)).sort()
  const byProfile = [...PROFILES, ...others]
    .map((profile) => {
      const all = profileCounts.get(profile) ?? 0
      const inside = profileIns.get(profile) ?? 0
      return { profile, confirmed: all, checkedIn: inside, checkInRate: rate(inside, all) }
    })
    .filter((p) => p.confirmed > 0)

  const wAll = new Map(workshopAll.map((g) => [g.workshopId, g._count._all]))
  const wIn = new Map(workshopIn.map((g) => [g.workshopId, g._count._all]))
  const slotIndex = new Map(event.slots.map((s, i) => [s.id, i]))
  const slotLabel = new Map(event.slots.map((s) => [s.id, s.label]))
  const byWorkshop = [...event.workshops]
    .sort((a, b) => (slotIndex.get(a.slotId) ?? 0) - (slotIndex.get(b.slotId) ?? 0))
    .map((w) => {
      const all = wAll.get(w.id) ?? 0
      const inside = wIn.get(w.id) ?? 0
      return {
        workshopId: w.id,
        title: w.title,
        slotId: w.slotId,
        slotLabel: slotLabel.get(w.slotId) ?? '',
        capacity: w.capacity,
        confirmed: all,
        checkedIn: inside,
        checkInRate: rate(inside, all),
      }
    })

  return {
    totals: {
      confirmed: counts.confirmed ?? 0,
      checkedIn: counts.checkedIn,
      waitlisted: counts.waitlisted ?? 0,
      offered: counts.offered ?? 0,
      cancelled: counts.cancelled ?? 0,
      capacity: event.capacity,
      checkInRate: rate(counts.checkedIn, counts.confirmed ?? 0),
    },
    byProfile,
    byWorkshop,
    byDepartement,
  }
}

// ---------------------------------------------------------------------------------------------
// Check-in at the door

/** Confirmed seats and how many of them have arrived: the counter of the check-in page. */
export async function checkInCounter(eventId: string) {
  const [confirmed, checkedIn] = await Promise.all([
    prisma.registration.count({ where: { eventId, status: 'confirmed' } }),
    prisma.registration.count({ where: { eventId, status: 'confirmed', checkedInAt: { not: null } } }),
  ])
  return { confirmed, checkedIn }
}

/**
 * People matching a name (or e-mail, organisation, ticket code) for the door staff. Every status
 * is listed so staff can tell someone why they cannot be checked in; confirmed people first.
 */
export async function searchForCheckIn(eventId: string, q: string, limit = 25) {
  if (searchTerms(q).join('').length < 2) return []
  const rows = await prisma.registration.findMany({
    where: whereFor(eventId, { q }),
    select: { id: true, firstName: true, lastName: true, organisationName: true, status: true, checkedInAt: true, ticketCode: true },
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
    take: limit * 2,
  })
  const weight = (s: string) => (s === 'confirmed' ? 0 : 1)
  return rows.sort((a, b) => weight(a.status) - weight(b.status)).slice(0, limit)
}
