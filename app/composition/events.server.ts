// Event changes that reach the registrations held on the event: the events module runs the change
// and its transaction, and calls these registrations functions at the right point (the capacity in
// its own transaction first, notifying and cancelling in the change's transaction), so each change
// stays atomic while events imports nothing above it. Routes call these, not events' own.
import {
  cancelEvent as cancelEventWith,
  previewEventUpdate as previewEventUpdateWith,
  updateEvent as updateEventWith,
  type Actor,
  type EventRegistrations,
} from '#app/modules/events/service.server.ts'
import type { EventPatch } from '#app/modules/events/schema.ts'
import { countNotifiable } from '#app/modules/registrations/attendees.server.ts'
import { notifyEventChange, setEventCapacity } from '#app/modules/registrations/service.server.ts'
import { cancelAllForEvent } from './registrations.server.ts'

export const eventRegistrations: EventRegistrations = {
  countToNotify: (eventId) => countNotifiable(eventId),
  setCapacity: (eventId, capacity, actor) => setEventCapacity(eventId, capacity, actor),
  notifyChange: (tx, event, changes, message) => notifyEventChange(tx, event, changes, message),
  cancelAll: (tx, event, message) => cancelAllForEvent(tx, event, message),
}

/** What an update would change for attendees, and how many registrants could be told. */
export function previewEventUpdate(organisationId: string, eventId: string, patch: EventPatch) {
  return previewEventUpdateWith(organisationId, eventId, patch, eventRegistrations)
}

/** Changes an event; a capacity change goes through registrations, and so do the notifications. */
export function updateEvent(
  organisationId: string,
  eventId: string,
  patch: EventPatch,
  opts: Actor & { notify?: boolean; message?: string | null } = {},
) {
  return updateEventWith(organisationId, eventId, patch, opts, eventRegistrations)
}

/** Cancels the event and, in the same transaction, every registration of it (each holder emailed). */
export function cancelEvent(organisationId: string, eventId: string, message: string | null, actor: Actor = {}) {
  return cancelEventWith(organisationId, eventId, message, actor, eventRegistrations)
}
