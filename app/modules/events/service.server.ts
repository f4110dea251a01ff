// Events as organisers manage them: creation, edits, publication, cancellation, archiving, the
// programme (time slots and workshops) and the registration questions.
// Every function takes the organisation id and only touches that organisation's events: an
// event of another organisation is "not found" (404), so ids and slugs reveal nothing.
// Seats and registrations belong to the registrations module: capacity changes, cancelling and
// notifying registrants go through the `EventRegistrations` this module is handed (wired in
// app/composition/events.server.ts), so events imports nothing above it.
import type { z } from 'zod'
import { prisma, type Prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import type { Event } from '#app/generated/sqlite/client.ts'
import { AppError, conflictError as conflict, invalidInputError, isUniqueViolation, notFoundError } from '#app/utils/errors.ts'
import type { MessageKey } from '#app/utils/i18n.ts'
import { seatsLeft } from './availability.ts'
import { invalidatePublicEvent } from './public.server.ts'
import {
  eventInputSchema,
  eventPatchSchema,
  eventRuleErrors,
  questionInputSchema,
  slotInputSchema,
  workshopInputSchema,
  type EventInput,
  type EventPatch,
  type EventPatchValues,
  type QuestionInput,
  type SlotInput,
  type WorkshopInput,
} from './schema.ts'
import { moveItem } from '#app/utils/reorder.ts'
import { parseInput } from '#app/utils/validation.ts'
import { randomSuffix, slugify } from '#app/shared/slug.ts'
import { parseQuestionOptions } from '#app/shared/questions.ts'

const TX = { maxWait: 30_000, timeout: 30_000 }

/**
 * Runs a change in one transaction, then drops the public pages' few-seconds copies in this
 * process so the organiser sees the change at once on /e/<slug> (other instances catch up when
 * their copies expire).
 */
async function changeEvent<T>(work: (tx: Prisma.TransactionClient) => Promise<T>, options = TX): Promise<T> {
  const result = await prisma.$transaction(work, options)
  invalidatePublicEvent()
  return result
}

export type Actor = { actorUserId?: string | null; request?: Request }

/** Attendee-relevant changes, as `notifyEventChange` and the event-updated email know them. */
export type EventChange = 'date' | 'venue' | 'online'

/** What changing an event asks of the registrations held on it (registrations implements it). */
export type EventRegistrations = {
  /** How many registrants an update could tell (every registration not cancelled). */
  countToNotify(eventId: string): Promise<number>
  /** Sets the capacity in its own transaction (refused below the seats taken); returns the waiting-list offers made. */
  setCapacity(eventId: string, capacity: number | null, actor: { actorUserId?: string; request?: Request }): Promise<number>
  /** Emails the registrants about the change, in the change's transaction; returns how many. */
  notifyChange(tx: Tx, event: Event, changes: EventChange[], message: string | null): Promise<number>
  /** Cancels every registration of the event being cancelled, in its transaction; returns how many. */
  cancelAll(tx: Tx, event: Event, message: string | null): Promise<number>
}

/** Statuses in which organisers may still change the event, its programme and its questions. */
export const EDITABLE_STATUSES: readonly string[] = ['draft', 'published']

export function isEditable(status: string) {
  return EDITABLE_STATUSES.includes(status)
}

// ---- Errors ----------------------------------------------------------------------------------

const invalid = (fields: Record<string, string[]>) => invalidInputError('events.error.invalid', fields)
const parseOrThrow = <S extends z.ZodType>(schema: S, input: unknown) => parseInput(schema, input, 'events.error.invalid')

// ---- Slugs -----------------------------------------------------------------------------------

async function availableSlug(tx: Tx, title: string) {
  const base = slugify(title)
  if (!(await tx.event.findUnique({ where: { slug: base }, select: { id: true } }))) return base
  for (;;) {
    const candidate = `${base}-${randomSuffix()}`
    if (!(await tx.event.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate
  }
}

// ---- Reading ---------------------------------------------------------------------------------

async function findOwnedEvent(db: Tx, organisationId: string, idOrSlug: string) {
  if (!organisationId || !idOrSlug) throw notFoundError()
  const event = await db.event.findFirst({ where: { organisationId, OR: [{ id: idOrSlug }, { slug: idOrSlug }] } })
  if (!event) throw notFoundError()
  return event
}

export type RegistrationCounts = {
  confirmed: number
  waitlisted: number
  offered: number
  cancelled: number
  checkedIn: number
  /** Paid tickets waiting for their payment (they hold a seat). */ pending_payment: number
}

async function countsFor(eventIds: string[]): Promise<Map<string, RegistrationCounts>> {
  const counts = new Map<string, RegistrationCounts>()
  for (const id of eventIds) counts.set(id, { confirmed: 0, waitlisted: 0, offered: 0, cancelled: 0, checkedIn: 0, pending_payment: 0 })
  if (eventIds.length === 0) return counts
  const groups = await prisma.registration.groupBy({
    by: ['eventId', 'status'],
    where: { eventId: { in: eventIds } },
    _count: { _all: true },
  })
  for (const g of groups) {
    const c = counts.get(g.eventId)!
    if (g.status in c) c[g.status as keyof RegistrationCounts] += g._count._all
  }
  const checkedIn = await prisma.registration.groupBy({
    by: ['eventId'],
    where: { eventId: { in: eventIds }, checkedInAt: { not: null } },
    _count: { _all: true },
  })
  for (const g of checkedIn) counts.get(g.eventId)!.checkedIn = g._count._all
  return counts
}

export type ArchivedFilter = 'exclude' | 'only' | 'include'

/** The organisation's events with their counts: upcoming first (soonest first), then past ones (latest first). */
export async function listOrganisationEvents(organisationId: string, opts: { archived?: ArchivedFilter; now?: Date } = {}) {
  const archived = opts.archived ?? 'exclude'
  const now = opts.now ?? new Date()
  const status = archived === 'only' ? { equals: 'archived' } : archived === 'exclude' ? { not: 'archived' } : undefined
  const events = await prisma.event.findMany({
    where: { organisationId, ...(status ? { status } : {}) },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      slug: true,
      title: true,
      kind: true,
      status: true,
      visibility: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      town: true,
      onlineUrl: true,
      capacity: true,
      seatsTaken: true,
      waitlistEnabled: true,
    },
  })
  const counts = await countsFor(events.map((e) => e.id))
  const rows = events.map((e) => ({
    ...e,
    counts: counts.get(e.id)!,
    seatsLeft: seatsLeft(e.capacity, e.seatsTaken),
    past: e.endsAt.getTime() < now.getTime(),
  }))
  return [...rows.filter((r) => !r.past), ...rows.filter((r) => r.past).reverse()]
}

export type OrganiserEventListItem = Awaited<ReturnType<typeof listOrganisationEvents>>[number]

/** One event of the organisation, by id or slug, with its programme, questions and counts; 404 otherwise. */
export async function getEventForOrganiser(organisationId: string, idOrSlug: string) {
  const owned = await findOwnedEvent(prisma, organisationId, idOrSlug)
  const event = await prisma.event.findUniqueOrThrow({
    where: { id: owned.id },
    include: {
      slots: { orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], include: { workshops: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } } },
      questions: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
    },
  })
  const counts = (await countsFor([event.id])).get(event.id)!
  return {
    ...event,
    questions: event.questions.map((q) => ({ ...q, options: parseQuestionOptions(q.options) })),
    counts,
    seatsLeft: seatsLeft(event.capacity, event.seatsTaken),
    editable: isEditable(event.status),
  }
}

