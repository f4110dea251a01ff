// register()'s direct path: what a registration rush is made of (a free event, no workshop, no
// ticket, no invitation, no application, nobody registered with that email yet) runs on the
// database driver itself, without Prisma's runtime, which cost more CPU than everything else a
// registration does. Same rows, same email, same seat rule as register(); anything else, or any
// doubt (a concurrent registration with the same email), returns null and register() takes over.
//
// - SQLite: the read, the seat, the row and the email in one BEGIN IMMEDIATE transaction run
//   synchronously under the process-wide database lock, so it holds the lock for microseconds.
// - PostgreSQL: the read, then one statement that takes the seat, inserts the row with the
//   status the seat decided and inserts the email (data-modifying CTEs): the Event row stays
//   locked only while that statement runs, instead of across several round trips.
import { directDb, Prisma, type DirectDb } from '#app/db.server.ts'
import { hashToken } from '#app/modules/auth/session.server.ts'
import { emailInsert } from '#app/modules/email/outbox.server.ts'
import {
  eventForRegistrationFromRow,
  eventForRegistrationQuery,
  fullError,
  newTicketCode,
  personFields,
  placementEmail,
  registrationInsert,
  takeSeatStatement,
  type EventForRegistration,
  type NewRegistration,
  type PersonInput,
} from './new-registration.server.ts'
import { registrationClosedReason } from '#app/modules/events/availability.ts'
import { placementFor } from './rules.ts'

export type DirectInput = PersonInput & { workshopIds?: string[]; ticketTypeId?: string | null; project?: unknown }
export type DirectOptions = {
  source?: string
  invitationToken?: string | null
  ignoreWindow?: boolean
  ignoreCapacity?: boolean
  actorUserId?: string
}
export type DirectResult = {
  outcome: 'confirmed' | 'waitlisted'
  registration: { id: string; status: string; eventId: string; email: string; ticketCode: string }
  manageToken: string
  manageUrl: string
}

/** Whether the request itself can take the direct path (the event is checked once read). */
export function directEligible(input: DirectInput, opts: DirectOptions) {
  const source = opts.source ?? 'form'
  return (
    (source === 'form' || source === 'api') &&
    !opts.invitationToken &&
    !opts.ignoreWindow &&
    !opts.ignoreCapacity &&
    !opts.actorUserId &&
    !input.ticketTypeId &&
    !input.project &&
    (input.workshopIds?.length ?? 0) === 0
  )
}

/** An open, public, free event without selection, where this email has no registration yet. */
function directlyRegistrable(event: EventForRegistration, now: Date) {
  return (
    event.existingId === null &&
    Number(event.ticketTypeCount) === 0 &&
    !event.requiresApplication &&
    event.visibility !== 'invitation' &&
    registrationClosedReason(event, now) === null
  )
}

function isUniqueViolation(error: unknown) {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505'
}

type Context = { now: Date; email: string; manageToken: string; manageUrl: string; source: string }

function newRow(event: EventForRegistration, input: PersonInput, ctx: Context, status: 'confirmed' | 'waitlisted'): NewRegistration {
  return {
    ...personFields(input, ctx.email),
    eventId: event.id,
    ticketCode: newTicketCode(),
    consentAt: ctx.now,
    status,
    waitlistedAt: status === 'waitlisted' ? ctx.now : null,
    manageTokenHash: hashToken(ctx.manageToken),
    source: ctx.source,
    ticketTypeId: null,
    holdExpiresAt: null,
  }
}

/**
 * Registers on the direct path, or returns null when register() must (the event needs more
 * than the direct path does, or the email registered meanwhile). Throws `event_full` when the
 * event is full without a waiting list (nothing written).
 */
export async function registerDirect(eventId: string, input: PersonInput, ctx: Context): Promise<DirectResult | null> {
  try {
    return directDb.dialect === 'sqlite'
      ? await registerOnSqlite(directDb, eventId, input, ctx)
      : await registerOnPostgres(directDb, eventId, input, ctx)
  } catch (error) {
    if (isUniqueViolation(error)) return null
    throw error
  }
}

function registerOnSqlite(sqlite: Extract<DirectDb, { dialect: 'sqlite' }>, eventId: string, input: PersonInput, ctx: Context) {
  return sqlite.transaction((db): DirectResult | null => {
    const row = db.all(eventForRegistrationQuery(eventId, ctx.email))[0]
    const event = row ? eventForRegistrationFromRow(row) : null
    if (!event || !directlyRegistrable(event, ctx.now)) return null
    const placed = placementFor(db.run(takeSeatStatement(event.id)) === 1, event.waitlistEnabled)
    if (placed === 'full') throw fullError()
    const fields = newRow(event, input, ctx, placed)
    const { statement, registration } = registrationInsert(fields, ctx.now)
    db.run(statement)
    db.run(emailInsert(placementEmail(event, fields, placed, registration, ctx.manageUrl)).statement)
    return { outcome: placed, registration, manageToken: ctx.manageToken, manageUrl: ctx.manageUrl }
  })
}

async function registerOnPostgres(
  postgres: Extract<DirectDb, { dialect: 'postgresql' }>,
  eventId: string,
  input: PersonInput,
  ctx: Context,
): Promise<DirectResult | null> {
  const [row] = await postgres.query(eventForRegistrationQuery(eventId, ctx.email))
  const event = row ? eventForRegistrationFromRow(row) : null
  // Without a waiting list a full event writes nothing: register() answers that case.
  if (!event || !directlyRegistrable(event, ctx.now) || !event.waitlistEnabled) return null

  // The row and the email are written as for a confirmed registrant; the statement itself
  // replaces the status, the waiting-list time and the template with what the seat decided.
  const fields = newRow(event, input, ctx, 'confirmed')
  const { statement: insertRegistration, registration } = registrationInsert(fields, ctx.now, {
    status: Prisma.sql`(SELECT "status" FROM placed)`,
    waitlistedAt: Prisma.sql`(SELECT CASE WHEN "status" = 'waitlisted' THEN ${ctx.now}::timestamp(3) END FROM placed)`,
  })
  const email = placementEmail(event, fields, 'confirmed', registration, ctx.manageUrl)
  const { statement: insertEmail } = emailInsert(email, {
    template: Prisma.sql`(SELECT CASE WHEN "status" = 'confirmed' THEN 'registration-confirmed' ELSE 'registration-waitlisted' END FROM placed)`,
  })
  const [result] = await postgres.query<{ status: 'confirmed' | 'waitlisted' }>(Prisma.sql`
    WITH seat AS (${takeSeatStatement(event.id)} RETURNING 1),
      placed AS (SELECT CASE WHEN EXISTS (SELECT 1 FROM seat) THEN 'confirmed' ELSE 'waitlisted' END AS "status"),
      reg AS (${insertRegistration}),
      mail AS (${insertEmail})
    SELECT "status" FROM placed`)
  const placed = result!.status
  return { outcome: placed, registration: { ...registration, status: placed }, manageToken: ctx.manageToken, manageUrl: ctx.manageUrl }
}
