// What the organiser's campaign pages need besides the campaign itself: the events and prize
// editions a campaign can be about, and the contacts to hand-pick from.
import { listOrganisationEvents } from '#app/modules/events/service.server.ts'
import { listEditions } from '#app/modules/prizes/service.server.ts'
import { listContacts } from '#app/modules/contacts/service.server.ts'

export async function campaignTargets(organisationId: string) {
  const [events, editions] = await Promise.all([
    listOrganisationEvents(organisationId, { archived: 'exclude' }),
    listEditions(organisationId),
  ])
  return {
    events: events.map((e) => ({ id: e.id, title: e.title, past: e.past })),
    editions: editions.map((e) => ({ id: e.id, title: e.title })),
  }
}

export async function pickableContacts(organisationId: string) {
  return (await listContacts(organisationId, {}, { pageSize: 500 })).rows.map((c) => ({
    id: c.id,
    label: `${`${c.firstName} ${c.lastName}`.trim() || c.email} <${c.email}>${c.structure ? ` — ${c.structure}` : ''}`,
  }))
}
