// Capacity, registration window and waiting-list rules as plain functions over data, so they
// are tested without a database. The service applies them inside transactions.

export const REGISTRATION_STATUSES = ['confirmed', 'pending_payment', 'waitlisted', 'offered', 'cancelled'] as const
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]

/** Statuses that hold a seat of the event (and of the chosen workshops). */
export const SEAT_HOLDING: readonly string[] = ['confirmed', 'offered', 'pending_payment']

export function holdsSeat(status: string) {
  return SEAT_HOLDING.includes(status)
}

/** A registration can no longer be changed by its attendee once cancelled, or when its event is over or cancelled. */
export function isLocked(r: { status: string; event: { status: string; endsAt: Date } }, now = new Date()) {
  return r.status === 'cancelled' || r.event.status !== 'published' || now >= r.event.endsAt
}

export type Placement = 'confirmed' | 'waitlisted' | 'full'

/** Where a new registrant lands, given whether a seat could be taken. */
export function placementFor(seatTaken: boolean, waitlistEnabled: boolean): Placement {
  if (seatTaken) return 'confirmed'
  return waitlistEnabled ? 'waitlisted' : 'full'
}

/** How many waiting-list offers to make after seats free up or capacity rises. */
export function offersToMake(capacity: number | null, seatsTaken: number, waiting: number): number {
  if (waiting <= 0) return 0
  if (capacity === null) return waiting
  return Math.max(0, Math.min(waiting, capacity - seatsTaken))
}

export function offerExpiry(now: Date, offerHours: number): Date {
  return new Date(now.getTime() + offerHours * 60 * 60 * 1000)
}

/** One workshop per slot at most: returns the slot ids chosen twice. */
export function duplicateSlots(choices: { slotId: string; workshopId: string }[]): string[] {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const c of choices) {
    if (seen.has(c.slotId)) dup.add(c.slotId)
    seen.add(c.slotId)
  }
  return [...dup]
}

export function searchTextOf(r: { firstName: string; lastName: string; email: string; organisationName: string }) {
  return [r.firstName, r.lastName, r.email, r.organisationName]
    .join(' ')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
}

/** The waiting-list order: who waited longest first, ties by id (stable). */
export const WAITING_ORDER = [{ waitlistedAt: 'asc' as const }, { id: 'asc' as const }]

export type InLine = { id: string; waitlistedAt: Date | null }

/**
 * The next `count` people on the waiting list to be offered a seat, in WAITING_ORDER. Someone
 * without a waiting-list time (never expected) comes last rather than first.
 */
export function nextInLine<T extends InLine>(waiting: readonly T[], count: number): T[] {
  if (count <= 0) return []
  const time = (r: InLine) => r.waitlistedAt?.getTime() ?? Number.POSITIVE_INFINITY
  return [...waiting].sort((a, b) => time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, count)
}

const DAY_MS = 24 * 60 * 60 * 1000

/** Whether an event's reminder is due at `now`: within its `reminderDaysBefore` days, and not started. */
export function isReminderDue(event: { startsAt: Date; reminderDaysBefore: number }, now: Date): boolean {
  if (event.reminderDaysBefore <= 0) return false
  const ahead = event.startsAt.getTime() - now.getTime()
  return ahead > 0 && ahead <= event.reminderDaysBefore * DAY_MS
}
