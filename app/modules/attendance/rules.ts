// The sign-in sheet's rules (émargement), as plain functions: which half-days an event gets by
// default, when a session may be signed, who has not signed, and the minutes each trainee attended.
import { localDateOf, parseLocalDateTime } from '#app/shared/time.ts'

/** Kinds whose events keep half-day sheets by default (trainings must prove attendance); the others may opt in. */
export const SHEET_KINDS: readonly string[] = ['yess_academie', 'training']

export function sheetsByDefault(kind: string): boolean {
  return SHEET_KINDS.includes(kind)
}

export const SIGNATURE_METHODS = ['drawn', 'typed'] as const
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number]

/** A drawn signature is a PNG data URL; 200 kB is ample for a finger-drawn line at tablet size. */
export const MAX_DRAWN_SIGNATURE_CHARS = 200_000
export const DRAWN_SIGNATURE_PREFIX = 'data:image/png;base64,'

export function isDrawnSignature(data: string): boolean {
  return (
    data.length <= MAX_DRAWN_SIGNATURE_CHARS &&
    data.startsWith(DRAWN_SIGNATURE_PREFIX) &&
    /^[A-Za-z0-9+/]+={0,2}$/.test(data.slice(DRAWN_SIGNATURE_PREFIX.length))
  )
}

/** Default half-days, wall time in the event's zone. */
export const DEFAULT_HALF_DAYS = [
  { part: 'morning', from: '09:00', to: '12:30' },
  { part: 'afternoon', from: '14:00', to: '17:30' },
] as const

export type HalfDay = { day: string; part: 'morning' | 'afternoon'; startsAt: Date; endsAt: Date }

/** Every calendar day from the event's start to its end (in its zone), morning and afternoon. */
export function halfDaysOf(event: { startsAt: Date; endsAt: Date; timeZone: string }): HalfDay[] {
  const first = localDateOf(event.startsAt, event.timeZone)
  const last = localDateOf(event.endsAt, event.timeZone)
  const out: HalfDay[] = []
  // Walk calendar days at UTC noon so a DST change never skips or repeats a day; at most 60 days.
  for (let d = new Date(`${first}T12:00:00Z`), n = 0; n < 60; d = new Date(d.getTime() + 86_400_000), n++) {
    const day = d.toISOString().slice(0, 10)
    if (day > last) break
    for (const h of DEFAULT_HALF_DAYS) {
      const startsAt = parseLocalDateTime(`${day}T${h.from}`, event.timeZone)
      const endsAt = parseLocalDateTime(`${day}T${h.to}`, event.timeZone)
      if (startsAt && endsAt) out.push({ day, part: h.part, startsAt, endsAt })
    }
  }
  return out
}

export type SessionTimes = { id: string; startsAt: Date; endsAt: Date; closedAt: Date | null }
export type SignatureLine = {
  sessionId: string
  registrationId: string
  signedAt: Date | null
  arrivedAt: Date | null
  leftAt: Date | null
}

/** Trainees may sign from 30 minutes before the start until the trainer closes the sheet (or the day ends). */
export const SIGNING_OPENS_BEFORE_MINUTES = 30

export function isOpenForSigning(session: SessionTimes, now: Date): boolean {
  if (session.closedAt) return false
  const opens = session.startsAt.getTime() - SIGNING_OPENS_BEFORE_MINUTES * 60_000
  // A sheet left unsigned by the trainer stays signable for 12 hours after its end, then only the
  // tablet (organiser) can complete it; a trainee should not sign a morning two days later.
  const closes = session.endsAt.getTime() + 12 * 60 * 60_000
  return now.getTime() >= opens && now.getTime() <= closes
}

/** The confirmed registrations with no signature on the session. */
export function missingSignatures<R extends { id: string }>(
  session: { id: string },
  registrations: readonly R[],
  lines: readonly SignatureLine[],
): R[] {
  const signed = new Set(lines.filter((l) => l.sessionId === session.id && l.signedAt).map((l) => l.registrationId))
  return registrations.filter((r) => !signed.has(r.id))
}

/**
 * Minutes attended per registration: for each session signed, its length, less a late arrival
 * (from the start to arrivedAt) and an early departure (from leftAt to the end). Unsigned
 * sessions count nothing; times outside the session are clamped to it.
 */
export function hoursAttended(sessions: readonly SessionTimes[], lines: readonly SignatureLine[]): Map<string, number> {
  const byId = new Map(sessions.map((s) => [s.id, s]))
  const minutes = new Map<string, number>()
  for (const line of lines) {
    const session = byId.get(line.sessionId)
    if (!session || !line.signedAt) continue
    const start = session.startsAt.getTime()
    const end = session.endsAt.getTime()
    const from = Math.min(Math.max(line.arrivedAt?.getTime() ?? start, start), end)
    const to = Math.max(Math.min(line.leftAt?.getTime() ?? end, end), from)
    const m = Math.round((to - from) / 60_000)
    minutes.set(line.registrationId, (minutes.get(line.registrationId) ?? 0) + m)
  }
  return minutes
}
