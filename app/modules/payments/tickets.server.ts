// Ticket types of an event as organisers manage them (create, edit, reorder, archive, delete)
// and the event's payment settings (accepted methods, card hold, refund deadline and fee).
// Every function takes the organisation id: another organisation's event or ticket is "not
// found". A price change never touches existing payments: a Payment keeps its own amount.
// The quota can't go below the tickets already held, checked by the database in the update
// itself (like workshop capacities), so a registration arriving meanwhile is counted.
import type { z } from 'zod'
import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { invalidatePublicEvent } from '#app/modules/events/public.server.ts'
import { AppError, conflictError as conflict, invalidInputError, notFoundError } from '#app/utils/errors.ts'
import { moveItem } from '#app/utils/reorder.ts'
import { parseInput } from '#app/utils/validation.ts'
import { cardPaymentsAvailable } from './stripe.server.ts'
import { paymentSettingsInputSchema, ticketInputSchema, type PaymentSettingsInput, type TicketInput } from './ticket-schema.ts'

const TX = { maxWait: 30_000, timeout: 30_000 }
const EDITABLE_STATUSES = ['draft', 'published']

export type Actor = { actorUserId?: string | null }

const parseOrThrow = <S extends z.ZodType>(schema: S, input: unknown) => parseInput(schema, input, 'paymentsAdmin.error.invalid')

async function change<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await prisma.$transaction(work, TX)
  // The public page lists the tickets: show the change at once in this process.
  invalidatePublicEvent()
  return result
}

async function ownedEvent(db: Tx, organisationId: string, eventId: string) {
  if (!organisationId || !eventId) throw notFoundError()
  const event = await db.event.findFirst({ where: { organisationId, OR: [{ id: eventId }, { slug: eventId }] } })
  if (!event) throw notFoundError()
  return event
}

async function editableEvent(db: Tx, organisationId: string, eventId: string) {
  const event = await ownedEvent(db, organisationId, eventId)
  if (!EDITABLE_STATUSES.includes(event.status)) throw conflict('event_read_only', 'events.error.readOnly', { status: event.status })
  return event
}

async function ownedTicket(db: Tx, eventId: string, ticketTypeId: string) {
  const ticket = await db.ticketType.findFirst({ where: { id: ticketTypeId, eventId } })
  if (!ticket) throw notFoundError()
  return ticket
}

function snapshot(t: {
  kind: string
  name: string
  priceCents: number
  quota: number | null
  salesStartAt: Date | null
  salesEndAt: Date | null
}) {
  return {
    kind: t.kind,
    name: t.name,
    priceCents: t.priceCents,
    quota: t.quota,
    salesStartAt: t.salesStartAt?.toISOString() ?? null,
    salesEndAt: t.salesEndAt?.toISOString() ?? null,
  }
}

// ---- Reading ---------------------------------------------------------------------------------

/**
 * The event's ticket types in order (archived ones last), each with how many registrations hold
 * it (any status: those rows keep the ticket, so it can't be deleted) and how many are paid.
 */
export async function listTicketTypes(organisationId: string, eventId: string) {
  const event = await ownedEvent(prisma, organisationId, eventId)
  const tickets = await prisma.ticketType.findMany({ where: { eventId: event.id }, orderBy: [{ position: 'asc' }, { id: 'asc' }] })
  const held = await prisma.registration.groupBy({
    by: ['ticketTypeId'],
    where: { eventId: event.id, ticketTypeId: { not: null } },
    _count: { _all: true },
  })
  const heldBy = new Map(held.map((h) => [h.ticketTypeId, h._count._all]))
  const rows = tickets.map((t) => ({ ...t, registrations: heldBy.get(t.id) ?? 0 }))
  return [...rows.filter((r) => !r.archivedAt), ...rows.filter((r) => r.archivedAt)]
}

export type OrganiserTicketType = Awaited<ReturnType<typeof listTicketTypes>>[number]

// ---- Creating and editing --------------------------------------------------------------------

export async function createTicketType(organisationId: string, eventId: string, input: TicketInput, actor: Actor = {}) {
  const v = parseOrThrow(ticketInputSchema, input)
  return change(async (tx) => {
    const event = await editableEvent(tx, organisationId, eventId)
    const last = await tx.ticketType.findFirst({ where: { eventId: event.id }, orderBy: { position: 'desc' }, select: { position: true } })
    const ticket = await tx.ticketType.create({ data: { eventId: event.id, ...v, position: (last?.position ?? -1) + 1 } })
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'ticketType.create',
      entityType: 'TicketType',
      entityId: ticket.id,
      details: { eventId: event.id, ...snapshot(ticket) },
    })
    return ticket
  })
}

/**
 * Changes a ticket type. Existing registrations and payments keep what they were sold at; the
 * new price applies to registrations from now on. The quota can't go below the tickets held.
 */
export async function updateTicketType(
  organisationId: string,
  eventId: string,
  ticketTypeId: string,
  input: TicketInput,
  actor: Actor = {},
) {
  const v = parseOrThrow(ticketInputSchema, input)
  return change(async (tx) => {
    const event = await editableEvent(tx, organisationId, eventId)
    const before = await ownedTicket(tx, event.id, ticketTypeId)
    const { count } = await tx.ticketType.updateMany({
      where: { id: before.id, ...(v.quota === null ? {} : { sold: { lte: v.quota } }) },
      data: v,
    })
    if (count !== 1) {
      const { sold } = await tx.ticketType.findUniqueOrThrow({ where: { id: before.id }, select: { sold: true } })
      throw new AppError({
        status: 422,
        code: 'quota_below_sold',
        messageKey: 'paymentsAdmin.error.quotaBelowSold',
        params: { sold },
        fields: { quota: ['paymentsAdmin.error.quotaBelowSold'] },
      })
    }
    const ticket = await tx.ticketType.findUniqueOrThrow({ where: { id: before.id } })
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'ticketType.update',
      entityType: 'TicketType',
      entityId: ticket.id,
      details: { eventId: event.id, from: snapshot(before), to: snapshot(ticket) },
    })
    return ticket
  })
}

