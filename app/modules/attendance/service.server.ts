// Sign-in sheets (émargement): the sessions of an event, each trainee's signature (on their phone
// from the personal link, or on the trainer's tablet), late arrivals and early departures, and the
// trainer's signature that closes a sheet. Reopening a sheet and organisers' edits of times are audited.
import { prisma } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { attendeesOfEvents, type Attendee } from '#app/modules/registrations/attendees.server.ts'
import { AppError, conflictError, invalidInputError, isUniqueViolation, notFoundError } from '#app/utils/errors.ts'
import { halfDaysOf, isDrawnSignature, isOpenForSigning, missingSignatures, type SignatureMethod } from './rules.ts'

export type Actor = { userId?: string | null }

/** A signature as submitted: drawn (PNG data URL) or typed (the name, with the tick box ticked). */
export type SignatureInput = { method: 'drawn'; data: string } | { method: 'typed'; name: string; confirmed: boolean }

/** What is stored: the PNG data URL, or the typed name. Refuses an empty, oversized or unticked signature. */
function signatureData(input: SignatureInput): { method: SignatureMethod; data: string } {
  if (input.method === 'drawn') {
    if (!isDrawnSignature(input.data)) throw invalidInputError('attendance.error.signature', { signature: ['attendance.error.drawn'] })
    return { method: 'drawn', data: input.data }
  }
  const name = input.name.trim()
  if (!name || name.length > 200) throw invalidInputError('attendance.error.signature', { name: ['attendance.error.typedName'] })
  if (!input.confirmed) throw invalidInputError('attendance.error.signature', { confirmed: ['attendance.error.confirm'] })
  return { method: 'typed', data: name }
}

function sheetClosed() {
  return conflictError('sheet_closed', 'attendance.error.closed')
}

function alreadySigned() {
  return conflictError('already_signed', 'attendance.error.alreadySigned')
}

async function eventOfOrganisation(organisationId: string, eventId: string) {
  const event = await prisma.event.findFirst({
    where: { id: eventId, organisationId },
    select: { id: true, organisationId: true, kind: true, startsAt: true, endsAt: true, timeZone: true },
  })
  if (!event) throw notFoundError()
  return event
}

/** The session of this event (of this organisation), or a 404. */
export async function requireSession(organisationId: string, eventId: string, sessionId: string) {
  const session = await prisma.attendanceSession.findFirst({ where: { id: sessionId, eventId, event: { organisationId } } })
  if (!session) throw notFoundError()
  return session
}

export type SessionSummary = {
  id: string
  label: string
  startsAt: Date
  endsAt: Date
  closedAt: Date | null
  trainerName: string | null
  signed: number
  missing: number
}

/** The event's sessions in time order, each with how many confirmed trainees signed and how many did not. */
export async function listSessions(organisationId: string, eventId: string): Promise<SessionSummary[]> {
  const [sessions, trainees] = await Promise.all([
    prisma.attendanceSession.findMany({
      where: { eventId, event: { organisationId } },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      include: { signatures: { select: { sessionId: true, registrationId: true, signedAt: true, arrivedAt: true, leftAt: true } } },
    }),
    attendeesOfEvents(organisationId, [eventId]),
  ])
  const people = trainees.map((t) => ({ id: t.registrationId }))
  return sessions.map(({ signatures, ...s }) => {
    const missing = missingSignatures(s, people, signatures).length
    return { ...s, signed: people.length - missing, missing }
  })
}

/** Adds the morning and afternoon of each day of the event (9:00–12:30, 14:00–17:30 in its zone), skipping those already there. */
export async function createHalfDaySessions(organisationId: string, eventId: string, labels: { morning: string; afternoon: string }) {
  const event = await eventOfOrganisation(organisationId, eventId)
  const existing = await prisma.attendanceSession.findMany({ where: { eventId }, select: { startsAt: true } })
  const taken = new Set(existing.map((s) => s.startsAt.getTime()))
  const fresh = halfDaysOf(event).filter((h) => !taken.has(h.startsAt.getTime()))
  for (const h of fresh) {
    await prisma.attendanceSession.create({
      data: { eventId, label: `${labels[h.part]} ${h.day.split('-').reverse().join('/')}`, startsAt: h.startsAt, endsAt: h.endsAt },
    })
  }
  return fresh.length
}

export async function createSession(organisationId: string, eventId: string, input: { label: string; startsAt: Date; endsAt: Date }) {
  await eventOfOrganisation(organisationId, eventId)
  if (input.endsAt <= input.startsAt) throw invalidInputError('attendance.error.times', { endsAt: ['attendance.error.endBeforeStart'] })
  return prisma.attendanceSession.create({ data: { eventId, label: input.label.trim(), startsAt: input.startsAt, endsAt: input.endsAt } })
}