export type OrganiserEvent = Awaited<ReturnType<typeof getEventForOrganiser>>

// ---- Creating and editing --------------------------------------------------------------------

type EventData = {
  title?: string
  kind?: string
  description?: string
  startsAt?: Date
  endsAt?: Date
  timeZone?: string
  venueName?: string | null
  address?: string | null
  town?: string | null
  departement?: string | null
  onlineUrl?: string | null
  capacity?: number | null
  waitlistEnabled?: boolean
  requiresApplication?: boolean
  offerHours?: number
  registrationOpensAt?: Date | null
  registrationClosesAt?: Date | null
  visibility?: string
  reminderDaysBefore?: number
  contactEmail?: string | null
}

/** Only the fields present in `v`, with the column names. */
function eventDataOf(v: EventPatchValues): EventData {
  const data: EventData = {}
  const keys = [
    'title',
    'kind',
    'description',
    'startsAt',
    'endsAt',
    'timeZone',
    'venueName',
    'address',
    'town',
    'departement',
    'onlineUrl',
    'capacity',
    'offerHours',
    'registrationOpensAt',
    'registrationClosesAt',
    'visibility',
    'reminderDaysBefore',
    'contactEmail',
  ] as const
  for (const k of keys) {
    if (v[k] !== undefined) (data as Record<string, unknown>)[k] = v[k]
  }
  if (v.waitlist !== undefined) data.waitlistEnabled = v.waitlist
  if (v.requiresApplication !== undefined) data.requiresApplication = v.requiresApplication
  return data
}

