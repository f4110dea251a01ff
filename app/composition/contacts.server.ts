// Adding people met elsewhere as contacts: the registrations and nominations modules read them,
// the contacts module writes them. Composition, so the catalogue's contacts import neither.
import { listOrganisationEvents } from '#app/modules/events/service.server.ts'
import { addPeopleAsContacts, profileFromLegalForm, type Actor, type AddPeopleResult } from '#app/modules/contacts/service.server.ts'
import { nomineesOfEdition } from '#app/modules/nominations/contacts.server.ts'
import { listEditions } from '#app/modules/prizes/service.server.ts'
import { attendeesOfEvents } from '#app/modules/registrations/attendees.server.ts'

/**
 * Adds the confirmed attendees of one of the organisation's events as contacts (source
 * "attendee"), with the tag. People already in the contacts keep their data and get the tag.
 */
export async function addAttendeesAsContacts(
  organisationId: string,
  eventId: string,
  tag: string,
  actor: Actor = {},
): Promise<AddPeopleResult> {
  const attendees = await attendeesOfEvents(organisationId, [eventId])
  const people = attendees.map((a) => ({ ...a, structure: a.organisationName, profile: a.organisationType }))
  return addPeopleAsContacts(
    organisationId,
    people,
    tag,
    { source: 'attendee', action: 'contact.addAttendees', details: { eventId } },
    actor,
  )
}

/** Adds the people behind an edition's submitted nominations as contacts (source "nominee"), with the tag. */
export async function addNomineesAsContacts(
  organisationId: string,
  editionId: string,
  tag: string,
  actor: Actor = {},
): Promise<AddPeopleResult> {
  const nominees = await nomineesOfEdition(organisationId, editionId)
  const people = nominees.map((n) => ({ ...n, profile: profileFromLegalForm(n.legalForm) }))
  return addPeopleAsContacts(
    organisationId,
    people,
    tag,
    { source: 'nominee', action: 'contact.addNominees', details: { editionId } },
    actor,
  )
}

/** The organisation's events and prize editions, for the "add attendees / nominees" forms. */
export async function contactSourceChoices(organisationId: string) {
  const [events, editions] = await Promise.all([
    listOrganisationEvents(organisationId, { archived: 'include' }),
    listEditions(organisationId),
  ])
  return {
    events: events.map((e) => ({ id: e.id, slug: e.slug, title: e.title, startsAt: e.startsAt, confirmed: e.counts.confirmed })),
    editions: editions.map((e) => ({ id: e.id, slug: e.slug, title: e.title, nominations: e.nominationCount })),
  }
}