/** Deletes a session nobody has signed yet; a signed sheet is evidence and stays. */
export async function deleteSession(organisationId: string, eventId: string, sessionId: string) {
  const session = await requireSession(organisationId, eventId, sessionId)
  const signed = await prisma.attendanceSignature.count({ where: { sessionId, signedAt: { not: null } } })
  if (signed > 0 || session.signedAt) throw conflictError('sheet_signed', 'attendance.error.deleteSigned')
  await prisma.attendanceSession.delete({ where: { id: sessionId } })
}

export type SheetRow = Attendee & {
  signedAt: Date | null
  method: string | null
  data: string | null
  arrivedAt: Date | null
  leftAt: Date | null
}

/** A session's sheet: every confirmed trainee (by name) with their line, signed or not. */
export async function sheetOf(organisationId: string, eventId: string, sessionId: string) {
  const session = await requireSession(organisationId, eventId, sessionId)
  const [lines, trainees] = await Promise.all([
    prisma.attendanceSignature.findMany({ where: { sessionId } }),
    attendeesOfEvents(organisationId, [eventId]),
  ])
  const byRegistration = new Map(lines.map((l) => [l.registrationId, l]))
  const rows: SheetRow[] = trainees
    .map((t) => {
      const line = byRegistration.get(t.registrationId)
      return {
        ...t,
        signedAt: line?.signedAt ?? null,
        method: line?.method ?? null,
        data: line?.data ?? null,
        arrivedAt: line?.arrivedAt ?? null,
        leftAt: line?.leftAt ?? null,
      }
    })
    .sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr'))
  return { session, rows }
}

type SignOptions = {
  sessionId: string
  registrationId: string
  signature: SignatureInput
  ip: string | null
  /** "self" from the personal link (then the session's signing window applies), else "tablet". */
  via: 'self' | 'tablet'
  actor?: Actor
  now?: Date
}

