// What the organiser's event routes share: the permission check and loading an event of the
// organisation (404 otherwise). Route code: it answers with Responses, which modules never do.
import { requireMembership } from '#app/modules/auth/session.server.ts'
import { getEventForOrganiser } from '#app/modules/events/service.server.ts'
import type { Role } from '#app/modules/organisations/service.server.ts'
import { isAppError } from '#app/utils/errors.ts'
import { forbidden, notFound } from '#app/utils/http.server.ts'

export const ORGANISER_ROLES: readonly Role[] = ['admin', 'organiser']

export function requireOrganiser(request: Request, orgSlug: string | undefined) {
  return requireMembership(request, orgSlug, ORGANISER_ROLES)
}

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
