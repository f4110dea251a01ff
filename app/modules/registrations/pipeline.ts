// The interface features plug into registration through (tickets and payments, applications,
// invitations). The registrations module owns it and calls it; the features implement it in
// their own modules, and app/composition/registrations.server.ts wires them. Registrations
// therefore knows none of them.
import type { Tx } from '#app/db.server.ts'
import type { Event, Registration } from '#app/generated/sqlite/client.ts'
import type { EventForEmail, EventForRegistration, PersonInput } from './new-registration.server.ts'

/** What a registration form or the API sends: the person, then what they chose (features add their fields). */
export type RegistrationInput = PersonInput & {
  /** Workshop ids, at most one per slot. */
  workshopIds?: string[]
}

export type RegisterOptions = {
  source?: 'form' | 'api' | 'manual' | 'invitation'
  now?: Date
  request?: Request
  /** Organisers adding someone by hand may register outside the window. */
  ignoreWindow?: boolean
  /** Organisers may add someone even when the event is full. */
  ignoreCapacity?: boolean
  actorUserId?: string
}

/** Where a new registration lands (features add `applied` and `pending_payment`). */
export type PlacedStatus = 'confirmed' | 'waitlisted' | 'applied' | 'pending_payment'

/** Registration columns a feature may set on the rows it is involved in. */
export type PolicyColumns = Partial<Omit<Registration, 'id' | 'eventId' | 'status' | 'createdAt' | 'updatedAt'>>

export type RegisterContext<I, O> = {
  event: EventForRegistration
  input: RegistrationInput & I
  opts: RegisterOptions & O
  now: Date
  email: string
  manageUrl: string
  /** False once an earlier policy decided that this registration takes no seat for now. */
  takesSeat: boolean
}

/** The row just written, with what its emails need. */
export type InsertedRegistration = PolicyColumns & {
  id: string
  eventId: string
  email: string
  firstName: string
  lastName: string
  locale: string
  ticketCode: string
  status: string
}

/** One policy's part in one registration; it holds what the policy decided before the seat. */
export type RegistrationStep = {
  /** No seat is taken: the registration gets this status instead (an application waits for a decision). */
  seatless?: { status: PlacedStatus }
  /** Columns written with the row (the ticket chosen…). */
  columns?: PolicyColumns
  /** After the seat: may take what goes with it (a ticket) and turn the status (a payment is due). */
  afterSeat?(tx: Tx, placed: 'confirmed' | 'waitlisted'): Promise<{ status?: PlacedStatus; columns?: PolicyColumns } | void>
  /**
   * After the row is written: columns to add, whether the policy sends the registrant's email
   * itself (then the confirmation is not sent), what to add to the result and to the audit.
   */
  afterInsert?(tx: Tx, registration: InsertedRegistration): Promise<AfterInsert | void>
}

export type AfterInsert = { columns?: PolicyColumns; ownEmail?: boolean; result?: Record<string, unknown>; audit?: Record<string, unknown> }

export type OfferRegistration = Registration & { event: Event }

export type AcceptContext<A> = { registration: OfferRegistration; opts: AcceptOptions & A; now: Date; manageUrl: string }

export type AcceptOptions = { now?: Date; request?: Request; manageToken: string }

/** One policy's part in accepting a waiting-list offer. */
export type AcceptStep = {
  /** The status instead of `confirmed` (a payment is due), and columns to set with it. */
  status?: string
  columns?: PolicyColumns
  /** After the offer is taken and the workshops chosen: the policy may send the email itself. */
  afterAccept?(tx: Tx, registration: OfferRegistration): Promise<{ ownEmail?: boolean; result?: Record<string, unknown> } | void>
}

export type CancelReason = 'attendee' | 'organiser' | 'offer_expired' | 'event_cancelled'

export type CancelContext = { reason: CancelReason; now: Date; request?: Request }

export type EventCancelContext = { event: EventForEmail; now: Date; active: Registration[] }

export type RegistrationPolicy<I = unknown, O = unknown, A = unknown> = {
  name: string
  /** First, before the email's existing registration is looked at (an invitation link is checked even then). */
  check?(tx: Tx, ctx: RegisterContext<I, O>): Promise<RegistrationStep | null>
  /** Before any seat is taken: checks (throw AppError) and decisions; null when not involved. */
  beforeSeat?(tx: Tx, ctx: RegisterContext<I, O>): Promise<RegistrationStep | null>
  /** Before an offer is accepted (checks, the status it leads to); null when not involved. */
  acceptOffer?(tx: Tx, ctx: AcceptContext<A>): Promise<AcceptStep | null>
  /** Inside a cancellation, before the registration row changes (rows to lock first). */
  beforeCancel?(tx: Tx, registration: Registration, ctx: CancelContext): Promise<void>
  /** Inside a cancellation, once the seat is freed; what it returns is added to the result. */
  onCancel?(tx: Tx, registration: Registration, ctx: CancelContext): Promise<Record<string, unknown> | void>
  /** After the cancellation committed (a refund asked of a payment provider); must not throw. */
  afterCancel?(result: Record<string, unknown>): Promise<void>
  /** Inside the cancellation of a whole event, before its registrations are cancelled. */
  onEventCancelled?(tx: Tx, ctx: EventCancelContext): Promise<void>
}
