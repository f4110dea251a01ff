// The merge rule of offline check-in (issue 15, docs/decisions/0013-offline-checkin.md): door
// devices check people in without a network and send their queue later. Whatever order the
// queues arrive in, a person ends with one check-in, the earliest; every other check-in of the
// same person is reported as a conflict (who, when), and a registration no longer confirmed is
// reported, never checked in. Pure: the server feeds it the stored state inside a transaction.
import { z } from 'zod'

/** One check-in as a device recorded it: its own id for it, who did it, and the device's clock. */
export type CheckInClaim = { deviceId: string; localId: string; staffUserId: string; at: Date }

/** Who holds the check-in: a device (offline) or nobody in particular (made online, deviceId null). */
export type CheckInHolder = { at: Date; staffUserId: string | null; deviceId: string | null }

export type DoorState = {
  status: string
  /** The check-in stored now, with the device it came from when it was made offline. */
  checkedIn: CheckInHolder | null
}

export type ClaimOutcome =
  | { kind: 'checked_in'; at: Date }
  /** Two check-ins of the same person: `kept` is the earliest, `later` the other one. */
  | { kind: 'conflict'; kept: CheckInHolder; later: CheckInHolder; claimKept: boolean }
  | { kind: 'not_confirmed'; status: string }

export type MergeResult = {
  /** The check-in to store; equal to the input's when `changed` is false. */
  checkedIn: CheckInHolder | null
  changed: boolean
  outcomes: { claim: CheckInClaim; outcome: ClaimOutcome; replay: boolean }[]
}

export const claimKey = (c: { deviceId: string; localId: string }) => `${c.deviceId}\u0000${c.localId}`

const holderOf = (c: CheckInClaim): CheckInHolder => ({ at: c.at, staffUserId: c.staffUserId, deviceId: c.deviceId })
const sameHolder = (a: CheckInHolder, b: CheckInHolder) =>
  a.at.getTime() === b.at.getTime() && a.staffUserId === b.staffUserId && a.deviceId === b.deviceId

/** A device whose clock runs ahead cannot claim a time that has not happened yet. */
export function clampToReceipt(at: Date, receivedAt: Date) {
  return at.getTime() > receivedAt.getTime() ? receivedAt : at
}

/**
 * Merges the check-ins devices send for one registration into its stored state.
 * `seen` holds the claims already applied (by device and local id): they change nothing and are
 * answered again from the current state, so a device that replays its queue gets a true answer.
 */
export function mergeCheckins(
  state: DoorState,
  claims: readonly CheckInClaim[],
  { receivedAt, seen = new Set<string>() }: { receivedAt: Date; seen?: ReadonlySet<string> },
): MergeResult {
  let checkedIn = state.checkedIn
  let changed = false
  const done = new Set(seen)
  const outcomes: MergeResult['outcomes'] = []
  for (const raw of claims) {
    const claim = { ...raw, at: clampToReceipt(raw.at, receivedAt) }
    const replay = done.has(claimKey(claim))
    done.add(claimKey(claim))
    const mine = holderOf(claim)
    let outcome: ClaimOutcome
    if (replay) {
      if (!checkedIn) outcome = { kind: 'not_confirmed', status: state.status }
      else if (sameHolder(checkedIn, mine)) outcome = { kind: 'checked_in', at: checkedIn.at }
      else outcome = { kind: 'conflict', kept: checkedIn, later: mine, claimKept: false }
    } else if (state.status !== 'confirmed') {
      outcome = { kind: 'not_confirmed', status: state.status }
    } else if (!checkedIn) {
      checkedIn = mine
      changed = true
      outcome = { kind: 'checked_in', at: claim.at }
    } else if (claim.at.getTime() < checkedIn.at.getTime()) {
      // This device saw the person first: its time is kept, the stored one becomes the later.
      outcome = { kind: 'conflict', kept: mine, later: checkedIn, claimKept: true }
      checkedIn = mine
      changed = true
    } else {
      outcome = { kind: 'conflict', kept: checkedIn, later: mine, claimKept: false }
    }
    outcomes.push({ claim, outcome, replay })
  }
  return { checkedIn, changed, outcomes }
}

/** What the browser sends: its device id and the check-ins waiting in its queue. */
export const checkInSyncSchema = z.object({
  deviceId: z.string().trim().min(8).max(64),
  checkins: z
    .array(
      z.object({
        localId: z.string().trim().min(1).max(64),
        registrationId: z.string().trim().min(1).max(64),
        at: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
      }),
    )
    .max(500),
})
export type CheckInSyncInput = z.infer<typeof checkInSyncSchema>

/** An attendee as a door device keeps it (the JSON list of the check-in page). */
export type DoorAttendee = {
  id: string
  firstName: string
  lastName: string
  organisationName: string
  ticketCode: string
  checkedInAt: string | null
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()

/** The search of the check-in page, run on the device's list: every word must match, accents aside. */
export function searchDoorList<T extends DoorAttendee>(attendees: readonly T[], q: string, limit = 25): T[] {
  const terms = fold(q).split(/\s+/).filter(Boolean)
  if (terms.join('').length < 2) return []
  return attendees
    .filter((a) => {
      const text = fold(`${a.firstName} ${a.lastName} ${a.organisationName} ${a.ticketCode}`)
      return terms.every((t) => text.includes(t))
    })
    .slice(0, limit)
}
