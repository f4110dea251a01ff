// What a new registration reads and writes, as plain statements: the event (with the email's
// existing registration), the registration row and its confirmation email. Shared by register()
// (service.server.ts, in a Prisma transaction) and the direct path (direct.server.ts, on the
// database driver), so both write exactly the same rows.
import { Prisma } from '#app/db.server.ts'
import type { Event } from '#app/generated/sqlite/client.ts'
import { generateToken } from '#app/modules/auth/session.server.ts'
import type { OutgoingEmail } from '#app/modules/email/outbox.server.ts'
import { AppError } from '#app/utils/errors.ts'
import type { Locale } from '#app/utils/i18n.ts'
import { absoluteUrl } from '#app/utils/url.server.ts'
import { normaliseDepartement } from '#app/shared/territories.ts'
import { searchTextOf } from './rules.ts'
import { newRowId } from '#app/utils/random.server.ts'

export function manageUrlFor(token: string) {
  return absoluteUrl(`/r/${token}`)
}

export function newTicketCode() {
  // 10 base32 characters: short enough to type at the door, 50 bits of randomness.
  return generateToken(10).slice(0, 10).toUpperCase()
}

export function fullError() {
  return new AppError({ status: 409, code: 'event_full', messageKey: 'registration.error.full' })
}

export function closedError(reason: string) {
  return new AppError({ status: 409, code: 'registration_closed', messageKey: 'registration.error.closed', params: { reason } })
}

/** The event's fields its registration emails show. */
export type EventForEmail = Pick<
  Event,
  'id' | 'slug' | 'title' | 'startsAt' | 'endsAt' | 'timeZone' | 'venueName' | 'address' | 'town' | 'onlineUrl' | 'organisationId'
>

export function eventEmailSummary(event: EventForEmail) {
  return {
    slug: event.slug,
    title: event.title,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
    venue: [event.venueName, event.address, event.town].filter(Boolean).join(', ') || null,
    onlineUrl: event.onlineUrl,
  }
}

export type EventForRegistration = EventForEmail & {
  status: string
  registrationOpensAt: Date | null
  registrationClosesAt: Date | null
  waitlistEnabled: boolean
  visibility: string
  requiresApplication: boolean
  /** The registration this email already has for the event, if any. */
  existingId: string | null
  acceptsCard: boolean
  acceptsTransfer: boolean
  acceptsPurchaseOrder: boolean
  paymentHoldMinutes: number
  /** How many ticket types the event has (0: free event, tickets are not read). bigint through Prisma on PostgreSQL. */
  ticketTypeCount: number | bigint
}

/** What register() needs of the event, and the email's existing registration, in one SELECT. */
export function eventForRegistrationQuery(eventId: string, email: string) {
  return Prisma.sql`
    SELECT e."id", e."slug", e."title", e."status", e."startsAt", e."endsAt", e."timeZone", e."venueName", e."address", e."town",
      e."onlineUrl", e."organisationId", e."registrationOpensAt", e."registrationClosesAt", e."waitlistEnabled",
      e."visibility", e."requiresApplication", e."acceptsCard", e."acceptsTransfer", e."acceptsPurchaseOrder", e."paymentHoldMinutes",
      (SELECT r."id" FROM "Registration" r WHERE r."eventId" = e."id" AND r."email" = ${email}) AS "existingId",
      (SELECT COUNT(*) FROM "TicketType" t WHERE t."eventId" = e."id") AS "ticketTypeCount"
    FROM "Event" e WHERE e."id" = ${eventId}`
}

/** The same row read on the driver (SQLite gives ISO text and 0/1, PostgreSQL already typed values). */
export function eventForRegistrationFromRow(row: Record<string, unknown>): EventForRegistration {
  const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)))
  return {
    ...(row as EventForRegistration),
    startsAt: date(row.startsAt)!,
    endsAt: date(row.endsAt)!,
    registrationOpensAt: date(row.registrationOpensAt),
    registrationClosesAt: date(row.registrationClosesAt),
    waitlistEnabled: Boolean(row.waitlistEnabled),
    requiresApplication: Boolean(row.requiresApplication),
    acceptsCard: Boolean(row.acceptsCard),
    acceptsTransfer: Boolean(row.acceptsTransfer),
    acceptsPurchaseOrder: Boolean(row.acceptsPurchaseOrder),
    paymentHoldMinutes: Number(row.paymentHoldMinutes),
    ticketTypeCount: Number(row.ticketTypeCount),
  }
}

