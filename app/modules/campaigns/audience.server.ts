// The people a campaign's audience selects: the organisation's contacts (the contacts module reads
// them) and the confirmed attendees of chosen events (the registrations module reads them), one per
// address, matched against the audience's criteria. It sits in campaigns, above both, so the
// catalogue's contacts import no registration.
import { prisma, type Tx } from '#app/db.server.ts'
import { audienceSchema, hasCriteria, matchesAudience, type Audience, type AudienceInput } from '#app/modules/contacts/audience.ts'
import { isContactLocale } from '#app/modules/contacts/schema.ts'
import { normaliseEmail } from '#app/shared/email-address.ts'
import { departementFromText } from '#app/shared/territories.ts'
import { audienceContacts, type AudienceContact } from '#app/modules/contacts/service.server.ts'
import { suppressedAmong } from '#app/modules/email/suppression.server.ts'
import { attendeesOfEvents } from '#app/modules/registrations/attendees.server.ts'

/** A contact or an attendee an audience selects; attendees not in the contacts have no contactId. */
export type AudienceRecipient = Omit<AudienceContact, 'contactId' | 'tags'> & {
  contactId: string | null
  /** On the organisation's suppression list: campaigns must not write to it. */
  suppressed: boolean
}

async function audiencePeople(organisationId: string, audience: Audience, db: Tx) {
  type Person = Omit<AudienceRecipient, 'suppressed'> & { tags: string[]; attendedEventIds: string[] }
  if (!hasCriteria(audience) && audience.contactIds.length === 0) return []
  const people = new Map<string, Person>()
  for (const c of await audienceContacts(organisationId, audience, db)) people.set(c.email, { ...c, attendedEventIds: [] })
  if (audience.attendeesOfEventIds.length > 0) {
    for (const a of await attendeesOfEvents(organisationId, audience.attendeesOfEventIds, db)) {
      const email = normaliseEmail(a.email)
      const known = people.get(email)
      if (known) {
        if (!known.attendedEventIds.includes(a.eventId)) known.attendedEventIds.push(a.eventId)
        continue
      }
      people.set(email, {
        contactId: null,
        email,
        firstName: a.firstName,
        lastName: a.lastName,
        structure: a.organisationName || null,
        profile: a.organisationType || null,
        departement: a.departement ? (departementFromText(a.departement) ?? null) : null,
        locale: isContactLocale(a.locale) ? a.locale : 'fr',
        tags: [],
        attendedEventIds: [a.eventId],
      })
    }
  }
  return [...people.values()].filter((p) => matchesAudience(p, audience))
}

/**
 * The people an audience selects in the organisation, one per address (sorted by address),
 * each flagged when suppressed. Nobody is left out for suppression: the sender filters.
 */
export async function selectAudience(organisationId: string, audience: AudienceInput, db: Tx = prisma): Promise<AudienceRecipient[]> {
  const parsed = audienceSchema.parse(audience)
  const people = await audiencePeople(organisationId, parsed, db)
  const suppressed = await suppressedAmong(
    organisationId,
    people.map((p) => p.email),
    db,
  )
  return people
    .map(({ tags: _tags, attendedEventIds: _events, ...p }) => ({ ...p, suppressed: suppressed.has(p.email) }))
    .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0))
}

/** How many people the audience selects, and how many of them are suppressed (for the editor). */
export async function countAudience(
  organisationId: string,
  audience: AudienceInput,
  db: Tx = prisma,
): Promise<{ total: number; suppressed: number }> {
  const parsed = audienceSchema.parse(audience)
  const people = await audiencePeople(organisationId, parsed, db)
  const suppressed = await suppressedAmong(
    organisationId,
    people.map((p) => p.email),
    db,
  )
  return { total: people.length, suppressed: suppressed.size }
}
