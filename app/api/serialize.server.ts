// What the API shows of events and registrations: plain JSON with ISO 8601 instants in UTC, the
// database's column names mapped to the API's (waitlistEnabled → waitlist, organisationName →
// organisation). Counts are the live ones: confirmed, waitlisted and offered registrations.
import { availabilityOf } from '#app/modules/events/public.server.ts'
import { seatsLeft } from '#app/modules/events/availability.ts'
import { parseAnswers } from '#app/shared/questions.ts'

export type EventCounts = {
  confirmed: number
  waitlisted: number
  offered: number
  cancelled?: number
  checkedIn?: number
  pending_payment?: number
}

type EventBase = {
  slug: string
  title: string
  kind: string
  status: string
  visibility: string
  startsAt: Date
  endsAt: Date
  timeZone: string
  town: string | null
  capacity: number | null
  waitlistEnabled: boolean
}

type EventFull = EventBase & {
  description: string
  venueName: string | null
  address: string | null
  departement: string | null
  onlineUrl: string | null
  offerHours: number
  registrationOpensAt: Date | null
  registrationClosesAt: Date | null
  contactEmail: string | null
}

type Organisation = { slug: string; name: string }

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

/** Seats held by live counts (confirmed + open offers): the cached event's counter may lag a little. */
function held(counts: EventCounts) {
  // Paid tickets waiting for their payment hold their seat too.
  return counts.confirmed + counts.offered + (counts.pending_payment ?? 0)
}

/** The fields of an event in a list. */
export function eventSummaryJson(event: EventBase, counts: EventCounts, organisation: Organisation) {
  return {
    slug: event.slug,
    title: event.title,
    kind: event.kind,
    status: event.status,
    published: event.status === 'published',
    visibility: event.visibility,
    startsAt: iso(event.startsAt),
    endsAt: iso(event.endsAt),
    timeZone: event.timeZone,
    town: event.town,
    capacity: event.capacity,
    waitlist: event.waitlistEnabled,
    confirmed: counts.confirmed,
    waitlisted: counts.waitlisted,
    offered: counts.offered,
    pendingPayment: counts.pending_payment ?? 0,
    seatsLeft: seatsLeft(event.capacity, held(counts)),
    organisation: { slug: organisation.slug, name: organisation.name },
  }
}

type SlotJson = {
  id: string
  label: string
  startsAt: Date
  endsAt: Date
  workshops: { id: string; title: string; description: string; room: string | null; capacity: number | null; seatsTaken: number }[]
}
type QuestionJson = { id: string; label: string; help: string | null; type: string; required: boolean; options: string[] }

/** One event with its programme and questions (what a client needs to register someone). */
export function eventDetailJson(
  event: EventFull,
  counts: EventCounts,
  organisation: Organisation,
  extra: { slots: SlotJson[]; questions: QuestionJson[]; now?: Date; organiserView?: boolean },
) {
  const availability = availabilityOf({ ...event, seatsTaken: held(counts) }, extra.now)
  return {
    ...eventSummaryJson(event, counts, organisation),
    description: event.description,
    venueName: event.venueName,
    address: event.address,
    departement: event.departement,
    onlineUrl: event.onlineUrl,
    offerHours: event.offerHours,
    contactEmail: event.contactEmail,
    ...(extra.organiserView ? { cancelled: counts.cancelled ?? 0, checkedIn: counts.checkedIn ?? 0 } : {}),
    registration: {
      state: availability.state,
      open: availability.state === 'open' || availability.state === 'waitlist',
      ...(availability.state === 'closed' ? { reason: availability.reason } : {}),
      opensAt: iso(event.registrationOpensAt),
      closesAt: iso(event.registrationClosesAt),
    },
    slots: extra.slots.map((s) => ({
      id: s.id,
      label: s.label,
      startsAt: iso(s.startsAt),
      endsAt: iso(s.endsAt),
      workshops: s.workshops.map((w) => ({
        id: w.id,
        title: w.title,
        description: w.description,
        room: w.room,
        capacity: w.capacity,
        seatsLeft: seatsLeft(w.capacity, w.seatsTaken),
      })),
    })),
    questions: extra.questions.map((q) => ({
      id: q.id,
      label: q.label,
      help: q.help,
      type: q.type,
      required: q.required,
      options: q.options,
    })),
  }
}

type RegistrationRow = {
  id: string
  email: string
  status: string
  firstName: string
  lastName: string
  organisationName: string
  organisationType: string
  departement: string | null
  phone: string | null
  accessibilityNeeds: string | null
  dietaryNeeds: string | null
  /** Stored JSON, or already parsed. */
  answers: string | Record<string, unknown>
  locale: string
  source: string
  ticketCode: string
  createdAt: Date
  waitlistedAt: Date | null
  offerExpiresAt: Date | null
  checkedInAt: Date | null
  cancelledAt: Date | null
  cancelReason: string | null
  workshops: { slotId: string; workshopId: string; workshop?: { title: string } }[]
}

/** A registration as organisers see it through their token. */
export function registrationJson(r: RegistrationRow) {
  return {
    id: r.id,
    email: r.email,
    status: r.status,
    firstName: r.firstName,
    lastName: r.lastName,
    organisation: r.organisationName,
    organisationType: r.organisationType,
    departement: r.departement,
    phone: r.phone,
    accessibilityNeeds: r.accessibilityNeeds,
    dietaryNeeds: r.dietaryNeeds,
    answers: parseAnswers(r.answers),
    workshops: r.workshops.map((w) => ({ slotId: w.slotId, workshopId: w.workshopId, ...(w.workshop ? { title: w.workshop.title } : {}) })),
    locale: r.locale,
    source: r.source,
    ticketCode: r.ticketCode,
    createdAt: iso(r.createdAt),
    waitlistedAt: iso(r.waitlistedAt),
    offerExpiresAt: iso(r.offerExpiresAt),
    checkedInAt: iso(r.checkedInAt),
    cancelledAt: iso(r.cancelledAt),
    cancelReason: r.cancelReason,
  }
}
