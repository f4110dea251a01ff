// GET /api/v1/events/{slug}/attendance: per session its times, whether the trainer signed, and
// each trainee line (who, when, how, late arrival / early departure). Signature images stay out.
import { sheetsForApi } from '#app/modules/attendance/service.server.ts'
import type { ApiAuth } from './events.server.ts'
import { organiserEvent } from './registrations.server.ts'

const iso = (d: Date | null) => d?.toISOString() ?? null

export async function attendanceForApi(auth: ApiAuth, slug: string) {
  const event = await organiserEvent(auth, slug)
  const sessions = await sheetsForApi(auth.organisation.id, event.id)
  return {
    event: { id: event.id, slug: event.slug },
    sessions: sessions.map((s) => ({
      id: s.id,
      label: s.label,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      closedAt: iso(s.closedAt),
      trainer: { name: s.trainerName, signed: s.signedAt !== null, signedAt: iso(s.signedAt) },
      signatures: s.signatures.map((l) => ({
        registrationId: l.registrationId,
        firstName: l.registration.firstName,
        lastName: l.registration.lastName,
        email: l.registration.email,
        organisation: l.registration.organisationName,
        signed: l.signedAt !== null,
        signedAt: iso(l.signedAt),
        method: l.method,
        arrivedAt: iso(l.arrivedAt),
        leftAt: iso(l.leftAt),
      })),
    })),
  }
}
