// The confirmed attendees of an event as their badges need them, in the organiser's order, all of
// them or the ones picked on the badges page (ids) or matching its filter.
import { prisma } from '#app/db.server.ts'
import { sortBadges, type BadgeOrder, type BadgePerson } from './badge-rules.ts'

export async function badgePeopleOf(
  eventId: string,
  options: { order: BadgeOrder; ids?: string[] | null; q?: string | null },
): Promise<BadgePerson[]> {
  const q = options.q?.trim().toLowerCase()
  const people = await prisma.registration.findMany({
    where: {
      eventId,
      status: 'confirmed',
      ...(options.ids ? { id: { in: options.ids } } : {}),
      ...(q ? { searchText: { contains: q } } : {}),
    },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      organisationName: true,
      organisationType: true,
      ticketCode: true,
      createdAt: true,
    },
  })
  return sortBadges(people, options.order)
}
