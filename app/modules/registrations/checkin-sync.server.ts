// Offline check-in on the server (docs/decisions/0013-offline-checkin.md): the attendee list a door
// device keeps, and the sync of the check-ins it queued while offline. Each check-in is applied in
// its own transaction that first locks the registration's row (a conditional update), so several
// devices syncing at once are serialised per person and the merge rule sees the true state.
import { prisma } from '#app/db.server.ts'
import { userDisplayNames } from '#app/modules/auth/user-names.server.ts'
import { isUniqueViolation } from '#app/utils/errors.ts'
import { claimKey, mergeCheckins, type CheckInClaim, type CheckInHolder, type CheckInSyncInput, type ClaimOutcome } from './checkin-sync.ts'

const TX = { maxWait: 30_000, timeout: 30_000 }
const ATTEMPTS = 8

/** The confirmed attendees, as a door device stores them (no e-mail: it stays on the server). */
export async function checkInList(eventId: string) {
  const rows = await prisma.registration.findMany({
    where: { eventId, status: 'confirmed' },
    select: { id: true, firstName: true, lastName: true, organisationName: true, ticketCode: true, checkedInAt: true },
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
  })
  return rows.map((r) => ({ ...r, checkedInAt: r.checkedInAt?.toISOString() ?? null }))
}

export type SyncedHolder = { at: string; by: string | null; deviceId: string | null }
export type SyncedCheckIn = {
  localId: string
  registrationId: string
  outcome: 'checked_in' | 'conflict' | 'not_confirmed' | 'not_found'
  name?: string
  /** The stored check-in time after the merge. */
  at?: string
  status?: string
  /** Two check-ins of the same person: the earliest is kept, the later one reported. */
  conflict?: { kept: SyncedHolder; later: SyncedHolder; claimKept: boolean }
}

type Applied =
  { kind: 'not_found' } | { kind: 'merged'; outcome: ClaimOutcome; stored: Date | null; person: { firstName: string; lastName: string } }

class ChangedMeanwhile extends Error {}

async function applyClaim(eventId: string, claim: CheckInClaim & { registrationId: string }, receivedAt: Date): Promise<Applied> {
  return prisma.$transaction(async (tx) => {
    const key = { deviceId_localId: { deviceId: claim.deviceId, localId: claim.localId } }
    const registration = await tx.registration.findFirst({
      where: { id: claim.registrationId, eventId },
      select: { id: true, status: true, checkedInAt: true, checkedInBy: true, firstName: true, lastName: true },
    })
    if (!registration) {
      if (!(await tx.offlineCheckIn.findUnique({ where: key })))
        await tx.offlineCheckIn.create({
          data: { ...claimRow(eventId, claim, receivedAt), outcome: 'not_found' },
        })
      return { kind: 'not_found' }
    }
    // Locks the row until commit (PostgreSQL re-checks the condition after a concurrent writer);
    // on SQLite the transaction already holds the single writer's lock.
    const lock = await tx.registration.updateMany({
      where: { id: registration.id, status: registration.status, checkedInAt: registration.checkedInAt },
      data: { checkedInAt: registration.checkedInAt },
    })
    if (lock.count !== 1) throw new ChangedMeanwhile()
    const [seen, keptRow] = await Promise.all([
      tx.offlineCheckIn.findUnique({ where: key }),
      tx.offlineCheckIn.findFirst({ where: { registrationId: registration.id, kept: true }, select: { deviceId: true } }),
    ])
    const checkedIn: CheckInHolder | null = registration.checkedInAt
      ? { at: registration.checkedInAt, staffUserId: registration.checkedInBy, deviceId: keptRow?.deviceId ?? null }
      : null
    const merged = mergeCheckins({ status: registration.status, checkedIn }, [claim], {
      receivedAt,
      seen: seen ? new Set([claimKey(claim)]) : undefined,
    })
    const { outcome, claim: clamped } = merged.outcomes[0]!
    if (merged.changed && merged.checkedIn) {
      await tx.registration.update({
        where: { id: registration.id },
        data: { checkedInAt: merged.checkedIn.at, checkedInBy: merged.checkedIn.staffUserId },
      })
      await tx.offlineCheckIn.updateMany({ where: { registrationId: registration.id, kept: true }, data: { kept: false } })
    }
    if (!seen)
      await tx.offlineCheckIn.create({
        data: { ...claimRow(eventId, { ...claim, at: clamped.at }, receivedAt), outcome: outcome.kind, kept: merged.changed },
      })
    return { kind: 'merged', outcome, stored: merged.checkedIn?.at ?? null, person: registration }
  }, TX)
}

function claimRow(eventId: string, claim: CheckInClaim & { registrationId: string }, receivedAt: Date) {
  return {
    eventId,
    registrationId: claim.registrationId,
    deviceId: claim.deviceId,
    localId: claim.localId,
    staffUserId: claim.staffUserId,
    checkedInAt: claim.at,
    receivedAt,
  }
}

/**
 * Applies the check-ins a device queued offline, in its order; sending the same queue again
 * changes nothing (one row per device and local id). Every check-in gets an answer.
 */
export async function syncOfflineCheckIns(
  eventId: string,
  staffUserId: string,
  input: CheckInSyncInput,
  receivedAt = new Date(),
): Promise<SyncedCheckIn[]> {
  const applied: { localId: string; registrationId: string; result: Applied }[] = []
  for (const c of input.checkins) {
    const claim = { deviceId: input.deviceId, localId: c.localId, registrationId: c.registrationId, staffUserId, at: c.at }
    let result: Applied | null = null
    for (let attempt = 1; !result; attempt++) {
      try {
        result = await applyClaim(eventId, claim, receivedAt)
      } catch (error) {
        // Another device changed this person, or sent the same check-in, at the same moment: the
        // next attempt reads what it wrote.
        const retry = error instanceof ChangedMeanwhile || isUniqueViolation(error) || isWriteConflict(error)
        if (!retry || attempt >= ATTEMPTS) throw error
      }
    }
    applied.push({ localId: c.localId, registrationId: c.registrationId, result })
  }
  const staffIds = applied.flatMap(({ result }) =>
    result.kind === 'merged' && result.outcome.kind === 'conflict'
      ? [result.outcome.kept.staffUserId, result.outcome.later.staffUserId]
      : [],
  )
  const names = await userDisplayNames(staffIds.filter((id): id is string => Boolean(id)))
  const holder = (h: CheckInHolder): SyncedHolder => ({
    at: h.at.toISOString(),
    by: h.staffUserId ? (names.get(h.staffUserId) ?? null) : null,
    deviceId: h.deviceId,
  })
  return applied.map(({ localId, registrationId, result }): SyncedCheckIn => {
    if (result.kind === 'not_found') return { localId, registrationId, outcome: 'not_found' }
    const { outcome, stored, person } = result
    const base = { localId, registrationId, name: `${person.firstName} ${person.lastName}`, at: stored?.toISOString() }
    if (outcome.kind === 'not_confirmed') return { ...base, outcome: 'not_confirmed', status: outcome.status }
    if (outcome.kind === 'checked_in') return { ...base, outcome: 'checked_in' }
    return {
      ...base,
      outcome: 'conflict',
      conflict: { kept: holder(outcome.kept), later: holder(outcome.later), claimKept: outcome.claimKept },
    }
  })
}

/** PostgreSQL's serialisation failure or deadlock (P2034), which a retry resolves. */
function isWriteConflict(error: unknown) {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2034'
}
