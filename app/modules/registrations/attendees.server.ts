// Past attendees of an organisation's events, for the contacts and campaigns modules: the
// confirmed registrations (checked in or not) of those events. Other organisations' events
// are ignored, whatever ids are passed.
import { prisma, type Tx } from '#app/db.server.ts'

export type Attendee = {
  eventId: string
  registrationId: string
  email: string
  firstName: string
  lastName: string
  organisationName: string
  /** A profile code (app/shared/profiles.ts). */
  organisationType: string
  departement: string | null
  locale: string
  checkedIn: boolean
}

export async function attendeesOfEvents(organisationId: string, eventIds: readonly string[], db: Tx = prisma): Promise<Attendee[]> {
  if (eventIds.length === 0) return []
  const rows = await db.registration.findMany({
    where: { status: 'confirmed', eventId: { in: [...new Set(eventIds)] }, event: { organisationId } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      eventId: true,
      email: true,
      firstName: true,
      lastName: true,
      organisationName: true,
      organisationType: true,
      departement: true,
      locale: true,
      checkedInAt: true,
    },
  })
  return rows.map(({ id, checkedInAt, ...r }) => ({ ...r, registrationId: id, checkedIn: checkedInAt !== null }))
}

/** How many registrants an event change would tell: every registration not cancelled (as notifyEventChange). */
export async function countNotifiable(eventId: string, db: Tx = prisma): Promise<number> {
  return db.registration.count({ where: { eventId, status: { in: ['confirmed', 'pending_payment', 'offered', 'waitlisted'] } } })
}