/**
 * Creates an event of the organisation, as a draft unless `published` is true. The slug comes
 * from the title (ASCII); when taken, a short random suffix is added. Throws AppError 422 with
 * per-field message keys when the input is invalid.
 */
export async function createEvent(organisationId: string, input: EventInput, actor: Actor = {}) {
  const v = parseOrThrow(eventInputSchema, input)
  const data = eventDataOf(v)
  for (let attempt = 0; ; attempt++) {
    try {
      return await changeEvent(async (tx) => {
        const organisation = await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true } })
        if (!organisation) throw notFoundError()
        const slug = attempt === 0 ? await availableSlug(tx, v.title) : `${slugify(v.title)}-${randomSuffix()}`
        const event = await tx.event.create({
          data: {
            ...data,
            title: v.title,
            kind: v.kind,
            startsAt: v.startsAt,
            endsAt: v.endsAt,
            description: v.description ?? '',
            capacity: v.capacity ?? null,
            organisationId,
            slug,
            status: v.published ? 'published' : 'draft',
          },
        })
        await audit(tx, {
          organisationId,
          actorUserId: actor.actorUserId,
          action: 'event.create',
          entityType: 'Event',
          entityId: event.id,
          details: {
            slug,
            title: event.title,
            kind: event.kind,
            status: event.status,
            startsAt: event.startsAt.toISOString(),
            capacity: event.capacity,
          },
        })
        return event
      }, TX)
    } catch (error) {
      // Two organisers creating the same title at once: the loser takes a suffixed slug.
      if (isUniqueViolation(error) && attempt < 5) continue
      throw error
    }
  }
}

type ComparableEvent = {
  startsAt: Date
  endsAt: Date
  venueName: string | null
  address: string | null
  town: string | null
  onlineUrl: string | null
}

/** Which changes of `patch` matter to attendees: the date or times, the place, the online link. */
export function attendeeRelevantChanges(current: ComparableEvent, patch: EventPatchValues): EventChange[] {
  const changes: EventChange[] = []
  const differs = (next: Date | undefined, was: Date) => next !== undefined && next.getTime() !== was.getTime()
  if (differs(patch.startsAt, current.startsAt) || differs(patch.endsAt, current.endsAt)) changes.push('date')
  const venueKeys = ['venueName', 'address', 'town'] as const
  if (venueKeys.some((k) => patch[k] !== undefined && (patch[k] ?? null) !== (current[k] ?? null))) changes.push('venue')
  if (patch.onlineUrl !== undefined && (patch.onlineUrl ?? null) !== (current.onlineUrl ?? null)) changes.push('online')
  return changes
}

