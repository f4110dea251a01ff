// Who a campaign writes to: the audience definition and the rule deciding whether one person is
// in it. Pure (Zod only); the service (selectAudience / countAudience) applies it to the
// organisation's contacts and to the past attendees of events.
//
// Semantics:
// - Criteria are tags, profiles, départements and "attended one of these events".
// - Within one criterion, any listed value matches (OR): tags ["epci", "élus"] selects people
//   tagged epci or élus.
// - Across criteria, every non-empty criterion must match (AND): tags ["élus"] and
//   départements ["31"] selects élus of Haute-Garonne.
// - An empty criterion does not filter. When every criterion is empty, nobody is selected by
//   criteria (an empty audience selects nobody, never "everyone").
// - Hand-picked contacts (contactIds) are always included, whatever the criteria.
// - The population is the organisation's contacts, plus, when attendeesOfEventIds is not empty,
//   the confirmed attendees of those events even if they are not contacts (they have no tags,
//   their profile and département come from their registration). A person is one address:
//   duplicates are merged, the contact's data winning over the registration's.
import { z } from 'zod'
import { normaliseDepartement } from '#app/shared/territories.ts'
import { normaliseTags } from './schema.ts'

export const AUDIENCE_LIMIT = 500

const ids = z.array(z.string().trim().min(1).max(100)).max(AUDIENCE_LIMIT).default([])

export const audienceSchema = z.object({
  tags: z
    .array(z.string())
    .max(AUDIENCE_LIMIT)
    .default([])
    .transform((t) => normaliseTags(t)),
  profiles: z.array(z.string().trim().min(1).max(40)).max(AUDIENCE_LIMIT).default([]),
  departements: z
    .array(z.string().trim().min(1).max(3))
    .max(AUDIENCE_LIMIT)
    .default([])
    .transform((d) => d.map(normaliseDepartement)),
  attendeesOfEventIds: ids,
  contactIds: ids,
})

export type Audience = z.output<typeof audienceSchema>
export type AudienceInput = z.input<typeof audienceSchema>

export const EMPTY_AUDIENCE: Audience = { tags: [], profiles: [], departements: [], attendeesOfEventIds: [], contactIds: [] }

/** What the rule needs to know about a person. */
export type AudienceMember = {
  contactId: string | null
  tags: readonly string[]
  profile: string | null
  departement: string | null
  /** Events of the audience's list this person attended (confirmed registrations). */
  attendedEventIds: readonly string[]
}

/** True when no criterion and no hand-picked contact is set: such an audience selects nobody. */
export function isEmptyAudience(a: Audience): boolean {
  return (
    a.tags.length === 0 &&
    a.profiles.length === 0 &&
    a.departements.length === 0 &&
    a.attendeesOfEventIds.length === 0 &&
    a.contactIds.length === 0
  )
}

/** True when the audience has at least one criterion (hand-picked contacts aside). */
export function hasCriteria(a: Audience): boolean {
  return a.tags.length > 0 || a.profiles.length > 0 || a.departements.length > 0 || a.attendeesOfEventIds.length > 0
}

/** Whether the person belongs to the audience (see the semantics at the top of this file). */
export function matchesAudience(person: AudienceMember, audience: Audience): boolean {
  if (person.contactId !== null && audience.contactIds.includes(person.contactId)) return true
  if (!hasCriteria(audience)) return false
  if (audience.tags.length > 0 && !person.tags.some((t) => audience.tags.includes(t))) return false
  if (audience.profiles.length > 0 && (person.profile === null || !audience.profiles.includes(person.profile))) return false
  if (audience.departements.length > 0 && (person.departement === null || !audience.departements.includes(person.departement))) return false
  if (audience.attendeesOfEventIds.length > 0 && !person.attendedEventIds.some((e) => audience.attendeesOfEventIds.includes(e)))
    return false
  return true
}

/** Parses an audience stored as JSON (e.g. on a campaign); a damaged value reads as the empty audience. */
export function parseAudience(json: string | null | undefined): Audience {
  if (!json) return EMPTY_AUDIENCE
  try {
    const result = audienceSchema.safeParse(JSON.parse(json))
    return result.success ? result.data : EMPTY_AUDIENCE
  } catch {
    return EMPTY_AUDIENCE
  }
}
