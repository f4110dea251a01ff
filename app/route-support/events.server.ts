// What the organiser's event routes share: loading an event of the organisation (404 otherwise). Route code: it answers with Responses, which modules never do.
import { getEventForOrganiser } from '#app/modules/events/service.server.ts'
import { isAppError } from '#app/utils/errors.ts'
import { forbidden, notFound } from '#app/utils/http.server.ts'

/** The event of this organisation, or a 404 response (never another organisation's event). */
export async function loadOrganiserEvent(organisationId: string, idOrSlug: string | undefined) {
  try {
    return await getEventForOrganiser(organisationId, idOrSlug ?? '')
  } catch (error) {
    if (isAppError(error) && error.status === 404) throw notFound()
    if (isAppError(error) && error.status === 403) throw forbidden()
    throw error
  }
}