/** Records one trainee's signature on a session. Refused once the sheet is closed, and a second time (409 already_signed). */
export async function signAsTrainee(opts: SignOptions) {
  const now = opts.now ?? new Date()
  const session = await prisma.attendanceSession.findUnique({ where: { id: opts.sessionId } })
  if (!session) throw notFoundError()
  if (session.closedAt) throw sheetClosed()
  if (opts.via === 'self' && !isOpenForSigning(session, now)) throw conflictError('sheet_not_open', 'attendance.error.notOpen')
  const registration = await prisma.registration.findFirst({
    where: { id: opts.registrationId, eventId: session.eventId, status: 'confirmed' },
    select: { id: true },
  })
  if (!registration) throw notFoundError()
  const { method, data } = signatureData(opts.signature)
  const recordedBy = opts.via === 'self' ? 'self' : (opts.actor?.userId ?? 'tablet')
  const fields = { signedAt: now, ip: opts.ip, method, data, recordedBy }
  try {
    await prisma.$transaction(async (tx) => {
      // Conditional on "not signed yet" (a line may exist with only a late arrival), and on the
      // sheet still open: a trainer closing it at the same moment wins.
      const open = await tx.attendanceSession.count({ where: { id: session.id, closedAt: null } })
      if (open === 0) throw sheetClosed()
      const updated = await tx.attendanceSignature.updateMany({
        where: { sessionId: session.id, registrationId: registration.id, signedAt: null },
        data: fields,
      })
      if (updated.count === 1) return
      const exists = await tx.attendanceSignature.count({ where: { sessionId: session.id, registrationId: registration.id } })
      if (exists > 0) throw alreadySigned()
      await tx.attendanceSignature.create({ data: { sessionId: session.id, registrationId: registration.id, ...fields } })
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadySigned()
    throw error
  }
  return { signedAt: now, method }
}

/** Late arrival / early departure of one trainee (null clears it); audited, since it changes the hours certified. */
export async function recordTimes(opts: {
  organisationId: string
  eventId: string
  sessionId: string
  registrationId: string
  arrivedAt: Date | null
  leftAt: Date | null
  actor: Actor
}) {
  const session = await requireSession(opts.organisationId, opts.eventId, opts.sessionId)
  if (session.closedAt) throw sheetClosed()
  const registration = await prisma.registration.findFirst({
    where: { id: opts.registrationId, eventId: opts.eventId, status: 'confirmed' },
    select: { id: true },
  })
  if (!registration) throw notFoundError()
  const inside = (d: Date | null) => d === null || (d >= session.startsAt && d <= session.endsAt)
  if (!inside(opts.arrivedAt)) throw invalidInputError('attendance.error.times', { arrivedAt: ['attendance.error.outside'] })
  if (!inside(opts.leftAt)) throw invalidInputError('attendance.error.times', { leftAt: ['attendance.error.outside'] })
  if (opts.arrivedAt && opts.leftAt && opts.leftAt <= opts.arrivedAt) {
    throw invalidInputError('attendance.error.times', { leftAt: ['attendance.error.endBeforeStart'] })
  }
  await prisma.$transaction(async (tx) => {
    const before = await tx.attendanceSignature.findUnique({
      where: { sessionId_registrationId: { sessionId: session.id, registrationId: registration.id } },
      select: { arrivedAt: true, leftAt: true },
    })
    await tx.attendanceSignature.upsert({
      where: { sessionId_registrationId: { sessionId: session.id, registrationId: registration.id } },
      create: { sessionId: session.id, registrationId: registration.id, arrivedAt: opts.arrivedAt, leftAt: opts.leftAt },
      update: { arrivedAt: opts.arrivedAt, leftAt: opts.leftAt },
    })
    await audit(tx, {
      organisationId: opts.organisationId,
      actorUserId: opts.actor.userId ?? null,
      action: 'attendance.times',
      entityType: 'AttendanceSession',
      entityId: session.id,
      details: {
        registrationId: registration.id,
        arrivedAt: [before?.arrivedAt?.toISOString() ?? null, opts.arrivedAt?.toISOString() ?? null],
        leftAt: [before?.leftAt?.toISOString() ?? null, opts.leftAt?.toISOString() ?? null],
      },
    })
  })
}

/** The trainer signs the sheet: it closes, and no trainee may sign it any more. */
export async function signAsTrainer(opts: {
  organisationId: string
  eventId: string
  sessionId: string
  trainerName: string
  signature: SignatureInput
  now?: Date
}) {
  const now = opts.now ?? new Date()
  const session = await requireSession(opts.organisationId, opts.eventId, opts.sessionId)
  const trainerName = opts.trainerName.trim()
  if (!trainerName || trainerName.length > 200)
    throw invalidInputError('attendance.error.signature', { trainerName: ['attendance.error.trainerName'] })
  const { method, data } = signatureData(opts.signature)
  const closed = await prisma.attendanceSession.updateMany({
    where: { id: session.id, closedAt: null },
    data: { closedAt: now, signedAt: now, trainerName, trainerSignature: JSON.stringify({ method, data }) },
  })
  if (closed.count === 0) throw sheetClosed()
  return { closedAt: now }
}

/** An organiser reopens a closed sheet (to add a forgotten signature): the trainer's signature goes, the audit keeps it. */
export async function reopenSession(organisationId: string, eventId: string, sessionId: string, actor: Actor) {
  const session = await requireSession(organisationId, eventId, sessionId)
  const closedAt = session.closedAt
  if (!closedAt) throw new AppError({ status: 409, code: 'sheet_open', messageKey: 'attendance.error.notClosed' })
  await prisma.$transaction(async (tx) => {
    await tx.attendanceSession.update({ where: { id: session.id }, data: { closedAt: null, signedAt: null, trainerSignature: null } })
    await audit(tx, {
      organisationId,
      actorUserId: actor.userId ?? null,
      action: 'attendance.reopen',
      entityType: 'AttendanceSession',
      entityId: session.id,
      details: { closedAt: closedAt.toISOString(), trainerName: session.trainerName },
    })
  })
}

/** The stored trainer signature, read back. */
export function trainerSignatureOf(stored: string | null): { method: SignatureMethod; data: string } | null {
  if (!stored) return null
  try {
    const parsed = JSON.parse(stored) as { method?: unknown; data?: unknown }
    if ((parsed.method === 'drawn' || parsed.method === 'typed') && typeof parsed.data === 'string')
      return { method: parsed.method, data: parsed.data }
  } catch {
    // An unreadable value shows as "not signed" rather than breaking the sheet.
  }
  return null
}

/**
 * For a trainee's personal link: the sessions of today (in the event's zone) and any open now,
 * each with whether they may sign it and whether they already did.
 */
export async function sessionsForTrainee(
  registration: { id: string; eventId: string; status: string },
  timeZone: string,
  now = new Date(),
) {
  if (registration.status !== 'confirmed') return []
  const sessions = await prisma.attendanceSession.findMany({
    where: { eventId: registration.eventId },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    include: { signatures: { where: { registrationId: registration.id }, select: { signedAt: true, method: true } } },
  })
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
  const dayOf = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)
  return sessions
    .filter((s) => isOpenForSigning(s, now) || dayOf(s.startsAt) === today)
    .map(({ signatures, ...s }) => ({
      id: s.id,
      label: s.label,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      closed: s.closedAt !== null,
      open: isOpenForSigning(s, now),
      signedAt: signatures[0]?.signedAt ?? null,
      method: signatures[0]?.method ?? null,
    }))
}

/** Every session of an event with each signed line, for the API (organisation-scoped). */
export async function sheetsForApi(organisationId: string, eventId: string) {
  return prisma.attendanceSession.findMany({
    where: { eventId, event: { organisationId } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    include: {
      signatures: {
        orderBy: [{ signedAt: 'asc' }, { id: 'asc' }],
        include: { registration: { select: { id: true, firstName: true, lastName: true, email: true, organisationName: true } } },
      },
    },
  })
}