function changedFields(current: Record<string, unknown>, data: EventData) {
  const out: Record<string, { from: unknown; to: unknown }> = {}
  for (const [k, to] of Object.entries(data)) {
    const from = current[k]
    const same = from instanceof Date && to instanceof Date ? from.getTime() === to.getTime() : (from ?? null) === (to ?? null)
    // Descriptions can be long: record that they changed, not their text.
    if (!same)
      out[k] =
        k === 'description'
          ? { from: '…', to: '…' }
          : { from: from instanceof Date ? from.toISOString() : from, to: to instanceof Date ? to.toISOString() : to }
  }
  return out
}

function assertEditable(event: { status: string }) {
  if (!isEditable(event.status)) throw conflict('event_read_only', 'events.error.readOnly', { status: event.status })
}

/** Registrants who would hear about a change (confirmed, pending payment, offered, waitlisted). */
/**
 * What an update would change for attendees, and how many registrants could be told: the edit
 * form asks the organiser whether to notify them before saving.
 */
export async function previewEventUpdate(
  organisationId: string,
  eventId: string,
  patch: EventPatch,
  registrations: Pick<EventRegistrations, 'countToNotify'>,
) {
  const v = parseOrThrow(eventPatchSchema, patch)
  const current = await findOwnedEvent(prisma, organisationId, eventId)
  return { changes: attendeeRelevantChanges(current, v), registrants: await registrations.countToNotify(current.id) }
}

/**
 * Changes an event (any subset of its fields). A capacity change goes through `setEventCapacity`
 * first (it refuses to drop below the seats taken, and raising it offers seats to the waiting
 * list). When `notify` is set and the date, place or online link changed, every registrant gets
 * the event-updated email, written in the same transaction as the change.
 */
export async function updateEvent(
  organisationId: string,
  eventId: string,
  patch: EventPatch,
  opts: Actor & { notify?: boolean; message?: string | null },
  registrations: EventRegistrations,
) {
  const v = parseOrThrow(eventPatchSchema, patch)
  const current = await findOwnedEvent(prisma, organisationId, eventId)
  assertEditable(current)
  const ruleErrors = eventRuleErrors({
    startsAt: v.startsAt ?? current.startsAt,
    endsAt: v.endsAt ?? current.endsAt,
    registrationOpensAt: v.registrationOpensAt !== undefined ? v.registrationOpensAt : current.registrationOpensAt,
    registrationClosesAt: v.registrationClosesAt !== undefined ? v.registrationClosesAt : current.registrationClosesAt,
  })
  if (Object.keys(ruleErrors).length > 0) throw invalid(ruleErrors)

  const changes = attendeeRelevantChanges(current, v)
  const { capacity, ...data } = eventDataOf(v)
  const capacityChanged = capacity !== undefined && capacity !== current.capacity
  const offered = capacityChanged
    ? await registrations.setCapacity(current.id, capacity, { actorUserId: opts.actorUserId ?? undefined, request: opts.request })
    : 0

  return changeEvent(async (tx) => {
    const where = { id: current.id, organisationId, status: { in: [...EDITABLE_STATUSES] } }
    // An update with no column to set counts no row on SQLite: only check the status then.
    const count = Object.keys(data).length > 0 ? (await tx.event.updateMany({ where, data })).count : await tx.event.count({ where })
    if (count !== 1) throw conflict('event_read_only', 'events.error.readOnly')
    const event = await tx.event.findUniqueOrThrow({ where: { id: current.id } })
    const message = opts.message?.trim().slice(0, 2_000) || null
    const notified = opts.notify && changes.length > 0 ? await registrations.notifyChange(tx, event, changes, message) : 0
    const fields = changedFields(current, capacityChanged ? { ...data, capacity } : data)
    // A form saved without any change leaves no entry.
    if (Object.keys(fields).length === 0) return { event, changes, notified, waitlistOffers: offered }
    await audit(tx, {
      organisationId,
      actorUserId: opts.actorUserId,
      action: 'event.update',
      entityType: 'Event',
      entityId: event.id,
      details: { fields, changes, notified, ...(notified ? { message } : {}), waitlistOffers: offered },
    })
    return { event, changes, notified, waitlistOffers: offered }
  }, TX)
}