/** Archived tickets are no longer offered; registrations that hold one keep it. Restoring offers it again. */
export async function setTicketTypeArchived(
  organisationId: string,
  eventId: string,
  ticketTypeId: string,
  archived: boolean,
  actor: Actor = {},
  now = new Date(),
) {
  return change(async (tx) => {
    const event = await editableEvent(tx, organisationId, eventId)
    const ticket = await ownedTicket(tx, event.id, ticketTypeId)
    if (Boolean(ticket.archivedAt) === archived) return ticket
    const updated = await tx.ticketType.update({ where: { id: ticket.id }, data: { archivedAt: archived ? now : null } })
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: archived ? 'ticketType.archive' : 'ticketType.restore',
      entityType: 'TicketType',
      entityId: ticket.id,
      details: { eventId: event.id, name: ticket.name },
    })
    return updated
  })
}

/**
 * Deletes a ticket type nobody ever registered with. Once a registration holds it (even a
 * cancelled one, which its payment history refers to) it can only be archived. The foreign key
 * (onDelete: Restrict) also stops a registration committed in between.
 */
export async function deleteTicketType(organisationId: string, eventId: string, ticketTypeId: string, actor: Actor = {}) {
  return change(async (tx) => {
    const event = await editableEvent(tx, organisationId, eventId)
    const ticket = await ownedTicket(tx, event.id, ticketTypeId)
    const held = await tx.registration.count({ where: { ticketTypeId: ticket.id } })
    if (held > 0 || ticket.sold > 0)
      throw conflict('ticket_has_registrations', 'paymentsAdmin.error.ticketHeld', { count: Math.max(held, ticket.sold) })
    await tx.ticketType.delete({ where: { id: ticket.id } })
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'ticketType.delete',
      entityType: 'TicketType',
      entityId: ticket.id,
      details: { eventId: event.id, name: ticket.name },
    })
  }).catch((error: unknown) => {
    // P2003: a registration took the ticket between our count and the delete.
    if ((error as { code?: string }).code === 'P2003')
      throw conflict('ticket_has_registrations', 'paymentsAdmin.error.ticketHeld', { count: 1 })
    throw error
  })
}

export async function moveTicketType(
  organisationId: string,
  eventId: string,
  ticketTypeId: string,
  direction: 'up' | 'down',
  actor: Actor = {},
) {
  return change(async (tx) => {
    const event = await editableEvent(tx, organisationId, eventId)
    const ticket = await ownedTicket(tx, event.id, ticketTypeId)
    const all = await tx.ticketType.findMany({
      where: { eventId: event.id },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: { id: true },
    })
    const moved = await moveItem(all, ticket.id, direction, (id, position) => tx.ticketType.update({ where: { id }, data: { position } }))
    if (moved)
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'ticketType.move',
        entityType: 'TicketType',
        entityId: ticket.id,
        details: { eventId: event.id, direction },
      })
    return moved
  })
}

// ---- Payment settings ------------------------------------------------------------------------

export async function getPaymentSettings(organisationId: string, eventId: string) {
  const event = await ownedEvent(prisma, organisationId, eventId)
  return {
    acceptsCard: event.acceptsCard,
    acceptsTransfer: event.acceptsTransfer,
    acceptsPurchaseOrder: event.acceptsPurchaseOrder,
    paymentHoldMinutes: event.paymentHoldMinutes,
    refundDeadline: event.refundDeadline,
    refundFeeCents: event.refundFeeCents,
  }
}

/**
 * Sets the methods the event accepts, the card hold, the refund deadline and fee. Applies to new
 * registrations and cancellations from now on; running holds keep their end time.
 */
export async function updatePaymentSettings(organisationId: string, eventId: string, input: PaymentSettingsInput, actor: Actor = {}) {
  const v = parseOrThrow(paymentSettingsInputSchema, input)
  // Card alone on a server without Stripe keys would leave paid tickets with no way to pay.
  if (v.acceptsCard && !v.acceptsTransfer && !v.acceptsPurchaseOrder && !cardPaymentsAvailable()) {
    throw invalidInputError('paymentsAdmin.error.onlyUnavailableCard', { methods: ['paymentsAdmin.error.onlyUnavailableCard'] })
  }
  return change(async (tx) => {
    const event = await editableEvent(tx, organisationId, eventId)
    const before = {
      acceptsCard: event.acceptsCard,
      acceptsTransfer: event.acceptsTransfer,
      acceptsPurchaseOrder: event.acceptsPurchaseOrder,
      paymentHoldMinutes: event.paymentHoldMinutes,
      refundDeadline: event.refundDeadline?.toISOString() ?? null,
      refundFeeCents: event.refundFeeCents,
    }
    const updated = await tx.event.update({ where: { id: event.id }, data: v })
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'event.paymentSettings',
      entityType: 'Event',
      entityId: event.id,
      details: { from: before, to: { ...v, refundDeadline: v.refundDeadline?.toISOString() ?? null } },
    })
    return updated
  })
}
