// Access codes: organisers create, list and deactivate them; the registration policy
// (registration-policy.server.ts) takes and gives back their uses. All reads and writes of the
// AccessCode tables are here; the event and its tickets are read through their owners.
import { randomBytes } from 'node:crypto'
import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { listTicketTypes } from '#app/modules/payments/tickets.server.ts'
import { AppError, isUniqueViolation, notFoundError } from '#app/utils/errors.ts'
import { codeFromBytes, isHiddenTicket, normaliseCode, type CodeKind } from './rules.ts'

export type CodeInput = {
  /** Empty: one is generated. */
  code?: string | null
  kind: CodeKind
  /** percent: 1–100; fixed: cents off; otherwise ignored. */
  amount?: number | null
  ticketTypeId: string
  maxUses?: number | null
  validFrom?: Date | null
  validUntil?: Date | null
}

type Actor = { actorUserId?: string | null }

function fieldError(field: string, messageKey: 'accessCodes.error.taken' | 'accessCodes.error.ticket' | 'accessCodes.error.window') {
  return new AppError({ status: 422, code: 'invalid_code', messageKey, fields: { [field]: [messageKey] } })
}

/** The event's ticket types (checks the event belongs to the organisation). */
async function ticketsOf(organisationId: string, eventId: string) {
  const tickets = await listTicketTypes(organisationId, eventId)
  return tickets
}

export async function createCode(organisationId: string, eventId: string, input: CodeInput, actor: Actor = {}) {
  const tickets = await ticketsOf(organisationId, eventId)
  const ticket = tickets.find((t) => t.id === input.ticketTypeId && !t.archivedAt)
  if (!ticket) throw fieldError('ticketTypeId', 'accessCodes.error.ticket')
  if (input.validFrom && input.validUntil && input.validUntil <= input.validFrom) throw fieldError('validUntil', 'accessCodes.error.window')
  const code = normaliseCode(input.code) || codeFromBytes(randomBytes(8))
  const amount = input.kind === 'percent' || input.kind === 'fixed' ? (input.amount ?? 0) : 0
  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.accessCode.create({
        data: {
          organisationId,
          eventId: ticket.eventId,
          ticketTypeId: ticket.id,
          code,
          kind: input.kind,
          amount,
          maxUses: input.maxUses ?? null,
          validFrom: input.validFrom ?? null,
          validUntil: input.validUntil ?? null,
        },
      })
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'accessCode.create',
        entityType: 'AccessCode',
        entityId: created.id,
        details: { code, kind: input.kind, amount, ticketTypeId: ticket.id, maxUses: created.maxUses },
      })
      return created
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError('code', 'accessCodes.error.taken')
    throw error
  }
}

/** The event's codes, newest first, with their ticket's name. */
export async function listCodes(organisationId: string, eventId: string) {
  const tickets = await ticketsOf(organisationId, eventId)
  const ids = tickets.map((t) => t.id)
  const names = new Map(tickets.map((t) => [t.id, t.name]))
  const codes = await prisma.accessCode.findMany({
    where: { organisationId, ticketTypeId: { in: ids } },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  })
  return codes.map((c) => ({ ...c, ticketName: names.get(c.ticketTypeId) ?? '' }))
}

export type ListedCode = Awaited<ReturnType<typeof listCodes>>[number]

export async function deactivateCode(organisationId: string, codeId: string, actor: Actor = {}, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.accessCode.updateMany({
      where: { id: codeId, organisationId, deactivatedAt: null },
      data: { deactivatedAt: now },
    })
    if (count !== 1) throw notFoundError()
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'accessCode.deactivate',
      entityType: 'AccessCode',
      entityId: codeId,
    })
  })
}

/** Every use of the event's codes (released ones too), oldest first, for the export. */
export async function redemptionsOf(organisationId: string, eventId: string) {
  const tickets = await ticketsOf(organisationId, eventId)
  const names = new Map(tickets.map((t) => [t.id, t.name]))
  const rows = await prisma.accessCodeRedemption.findMany({
    where: { accessCode: { organisationId, ticketTypeId: { in: tickets.map((t) => t.id) } } },
    include: { accessCode: { select: { code: true, kind: true, ticketTypeId: true } } },
    orderBy: [{ redeemedAt: 'asc' }, { id: 'asc' }],
  })
  return rows.map((r) => ({ ...r, ticketName: names.get(r.accessCode.ticketTypeId) ?? '' }))
}

export type Redemption = Awaited<ReturnType<typeof redemptionsOf>>[number]

// ---- For the registration pipeline and the public form ----------------------------------------

export function findCode(db: Tx, eventId: string, code: string) {
  return db.accessCode.findUnique({ where: { eventId_code: { eventId, code } } })
}

/** Whether the ticket is hidden (an active unlock code is for it). */
export async function ticketIsHidden(db: Tx, eventId: string, ticketTypeId: string) {
  const codes = await db.accessCode.findMany({ where: { eventId, ticketTypeId, kind: 'unlock', deactivatedAt: null }, take: 1 })
  return isHiddenTicket(ticketTypeId, codes)
}

/** The event's hidden tickets, for the public form to leave out. */
export async function hiddenTicketIds(eventId: string): Promise<Set<string>> {
  const codes = await prisma.accessCode.findMany({
    where: { eventId, kind: 'unlock', deactivatedAt: null },
    select: { ticketTypeId: true },
  })
  return new Set(codes.map((c) => c.ticketTypeId))
}

/** The ticket a code shown in a link (`?code=`) is for, when it exists and is active; nothing is taken. */
export async function ticketOfCode(eventId: string, raw: string | null | undefined): Promise<string | null> {
  const code = normaliseCode(raw)
  if (!code) return null
  const found = await findCode(prisma, eventId, code)
  return found && !found.deactivatedAt ? found.ticketTypeId : null
}

/**
 * Takes one use of the code, never beyond its limit: one conditional UPDATE the database applies
 * atomically (SQLite serialises writers; PostgreSQL re-checks the condition on the locked row).
 */
export async function takeUse(tx: Tx, codeId: string, now: Date): Promise<boolean> {
  const changed = await tx.$executeRaw`UPDATE "AccessCode" SET "uses" = "uses" + 1, "updatedAt" = ${now}
    WHERE "id" = ${codeId} AND "deactivatedAt" IS NULL AND ("maxUses" IS NULL OR "uses" < "maxUses")`
  return changed === 1
}

export async function recordRedemption(
  tx: Tx,
  r: { accessCodeId: string; registrationId: string; priceCents: number; discountCents: number; now: Date },
) {
  await tx.accessCodeRedemption.create({
    data: {
      accessCodeId: r.accessCodeId,
      registrationId: r.registrationId,
      priceCents: r.priceCents,
      discountCents: r.discountCents,
      redeemedAt: r.now,
    },
  })
}

/** A cancelled registration gives its use back (the redemption stays in the history, released). */
export async function releaseUse(tx: Tx, registrationId: string, now: Date) {
  const held = await tx.accessCodeRedemption.findMany({
    where: { registrationId, releasedAt: null },
    select: { id: true, accessCodeId: true },
  })
  for (const r of held) {
    const { count } = await tx.accessCodeRedemption.updateMany({ where: { id: r.id, releasedAt: null }, data: { releasedAt: now } })
    if (count === 1) await tx.$executeRaw`UPDATE "AccessCode" SET "uses" = "uses" - 1 WHERE "id" = ${r.accessCodeId} AND "uses" > 0`
  }
  return held.length
}