export async function publishEvent(organisationId: string, eventId: string, actor: Actor = {}) {
  const current = await findOwnedEvent(prisma, organisationId, eventId)
  return changeEvent(async (tx) => {
    const { count } = await tx.event.updateMany({
      where: { id: current.id, organisationId, status: 'draft' },
      data: { status: 'published' },
    })
    if (count !== 1) throw conflict('event_not_draft', 'events.error.notDraft')
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'event.publish',
      entityType: 'Event',
      entityId: current.id,
      details: { from: 'draft' },
    })
    return tx.event.findUniqueOrThrow({ where: { id: current.id } })
  }, TX)
}

/**
 * Cancels the event: status "cancelled", every active registration cancelled and its holder
 * emailed (with the organiser's message), all in one transaction. Returns how many were told.
 */
export async function cancelEvent(
  organisationId: string,
  eventId: string,
  message: string | null,
  actor: Actor,
  registrations: EventRegistrations,
) {
  const current = await findOwnedEvent(prisma, organisationId, eventId)
  const text = message?.trim().slice(0, 2_000) || null
  return changeEvent(async (tx) => {
    const { count } = await tx.event.updateMany({
      where: { id: current.id, organisationId, status: { in: [...EDITABLE_STATUSES] } },
      data: { status: 'cancelled' },
    })
    if (count !== 1) throw conflict('event_not_cancellable', 'events.error.notCancellable')
    const event = await tx.event.findUniqueOrThrow({ where: { id: current.id } })
    const registrationsCancelled = await registrations.cancelAll(tx, event, text)
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'event.cancel',
      entityType: 'Event',
      entityId: event.id,
      details: { from: current.status, registrationsCancelled, message: text },
    })
    return { event, registrationsCancelled }
  }, TX)
}

/**
 * Archives the event: it leaves every public list and becomes read-only for organisers (its
 * registrations stay for the record). Drafts, cancelled events and events that have ended can be
 * archived; an upcoming published event must be cancelled first, so no registrant is left unaware.
 */
export async function archiveEvent(organisationId: string, eventId: string, actor: Actor & { now?: Date } = {}) {
  const now = actor.now ?? new Date()
  const current = await findOwnedEvent(prisma, organisationId, eventId)
  if (current.status === 'archived') throw conflict('event_archived', 'events.error.alreadyArchived')
  if (current.status === 'published' && current.endsAt.getTime() > now.getTime())
    throw conflict('event_upcoming', 'events.error.archiveUpcoming')
  return changeEvent(async (tx) => {
    const { count } = await tx.event.updateMany({
      where: { id: current.id, organisationId, status: current.status },
      data: { status: 'archived' },
    })
    if (count !== 1) throw conflict('event_changed', 'events.error.changedMeanwhile')
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'event.archive',
      entityType: 'Event',
      entityId: current.id,
      details: { from: current.status },
    })
    return tx.event.findUniqueOrThrow({ where: { id: current.id } })
  }, TX)
}

/** Why an action is not available now (for buttons), or null. */
export function lifecycleBlock(
  event: { status: string; endsAt: Date },
  action: 'publish' | 'cancel' | 'archive' | 'edit',
  now = new Date(),
): MessageKey | null {
  switch (action) {
    case 'publish':
      return event.status === 'draft' ? null : 'events.error.notDraft'
    case 'cancel':
      return isEditable(event.status) ? null : 'events.error.notCancellable'
    case 'edit':
      return isEditable(event.status) ? null : 'events.error.readOnly'
    case 'archive':
      if (event.status === 'archived') return 'events.error.alreadyArchived'
      return event.status === 'published' && event.endsAt.getTime() > now.getTime() ? 'events.error.archiveUpcoming' : null
  }
}

// ---- Programme: time slots -----------------------------------------------------------------

async function editableEvent(tx: Tx, organisationId: string, eventId: string) {
  const event = await findOwnedEvent(tx, organisationId, eventId)
  assertEditable(event)
  return event
}

