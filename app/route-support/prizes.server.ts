// What the organiser's prize routes share: loading an edition of the organisation (404 otherwise;
// route code, as it answers with Responses).
import { isAppError } from '#app/utils/errors.ts'
import { forbidden, notFound } from '#app/utils/http.server.ts'
import { getEditionForOrganiser } from '#app/modules/prizes/service.server.ts'

/** The edition of this organisation, or a 404 response (never another organisation's edition). */
export async function loadOrganiserEdition(organisationId: string, idOrSlug: string | undefined) {
  try {
    return await getEditionForOrganiser(organisationId, idOrSlug ?? '')
  } catch (error) {
    if (isAppError(error) && error.status === 404) throw notFound()
    if (isAppError(error) && error.status === 403) throw forbidden()
    throw error
  }
}