/** The person's answers as register() receives them (see RegistrationInput in service.server.ts). */
export type PersonInput = {
  firstName: string
  lastName: string
  email: string
  organisationName: string
  organisationType: string
  /** The registrant's département code ("31", "2A", "971"). */
  departement?: string | null
  phone?: string | null
  accessibilityNeeds?: string | null
  dietaryNeeds?: string | null
  answers?: Record<string, unknown>
  locale: Locale
}

/** The columns a registration (new, or an earlier cancelled one reused) gets from the form. */
export function personFields(input: PersonInput, email: string) {
  return {
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    email,
    organisationName: input.organisationName.trim(),
    organisationType: input.organisationType,
    departement: normaliseDepartement(input.departement) || null,
    phone: input.phone?.trim() || null,
    accessibilityNeeds: input.accessibilityNeeds?.trim() || null,
    dietaryNeeds: input.dietaryNeeds?.trim() || null,
    answers: JSON.stringify(input.answers ?? {}),
    locale: input.locale,
    searchText: searchTextOf({ ...input, email }),
  }
}

export type NewRegistration = ReturnType<typeof personFields> & {
  eventId: string
  ticketCode: string
  consentAt: Date
  status: string
  waitlistedAt: Date | null
  manageTokenHash: string
  source: string
  ticketTypeId: string | null
  holdExpiresAt: Date | null
}

/**
 * Takes a seat of the event if one is left: one row changed, or none when it is full. The
 * condition compares two columns in the database, so a capacity changed meanwhile is honoured,
 * and the database applies it atomically (SQLite serialises writers; PostgreSQL re-checks the
 * row after its lock), so no number of concurrent requests takes more seats than the capacity.
 */
export function takeSeatStatement(eventId: string) {
  return Prisma.sql`UPDATE "Event" SET "seatsTaken" = "seatsTaken" + 1 WHERE "id" = ${eventId} AND ("capacity" IS NULL OR "seatsTaken" < "capacity")`
}

/**
 * The registration row in one plain INSERT. In a rush every registration waits for the one
 * before it (the seat counter is one row), and an ORM create costs several times the statement.
 * `computed` replaces the status and the waiting-list time by SQL expressions (the direct path
 * on PostgreSQL decides them in the statement).
 */
export function registrationInsert(r: NewRegistration, now: Date, computed?: { status: Prisma.Sql; waitlistedAt: Prisma.Sql }) {
  const id = newRowId()
  const status = computed?.status ?? r.status
  const waitlistedAt = computed?.waitlistedAt ?? r.waitlistedAt
  const statement = Prisma.sql`
    INSERT INTO "Registration" ("id", "eventId", "firstName", "lastName", "email", "organisationName", "organisationType", "departement",
      "phone", "accessibilityNeeds", "dietaryNeeds", "answers", "locale", "consentAt", "status", "waitlistedAt", "manageTokenHash",
      "ticketCode", "source", "searchText", "ticketTypeId", "holdExpiresAt", "createdAt", "updatedAt")
    VALUES (${id}, ${r.eventId}, ${r.firstName}, ${r.lastName}, ${r.email}, ${r.organisationName}, ${r.organisationType}, ${r.departement},
      ${r.phone}, ${r.accessibilityNeeds}, ${r.dietaryNeeds}, ${r.answers}, ${r.locale}, ${r.consentAt}, ${status}, ${waitlistedAt},
      ${r.manageTokenHash}, ${r.ticketCode}, ${r.source}, ${r.searchText}, ${r.ticketTypeId}, ${r.holdExpiresAt}, ${now}, ${now})`
  return { statement, registration: { id, eventId: r.eventId, email: r.email, status: r.status, ticketCode: r.ticketCode } }
}

/** The email a new registrant gets: their ticket (confirmed) or their place in the queue (waitlisted). */
export function placementEmail(
  event: EventForEmail,
  person: { email: string; firstName: string; lastName: string; locale: Locale },
  placement: 'confirmed' | 'waitlisted',
  registration: { id: string; ticketCode: string },
  manageUrl: string,
): OutgoingEmail<'registration-confirmed' | 'registration-waitlisted'> {
  return {
    to: person.email,
    toName: `${person.firstName} ${person.lastName}`,
    locale: person.locale,
    template: placement === 'confirmed' ? 'registration-confirmed' : 'registration-waitlisted',
    props: {
      event: eventEmailSummary(event),
      firstName: person.firstName,
      manageUrl,
      ticketCode: registration.ticketCode,
      registrationId: registration.id,
    },
    organisationId: event.organisationId,
    category: `event:${event.id}`,
  }
}