function slotWithinEvent(event: { startsAt: Date; endsAt: Date }, slot: { startsAt: Date; endsAt: Date }) {
  const errors: Record<string, string[]> = {}
  if (slot.startsAt < event.startsAt || slot.startsAt >= event.endsAt) errors.startsAt = ['events.error.slotOutsideEvent']
  if (slot.endsAt > event.endsAt) errors.endsAt = ['events.error.slotOutsideEvent']
  return errors
}

export async function createSlot(organisationId: string, eventId: string, input: SlotInput, actor: Actor = {}) {
  const v = parseOrThrow(slotInputSchema, input)
  return changeEvent(async (tx) => {
    const event = await editableEvent(tx, organisationId, eventId)
    const outside = slotWithinEvent(event, v)
    if (Object.keys(outside).length) throw invalid(outside)
    const slot = await tx.timeSlot.create({ data: { eventId: event.id, label: v.label, startsAt: v.startsAt, endsAt: v.endsAt } })
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'timeSlot.create',
      entityType: 'TimeSlot',
      entityId: slot.id,
      details: { eventId: event.id, label: slot.label, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() },
    })
    return slot
  }, TX)
}

async function ownedSlot(tx: Tx, eventId: string, slotId: string) {
  const slot = await tx.timeSlot.findFirst({ where: { id: slotId, eventId } })
  if (!slot) throw notFoundError()
  return slot
}

export async function updateSlot(organisationId: string, eventId: string, slotId: string, input: SlotInput, actor: Actor = {}) {
  const v = parseOrThrow(slotInputSchema, input)
  return changeEvent(async (tx) => {
    const event = await editableEvent(tx, organisationId, eventId)
    const before = await ownedSlot(tx, event.id, slotId)
    const outside = slotWithinEvent(event, v)
    if (Object.keys(outside).length) throw invalid(outside)
    const slot = await tx.timeSlot.update({ where: { id: before.id }, data: { label: v.label, startsAt: v.startsAt, endsAt: v.endsAt } })
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'timeSlot.update',
      entityType: 'TimeSlot',
      entityId: slot.id,
      details: {
        eventId: event.id,
        from: { label: before.label, startsAt: before.startsAt.toISOString(), endsAt: before.endsAt.toISOString() },
        to: { label: slot.label, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() },
      },
    })
    return slot
  }, TX)
}

/** Deletes a slot and its workshops; refused while attendees hold a seat in one of them. */
export async function deleteSlot(organisationId: string, eventId: string, slotId: string, actor: Actor = {}) {
  return changeEvent(async (tx) => {
    const event = await editableEvent(tx, organisationId, eventId)
    const slot = await ownedSlot(tx, event.id, slotId)
    const attendees = await tx.registrationWorkshop.count({ where: { slotId: slot.id } })
    if (attendees > 0) throw conflict('slot_has_attendees', 'events.error.slotHasAttendees', { count: attendees })
    await tx.timeSlot.delete({ where: { id: slot.id } })
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'timeSlot.delete',
      entityType: 'TimeSlot',
      entityId: slot.id,
      details: { eventId: event.id, label: slot.label },
    })
  }, TX)
}

// ---- Programme: workshops ------------------------------------------------------------------

async function ownedWorkshop(tx: Tx, eventId: string, workshopId: string) {
  const workshop = await tx.workshop.findFirst({ where: { id: workshopId, eventId } })
  if (!workshop) throw notFoundError()
  return workshop
}

export async function createWorkshop(organisationId: string, eventId: string, input: WorkshopInput, actor: Actor = {}) {
  const v = parseOrThrow(workshopInputSchema, input)
  return changeEvent(async (tx) => {
    const event = await editableEvent(tx, organisationId, eventId)
    const slot = await tx.timeSlot.findFirst({ where: { id: v.slotId, eventId: event.id } })
    if (!slot) throw invalid({ slotId: ['events.error.slotRequired'] })
    const last = await tx.workshop.findFirst({ where: { slotId: slot.id }, orderBy: { position: 'desc' }, select: { position: true } })
    const workshop = await tx.workshop.create({
      data: {
        eventId: event.id,
        slotId: slot.id,
        title: v.title,
        description: v.description ?? '',
        room: v.room ?? null,
        capacity: v.capacity ?? null,
        position: (last?.position ?? -1) + 1,
      },
    })
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'workshop.create',
      entityType: 'Workshop',
      entityId: workshop.id,
      details: { eventId: event.id, slotId: slot.id, title: workshop.title, capacity: workshop.capacity },
    })
    return workshop
  }, TX)
}

