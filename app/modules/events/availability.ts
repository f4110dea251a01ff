// Whether an event takes registrations and how many seats it has left: rules over the event's own
// data, so the catalogue owns them; registrations, admission and the API apply them.

export type EventWindow = {
  status: string
  registrationOpensAt: Date | null
  registrationClosesAt: Date | null
  endsAt: Date
}

export type ClosedReason = 'not_published' | 'cancelled' | 'not_open_yet' | 'closed' | 'ended'

/** Why registration is closed at `now`, or null when it is open. */
export function registrationClosedReason(event: EventWindow, now: Date): ClosedReason | null {
  if (event.status === 'cancelled') return 'cancelled'
  if (event.status !== 'published') return 'not_published'
  if (event.registrationOpensAt && now < event.registrationOpensAt) return 'not_open_yet'
  if (event.registrationClosesAt && now >= event.registrationClosesAt) return 'closed'
  if (now >= event.endsAt) return 'ended'
  return null
}

export function seatsLeft(capacity: number | null, seatsTaken: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - seatsTaken)
}
