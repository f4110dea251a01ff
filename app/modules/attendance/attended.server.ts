// Who attended an event and for how long, for certificates and satisfaction surveys. One source
// per event: the sign-in sheets when the event has sessions, otherwise the check-in at the door.
import { prisma } from '#app/db.server.ts'
import { attendeesOfEvents } from '#app/modules/registrations/attendees.server.ts'
import { hoursAttended } from './rules.ts'

/**
 * Without sheets, a checked-in person is taken to have attended the whole scheduled event, but at
 * most 7 hours (a training day) per calendar day it spans: a conference from 9:00 on Monday to
 * 17:00 on Tuesday counts 2 × 7 h, not the 32 hours between its start and its end.
 */
export const CHECKIN_MAX_MINUTES_PER_DAY = 7 * 60

function dayKey(date: Date, timeZone: string) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date)
}

/** The event's scheduled minutes, capped per day (see CHECKIN_MAX_MINUTES_PER_DAY). */
export function scheduledMinutes(event: { startsAt: Date; endsAt: Date; timeZone: string }): number {
  const total = Math.max(0, Math.round((event.endsAt.getTime() - event.startsAt.getTime()) / 60_000))
  const first = new Date(`${dayKey(event.startsAt, event.timeZone)}T00:00:00Z`).getTime()
  const last = new Date(`${dayKey(event.endsAt, event.timeZone)}T00:00:00Z`).getTime()
  const days = Math.max(1, Math.round((last - first) / 86_400_000) + 1)
  return Math.min(total, days * CHECKIN_MAX_MINUTES_PER_DAY)
}

/**
 * Registration id → minutes attended and where the figure comes from. Only people who attended are
 * in the map: with sheets, confirmed registrations that signed at least one session; without, the
 * confirmed registrations checked in.
 */
export async function attendanceOf(eventId: string): Promise<Map<string, { minutes: number; source: 'sheets' | 'checkin' }>> {
  const event = await prisma.event.findUnique({
    where: { id: eventId },
    select: {
      organisationId: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      attendanceSessions: {
        select: { id: true, startsAt: true, endsAt: true, closedAt: true, signatures: { where: { signedAt: { not: null } } } },
      },
    },
  })
  const out = new Map<string, { minutes: number; source: 'sheets' | 'checkin' }>()
  if (!event) return out
  const attendees = await attendeesOfEvents(event.organisationId, [eventId])
  if (event.attendanceSessions.length > 0) {
    const confirmed = new Set(attendees.map((a) => a.registrationId))
    const minutes = hoursAttended(
      event.attendanceSessions,
      event.attendanceSessions.flatMap((s) => s.signatures),
    )
    for (const [registrationId, m] of minutes) if (confirmed.has(registrationId)) out.set(registrationId, { minutes: m, source: 'sheets' })
    return out
  }
  const minutes = scheduledMinutes(event)
  for (const a of attendees) if (a.checkedIn) out.set(a.registrationId, { minutes, source: 'checkin' })
  return out
}
