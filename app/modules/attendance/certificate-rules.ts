// Certificates of attendance, the pure part: which certificate an event gives (certificat de
// réalisation for trainings, attestation de présence otherwise), the default wording per kind and
// language, the merge fields of a template ({{prenom}}…), the hours planned and how hours read.
import { localDateOf, parseLocalDateTime } from '#app/shared/time.ts'
import type { Locale } from '#app/utils/i18n.ts'

export type CertificateKind = 'realisation' | 'presence'

/** Trainings (YESS Académie, training) prove completion (the Ministry of Labour's model); the rest, presence. */
export function certificateKindOf(eventKind: string): CertificateKind {
  return eventKind === 'yess_academie' || eventKind === 'training' ? 'realisation' : 'presence'
}

export const MERGE_FIELDS = ['prenom', 'nom', 'evenement', 'dates', 'heures', 'heures_prevues', 'organisation', 'lieu'] as const
export type MergeField = (typeof MERGE_FIELDS)[number]
export type MergeValues = Record<MergeField, string>

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g

/** The fields a text names that the certificate does not know, each once, in order of appearance. */
export function unknownMergeFields(text: string): string[] {
  const unknown = new Set<string>()
  for (const m of text.matchAll(FIELD)) if (!(MERGE_FIELDS as readonly string[]).includes(m[1]!)) unknown.add(m[1]!)
  return [...unknown]
}

/** The text with each {{field}} replaced by its value (unknown ones are refused when saved; left as written here). */
export function renderMergeFields(text: string, values: MergeValues): string {
  return text.replace(FIELD, (whole, name: string) => (Object.hasOwn(values, name) ? values[name as MergeField] : whole))
}

export type CertificateWording = { title: string; body: string }

const DEFAULTS: Record<CertificateKind, Record<Locale, CertificateWording>> = {
  realisation: {
    fr: {
      title: 'Certificat de réalisation',
      body: 'Je soussigné(e), représentant(e) de {{organisation}}, atteste que {{prenom}} {{nom}} a suivi l’action « {{evenement}} » du {{dates}}, pour une durée de {{heures}} sur {{heures_prevues}} prévues.',
    },
    en: {
      title: 'Certificate of completion',
      body: 'I, the undersigned, on behalf of {{organisation}}, certify that {{prenom}} {{nom}} attended the training “{{evenement}}” ({{dates}}) for {{heures}} out of the {{heures_prevues}} planned.',
    },
  },
  presence: {
    fr: {
      title: 'Attestation de présence',
      body: '{{organisation}} atteste que {{prenom}} {{nom}} a participé à « {{evenement}} », le {{dates}} à {{lieu}}, pour une durée de {{heures}}.',
    },
    en: {
      title: 'Certificate of attendance',
      body: '{{organisation}} certifies that {{prenom}} {{nom}} attended “{{evenement}}” on {{dates}} in {{lieu}}, for {{heures}}.',
    },
  },
}

export function defaultWording(kind: CertificateKind, locale: Locale): CertificateWording {
  return DEFAULTS[kind][locale]
}

/** The wording an attendee gets: the organiser's for their language when set, else the default of the kind. */
export function wordingFor(
  kind: CertificateKind,
  locale: Locale,
  template: { title: string | null; body: string | null; titleEn: string | null; bodyEn: string | null } | null,
): CertificateWording {
  const fallback = defaultWording(kind, locale)
  const title = locale === 'en' ? template?.titleEn : template?.title
  const body = locale === 'en' ? template?.bodyEn : template?.body
  return { title: title || fallback.title, body: body || fallback.body }
}

/** Longest day a certificate counts: a training day is 7 hours, whatever the event's opening hours. */
export const MAX_MINUTES_PER_DAY = 7 * 60

/**
 * Minutes an event plans: its span cut at each local midnight of its time zone, each day capped at
 * 7 hours (a 9:00–17:30 day is 7 h, a three-day seminar 21 h, not the 56 h between its ends).
 */
export function plannedMinutes(startsAt: Date, endsAt: Date, timeZone: string): number {
  let total = 0
  let cursor = startsAt.getTime()
  const end = endsAt.getTime()
  while (cursor < end) {
    const day = localDateOf(new Date(cursor), timeZone)
    const next = new Date(`${day}T12:00:00Z`)
    next.setUTCDate(next.getUTCDate() + 1)
    const midnight = parseLocalDateTime(`${next.toISOString().slice(0, 10)}T00:00`, timeZone)?.getTime() ?? end
    const dayEnd = Math.min(Math.max(midnight, cursor + 60_000), end)
    total += Math.min(MAX_MINUTES_PER_DAY, Math.round((dayEnd - cursor) / 60_000))
    cursor = dayEnd
  }
  return total
}

/** "7 h", "3 h 30" (French, no-break spaces); "7 h", "3 h 30 min" (English). */
export function formatHours(minutes: number, locale: Locale): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (locale === 'en') return m ? `${h}\u00a0h\u00a0${m}\u00a0min` : `${h}\u00a0h`
  return m ? `${h}\u00a0h\u00a0${String(m).padStart(2, '0')}` : `${h}\u00a0h`
}

/** The reference printed on a certificate: the event's slug and its number in the event ("CERT-FORUM-ESS-0007"). */
export function certificateReference(eventSlug: string, number: number): string {
  return `CERT-${eventSlug.toUpperCase().slice(0, 24)}-${String(number).padStart(4, '0')}`
}

/** Who gets a certificate on a send: everyone who attended, less those already sent unless it is a re-send to all. */
export function recipientsOf<T extends { registrationId: string }>(
  attendees: T[],
  alreadySent: ReadonlySet<string>,
  resendAll: boolean,
): T[] {
  return resendAll ? attendees : attendees.filter((a) => !alreadySent.has(a.registrationId))
}
