// Who attended an event and for how long. Stand-in until the half-day sign-in sheets land (their
// version replaces this file with the same signature): check-in only — confirmed registrations
// that were checked in count for the event's planned duration (each day's hours capped at 7 h,
// certificate-rules.ts `plannedMinutes`), since a check-in says someone came, not when they left.
import { prisma } from '#app/db.server.ts'
import { plannedMinutes } from './certificate-rules.ts'

export async function attendanceOf(
  eventId: string,
): Promise<Map<string /* registrationId */, { minutes: number; source: 'sheets' | 'checkin' }>> {
  const event = await prisma.event.findUniqueOrThrow({ where: { id: eventId }, select: { startsAt: true, endsAt: true, timeZone: true } })
  const minutes = plannedMinutes(event.startsAt, event.endsAt, event.timeZone)
  const rows = await prisma.registration.findMany({
    where: { eventId, status: 'confirmed', checkedInAt: { not: null } },
    select: { id: true },
  })
  return new Map(rows.map((r) => [r.id, { minutes, source: 'checkin' as const }]))
}