/**
 * Changes a workshop. Its capacity can't go below the seats already taken (checked by the
 * database in the update itself, so a registration arriving meanwhile is counted), and it can
 * only move to another slot while nobody has chosen it.
 */
export async function updateWorkshop(organisationId: string, eventId: string, workshopId: string, input: WorkshopInput, actor: Actor = {}) {
  const v = parseOrThrow(workshopInputSchema, input)
  return changeEvent(async (tx) => {
    const event = await editableEvent(tx, organisationId, eventId)
    const before = await ownedWorkshop(tx, event.id, workshopId)
    if (v.slotId !== before.slotId) {
      const slot = await tx.timeSlot.findFirst({ where: { id: v.slotId, eventId: event.id } })
      if (!slot) throw invalid({ slotId: ['events.error.slotRequired'] })
      const attendees = await tx.registrationWorkshop.count({ where: { workshopId: before.id } })
      if (attendees > 0)
        throw conflict(
          'workshop_has_attendees',
          'events.error.workshopMoveWithAttendees',
          { count: attendees },
          { slotId: ['events.error.workshopMoveWithAttendees'] },
        )
    }
    const capacity = v.capacity ?? null
    const { count } = await tx.workshop.updateMany({
      where: { id: before.id, ...(capacity === null ? {} : { seatsTaken: { lte: capacity } }) },
      data: { slotId: v.slotId, title: v.title, description: v.description ?? '', room: v.room ?? null, capacity },
    })
    if (count !== 1) {
      const { seatsTaken } = await tx.workshop.findUniqueOrThrow({ where: { id: before.id }, select: { seatsTaken: true } })
      throw new AppError({
        status: 422,
        code: 'capacity_below_taken',
        messageKey: 'events.error.workshopCapacityBelowTaken',
        params: { taken: seatsTaken },
        fields: { capacity: ['events.error.workshopCapacityBelowTaken'] },
      })
    }
    const workshop = await tx.workshop.findUniqueOrThrow({ where: { id: before.id } })
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'workshop.update',
      entityType: 'Workshop',
      entityId: workshop.id,
      details: {
        eventId: event.id,
        from: { slotId: before.slotId, title: before.title, room: before.room, capacity: before.capacity },
        to: { slotId: workshop.slotId, title: workshop.title, room: workshop.room, capacity: workshop.capacity },
      },
    })
    return workshop
  }, TX)
}

/** Deletes a workshop; refused while attendees hold a seat in it. */
export async function deleteWorkshop(organisationId: string, eventId: string, workshopId: string, actor: Actor = {}) {
  return changeEvent(async (tx) => {
    const event = await editableEvent(tx, organisationId, eventId)
    const workshop = await ownedWorkshop(tx, event.id, workshopId)
    const attendees = await tx.registrationWorkshop.count({ where: { workshopId: workshop.id } })
    if (attendees > 0 || workshop.seatsTaken > 0) {
      throw conflict('workshop_has_attendees', 'events.error.workshopHasAttendees', { count: Math.max(attendees, workshop.seatsTaken) })
    }
    await tx.workshop.delete({ where: { id: workshop.id } })
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'workshop.delete',
      entityType: 'Workshop',
      entityId: workshop.id,
      details: { eventId: event.id, title: workshop.title },
    })
  }, TX)
}

