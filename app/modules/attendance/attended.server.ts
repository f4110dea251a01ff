// Who attended an event, and for how long. Placeholder until the half-day sheets land: it
// counts confirmed registrations that were checked in, for the event's scheduled duration.
// The attendance helper's version (sheets first, then check-in) replaces this file.
import { prisma } from '#app/db.server.ts'

export async function attendanceOf(eventId: string): Promise<Map<string, { minutes: number; source: 'sheets' | 'checkin' }>> {
  const event = await prisma.event.findUnique({ where: { id: eventId }, select: { startsAt: true, endsAt: true } })
  if (!event) return new Map()
  const minutes = Math.max(0, Math.round((event.endsAt.getTime() - event.startsAt.getTime()) / 60_000))
  const rows = await prisma.registration.findMany({
    where: { eventId, status: 'confirmed', checkedInAt: { not: null } },
    select: { id: true },
  })
  return new Map(rows.map((row) => [row.id, { minutes, source: 'checkin' as const }]))
}
