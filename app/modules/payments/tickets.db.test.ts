import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { makeEvent, makeMember, makeOrganisation } from '#tests/support/factories.ts'
import {
  createTicketType,
  deleteTicketType,
  getPaymentSettings,
  listTicketTypes,
  moveTicketType,
  setTicketTypeArchived,
  updatePaymentSettings,
  updateTicketType,
} from './tickets.server.ts'

let org: { id: string }
let other: { id: string }
let organiser: { id: string }

beforeAll(async () => {
  org = await makeOrganisation()
  other = await makeOrganisation()
  organiser = await makeMember(org.id, 'organiser')
})

const actor = () => ({ actorUserId: organiser.id })
const full = { kind: 'paid', name: 'Plein tarif', priceCents: 4500 } as const

async function errorOf(p: Promise<unknown>) {
  const e = await p.catch((error: unknown) => error)
  expect(e).toBeInstanceOf(AppError)
  return e as AppError
}

/** A registration row holding the ticket, as pay-core's register() will write it. */
async function holdTicket(eventId: string, ticketTypeId: string, status = 'confirmed') {
  const id = randomBytes(6).toString('hex')
  await prisma.ticketType.update({ where: { id: ticketTypeId }, data: { sold: { increment: status === 'cancelled' ? 0 : 1 } } })
  return prisma.registration.create({
    data: {
      eventId,
      ticketTypeId,
      status,
      firstName: 'Camille',
      lastName: 'Martin',
      email: `c-${id}@example.org`,
      organisationName: 'SCOP',
      organisationType: 'cooperative',
      consentAt: new Date(),
      manageTokenHash: `h-${id}`,
      ticketCode: `t-${id}`,
    },
  })
}

describe('ticket types', () => {
  test('created in order, listed with archived last, audited', async () => {
    const event = await makeEvent(org.id)
    const a = await createTicketType(org.id, event.id, full, actor())
    const b = await createTicketType(
      org.id,
      event.id,
      { kind: 'reduced', name: 'Tarif réduit', priceCents: 2000, description: 'Étudiants, demandeurs d’emploi' },
      actor(),
    )
    const c = await createTicketType(org.id, event.id, { kind: 'free', name: 'Bénévoles', priceCents: 0, quota: 20 }, actor())
    expect([a.position, b.position, c.position]).toEqual([0, 1, 2])
    await setTicketTypeArchived(org.id, event.id, a.id, true, actor())
    expect((await listTicketTypes(org.id, event.id)).map((t) => t.name)).toEqual(['Tarif réduit', 'Bénévoles', 'Plein tarif'])
    const entries = await prisma.auditLog.findMany({ where: { entityType: 'TicketType', entityId: a.id }, orderBy: { createdAt: 'asc' } })
    expect(entries.map((e) => e.action)).toEqual(['ticketType.create', 'ticketType.archive'])
    await setTicketTypeArchived(org.id, event.id, a.id, false, actor())
    expect((await prisma.ticketType.findUniqueOrThrow({ where: { id: a.id } })).archivedAt).toBeNull()
  })

  test('another organisation’s event or ticket is not found', async () => {
    const event = await makeEvent(org.id)
    const ticket = await createTicketType(org.id, event.id, full)
    expect((await errorOf(createTicketType(other.id, event.id, full))).status).toBe(404)
    expect((await errorOf(updateTicketType(other.id, event.id, ticket.id, full))).status).toBe(404)
    expect((await errorOf(deleteTicketType(other.id, event.id, ticket.id))).status).toBe(404)
    const otherEvent = await makeEvent(other.id)
    expect((await errorOf(updateTicketType(other.id, otherEvent.id, ticket.id, full))).status).toBe(404)
    expect(await prisma.ticketType.count({ where: { id: ticket.id } })).toBe(1)
  })

  test('invalid input is refused with field errors', async () => {
    const event = await makeEvent(org.id)
    const e = await errorOf(createTicketType(org.id, event.id, { kind: 'paid', name: 'Plein tarif', priceCents: 0 }))
    expect(e.fields).toEqual({ priceCents: ['paymentsAdmin.error.paidNeedsPrice'] })
    expect(await prisma.ticketType.count({ where: { eventId: event.id } })).toBe(0)
  })

  test('a price change leaves existing payments at their amount', async () => {
    const event = await makeEvent(org.id)
    const ticket = await createTicketType(org.id, event.id, full)
    const reg = await holdTicket(event.id, ticket.id, 'pending_payment')
    const payment = await prisma.payment.create({
      data: {
        organisationId: org.id,
        registrationId: reg.id,
        method: 'transfer',
        amountCents: 4500,
        reference: `ESS-${randomBytes(4).toString('hex').toUpperCase()}`,
      },
    })
    await updateTicketType(org.id, event.id, ticket.id, { ...full, priceCents: 5500 }, actor())
    expect((await prisma.ticketType.findUniqueOrThrow({ where: { id: ticket.id } })).priceCents).toBe(5500)
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).amountCents).toBe(4500)
  })

  test('the quota can’t go below the tickets held', async () => {
    const event = await makeEvent(org.id)
    const ticket = await createTicketType(org.id, event.id, { ...full, quota: 5 })
    await holdTicket(event.id, ticket.id)
    await holdTicket(event.id, ticket.id)
    const e = await errorOf(updateTicketType(org.id, event.id, ticket.id, { ...full, quota: 1 }))
    expect(e.code).toBe('quota_below_sold')
    expect(e.params).toEqual({ sold: 2 })
    expect((await prisma.ticketType.findUniqueOrThrow({ where: { id: ticket.id } })).quota).toBe(5)
    await updateTicketType(org.id, event.id, ticket.id, { ...full, quota: 2 })
    await updateTicketType(org.id, event.id, ticket.id, { ...full, quota: null })
    expect((await prisma.ticketType.findUniqueOrThrow({ where: { id: ticket.id } })).quota).toBeNull()
  })

  test('a ticket any registration holds (even cancelled) can’t be deleted, only archived', async () => {
    const event = await makeEvent(org.id)
    const held = await createTicketType(org.id, event.id, full)
    await holdTicket(event.id, held.id, 'cancelled')
    const e = await errorOf(deleteTicketType(org.id, event.id, held.id))
    expect(e.code).toBe('ticket_has_registrations')
    expect(await prisma.ticketType.count({ where: { id: held.id } })).toBe(1)
    const unused = await createTicketType(org.id, event.id, { kind: 'free', name: 'Gratuit', priceCents: 0 })
    await deleteTicketType(org.id, event.id, unused.id, actor())
    expect(await prisma.ticketType.count({ where: { id: unused.id } })).toBe(0)
    expect(await prisma.auditLog.count({ where: { entityId: unused.id, action: 'ticketType.delete' } })).toBe(1)
    expect((await listTicketTypes(org.id, event.id)).find((t) => t.id === held.id)?.registrations).toBe(1)
  })

  test('reordering swaps neighbours and stops at the ends', async () => {
    const event = await makeEvent(org.id)
    const a = await createTicketType(org.id, event.id, { ...full, name: 'Tarif A' })
    const b = await createTicketType(org.id, event.id, { ...full, name: 'Tarif B' })
    expect(await moveTicketType(org.id, event.id, a.id, 'up')).toBe(false)
    expect(await moveTicketType(org.id, event.id, b.id, 'up', actor())).toBe(true)
    expect((await listTicketTypes(org.id, event.id)).map((t) => t.name)).toEqual(['Tarif B', 'Tarif A'])
  })

  test('a cancelled event’s tickets are read-only', async () => {
    const event = await makeEvent(org.id, { status: 'cancelled' })
    expect((await errorOf(createTicketType(org.id, event.id, full))).code).toBe('event_read_only')
  })
})

