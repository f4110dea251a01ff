// Demo sign-in sheets: the YESS Académie in Narbonne (a past two-day training) gets its four
// half-days; the first morning is signed by most trainees and closed by the trainer, the others
// are left for the demo (missing signatures show at a glance).
import type { Tx } from '#app/db.server.ts'
import { halfDaysOf } from '#app/modules/attendance/rules.ts'

export const DEMO_ATTENDANCE_EVENT = 'yess-academie-narbonne-2026'

export async function seedDemoAttendance(tx: Tx): Promise<{ sessions: number; signatures: number }> {
  const event = await tx.event.findUnique({
    where: { slug: DEMO_ATTENDANCE_EVENT },
    select: { id: true, startsAt: true, endsAt: true, timeZone: true },
  })
  if (!event || (await tx.attendanceSession.count({ where: { eventId: event.id } })) > 0) return { sessions: 0, signatures: 0 }
  const trainees = await tx.registration.findMany({
    where: { eventId: event.id, status: 'confirmed' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, firstName: true, lastName: true },
  })
  let signatures = 0
  const halfDays = halfDaysOf(event)
  for (const [i, h] of halfDays.entries()) {
    const label = `${h.part === 'morning' ? 'Matin' : 'Après-midi'} ${h.day.split('-').reverse().join('/')}`
    const first = i === 0
    const session = await tx.attendanceSession.create({
      data: {
        eventId: event.id,
        label,
        startsAt: h.startsAt,
        endsAt: h.endsAt,
        ...(first
          ? {
              closedAt: h.endsAt,
              signedAt: h.endsAt,
              trainerName: 'Claire Fabre',
              trainerSignature: JSON.stringify({ method: 'typed', data: 'Claire Fabre' }),
            }
          : {}),
      },
    })
    if (!first) continue
    // All but the last two sign; the third arrived 40 minutes late.
    const signing = trainees.slice(0, Math.max(0, trainees.length - 2))
    await tx.attendanceSignature.createMany({
      data: signing.map((t, n) => ({
        sessionId: session.id,
        registrationId: t.id,
        signedAt: new Date(h.startsAt.getTime() + (n === 2 ? 40 : 5 + n) * 60_000),
        method: 'typed',
        data: `${t.firstName} ${t.lastName}`,
        recordedBy: 'self',
        arrivedAt: n === 2 ? new Date(h.startsAt.getTime() + 40 * 60_000) : null,
      })),
    })
    signatures += signing.length
  }
  return { sessions: halfDays.length, signatures }
}