export async function moveWorkshop(
  organisationId: string,
  eventId: string,
  workshopId: string,
  direction: 'up' | 'down',
  actor: Actor = {},
) {
  return changeEvent(async (tx) => {
    const event = await editableEvent(tx, organisationId, eventId)
    const workshop = await ownedWorkshop(tx, event.id, workshopId)
    const siblings = await tx.workshop.findMany({
      where: { slotId: workshop.slotId },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: { id: true },
    })
    const moved = await moveItem(siblings, workshop.id, direction, (id, position) =>
      tx.workshop.update({ where: { id }, data: { position } }),
    )
    if (moved)
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'workshop.move',
        entityType: 'Workshop',
        entityId: workshop.id,
        details: { eventId: event.id, direction },
      })
    return moved
  }, TX)
}

// ---- Registration questions ------------------------------------------------------------------

async function ownedQuestion(tx: Tx, eventId: string, questionId: string) {
  const question = await tx.eventQuestion.findFirst({ where: { id: questionId, eventId } })
  if (!question) throw notFoundError()
  return question
}

export async function createQuestion(organisationId: string, eventId: string, input: QuestionInput, actor: Actor = {}) {
  const v = parseOrThrow(questionInputSchema, input)
  return changeEvent(async (tx) => {
    const event = await editableEvent(tx, organisationId, eventId)
    const last = await tx.eventQuestion.findFirst({
      where: { eventId: event.id },
      orderBy: { position: 'desc' },
      select: { position: true },
    })
    const question = await tx.eventQuestion.create({
      data: {
        eventId: event.id,
        label: v.label,
        help: v.help ?? null,
        type: v.type,
        required: v.required,
        options: JSON.stringify(v.options),
        position: (last?.position ?? -1) + 1,
      },
    })
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'eventQuestion.create',
      entityType: 'EventQuestion',
      entityId: question.id,
      details: { eventId: event.id, label: v.label, type: v.type, required: v.required, options: v.options },
    })
    return question
  }, TX)
}

/** Answers already given stay as they were: they are kept by question id in each registration. */
export async function updateQuestion(organisationId: string, eventId: string, questionId: string, input: QuestionInput, actor: Actor = {}) {
  const v = parseOrThrow(questionInputSchema, input)
  return changeEvent(async (tx) => {
    const event = await editableEvent(tx, organisationId, eventId)
    const before = await ownedQuestion(tx, event.id, questionId)
    const question = await tx.eventQuestion.update({
      where: { id: before.id },
      data: { label: v.label, help: v.help ?? null, type: v.type, required: v.required, options: JSON.stringify(v.options) },
    })
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'eventQuestion.update',
      entityType: 'EventQuestion',
      entityId: question.id,
      details: {
        eventId: event.id,
        from: { label: before.label, type: before.type, required: before.required, options: parseQuestionOptions(before.options) },
        to: { label: v.label, type: v.type, required: v.required, options: v.options },
      },
    })
    return question
  }, TX)
}

export async function deleteQuestion(organisationId: string, eventId: string, questionId: string, actor: Actor = {}) {
  return changeEvent(async (tx) => {
    const event = await editableEvent(tx, organisationId, eventId)
    const question = await ownedQuestion(tx, event.id, questionId)
    await tx.eventQuestion.delete({ where: { id: question.id } })
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'eventQuestion.delete',
      entityType: 'EventQuestion',
      entityId: question.id,
      details: { eventId: event.id, label: question.label },
    })
  }, TX)
}

export async function moveQuestion(
  organisationId: string,
  eventId: string,
  questionId: string,
  direction: 'up' | 'down',
  actor: Actor = {},
) {
  return changeEvent(async (tx) => {
    const event = await editableEvent(tx, organisationId, eventId)
    const question = await ownedQuestion(tx, event.id, questionId)
    const all = await tx.eventQuestion.findMany({
      where: { eventId: event.id },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: { id: true },
    })
    const moved = await moveItem(all, question.id, direction, (id, position) =>
      tx.eventQuestion.update({ where: { id }, data: { position } }),
    )
    if (moved)
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'eventQuestion.move',
        entityType: 'EventQuestion',
        entityId: question.id,
        details: { eventId: event.id, direction },
      })
    return moved
  }, TX)
}