describe('payment settings', () => {
  test('saved and audited; invalid values change nothing', async () => {
    const event = await makeEvent(org.id)
    const deadline = new Date(Date.now() + 10 * 24 * 3600_000)
    await updatePaymentSettings(
      org.id,
      event.id,
      {
        acceptsCard: false,
        acceptsTransfer: true,
        acceptsPurchaseOrder: true,
        paymentHoldMinutes: 60,
        refundDeadline: deadline,
        refundFeeCents: 500,
      },
      actor(),
    )
    expect(await getPaymentSettings(org.id, event.id)).toEqual({
      acceptsCard: false,
      acceptsTransfer: true,
      acceptsPurchaseOrder: true,
      paymentHoldMinutes: 60,
      refundDeadline: deadline,
      refundFeeCents: 500,
    })
    const e = await errorOf(
      updatePaymentSettings(org.id, event.id, {
        acceptsCard: false,
        acceptsTransfer: false,
        acceptsPurchaseOrder: false,
        paymentHoldMinutes: 10,
        refundDeadline: null,
        refundFeeCents: 0,
      }),
    )
    expect(e.fields).toEqual({ paymentHoldMinutes: ['paymentsAdmin.error.holdInvalid'], methods: ['paymentsAdmin.error.noMethod'] })
    expect((await getPaymentSettings(org.id, event.id)).paymentHoldMinutes).toBe(60)
    expect(await prisma.auditLog.count({ where: { entityId: event.id, action: 'event.paymentSettings' } })).toBe(1)
    expect(
      (
        await errorOf(
          updatePaymentSettings(other.id, event.id, {
            acceptsCard: true,
            acceptsTransfer: true,
            acceptsPurchaseOrder: false,
            paymentHoldMinutes: 30,
            refundDeadline: null,
            refundFeeCents: 0,
          }),
        )
      ).status,
    ).toBe(404)
  })
})
