// Selective admission (YESS Académie): which decisions an application can still receive, and how
// a batch of acceptances shares the free seats. Plain functions, so they are tested without a
// database; the service applies them inside one transaction per batch.

export const DECISIONS = ['accept', 'refuse', 'waitlist'] as const
export type Decision = (typeof DECISIONS)[number]

export const PROJECT_STAGES = ['idea', 'creation', 'development'] as const
export type ProjectStage = (typeof PROJECT_STAGES)[number]

/** Statuses an application goes through (besides the usual offered / cancelled). */
export const APPLICATION_STATUSES = ['applied', 'confirmed', 'waitlisted', 'refused'] as const

/** Statuses shown in the organisers' list of applications, in the order of the filter. */
export const LISTED_STATUSES = ['applied', 'confirmed', 'waitlisted', 'offered', 'refused', 'cancelled'] as const

export function isDecision(value: unknown): value is Decision {
  return typeof value === 'string' && (DECISIONS as readonly string[]).includes(value)
}

export function isProjectStage(value: unknown): value is ProjectStage {
  return typeof value === 'string' && (PROJECT_STAGES as readonly string[]).includes(value)
}

/** The status a decision leads to. */
export function statusAfter(decision: Decision): 'confirmed' | 'refused' | 'waitlisted' {
  return decision === 'accept' ? 'confirmed' : decision === 'refuse' ? 'refused' : 'waitlisted'
}

/**
 * Whether an application in `status` can still receive `decision`.
 * - applied → accept, refuse or waitlist;
 * - waitlisted → accept or refuse (a seat the waiting list never got, or a final no);
 * - refused is final: the candidate was told, and a later change of mind would look like an
 *   error; confirmed, offered and cancelled are no longer applications to decide (organisers
 *   cancel a confirmed seat from the registrations page).
 * So when two organisers decide the same application at once, the second finds it decided.
 */
export function canDecide(status: string, decision: Decision): boolean {
  if (status === 'applied') return true
  if (status === 'waitlisted') return decision !== 'waitlist'
  return false
}

export type DecisionOutcome = 'accepted' | 'refused' | 'waitlisted' | 'no_seat' | 'already_decided' | 'not_found'

/**
 * One application's outcome, once the service knows whether a seat could be taken (`seatTaken`
 * only matters for an acceptance). With `waitlistRest`, an acceptance that found no seat puts an
 * applied candidate on the waiting list instead of leaving them undecided.
 */
export function outcomeOf(status: string | null, decision: Decision, seatTaken: boolean, waitlistRest = false): DecisionOutcome {
  if (status === null) return 'not_found'
  if (!canDecide(status, decision)) return 'already_decided'
  if (decision === 'refuse') return 'refused'
  if (decision === 'waitlist') return 'waitlisted'
  if (seatTaken) return 'accepted'
  return waitlistRest && status === 'applied' ? 'waitlisted' : 'no_seat'
}

/**
 * The plan of a batch in the organiser's order: each acceptance takes one of `freeSeats` (null:
 * no limit) while there are some; the others are reported "no seat left" (or waitlisted with
 * `waitlistRest`). Never more acceptances than free seats.
 */
export function planBatch(
  applications: { id: string; status: string | null }[],
  decision: Decision,
  freeSeats: number | null,
  waitlistRest = false,
): { id: string; outcome: DecisionOutcome }[] {
  let left = freeSeats
  const seen = new Set<string>()
  return applications.map(({ id, status }) => {
    // The same id twice in one batch is decided once.
    const current = seen.has(id) ? 'decided' : status
    seen.add(id)
    const wantsSeat = current !== null && decision === 'accept' && canDecide(current, decision)
    const seatTaken = wantsSeat && (left === null || left > 0)
    if (seatTaken && left !== null) left--
    return { id, outcome: outcomeOf(current, decision, seatTaken, waitlistRest) }
  })
}

export type BatchSummary = Record<DecisionOutcome, number>

export function summarise(results: { outcome: DecisionOutcome }[]): BatchSummary {
  const summary: BatchSummary = { accepted: 0, refused: 0, waitlisted: 0, no_seat: 0, already_decided: 0, not_found: 0 }
  for (const r of results) summary[r.outcome]++
  return summary
}

export const RATING_MIN = 1
export const RATING_MAX = 5

export function isRating(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= RATING_MIN && value <= RATING_MAX
}
