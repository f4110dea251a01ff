// What the organiser's prize routes share: loading an edition of the organisation (404 otherwise;
// route code, as it answers with Responses).
import { data } from '@remix-run/node'
import type { FormReply } from '#app/utils/submission.server.ts'
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

/** Conform's reply, marked with the form of the page it belongs to (see `useFormResult`). */
export type KeyedFormReply = FormReply & { formKey: string }

function isFormReply(r: unknown): r is { data: FormReply; init: ResponseInit | null } {
  return typeof r === 'object' && r !== null && !(r instanceof Response) && 'data' in r && 'init' in r
}

/**
 * What `submitForm` answers, with Conform's reply marked as `formKey`'s, so that a page with several
 * forms shows it in that form only; a redirect or any other answer goes through unchanged.
 */
export async function answerFor<R>(formKey: string, reply: Promise<R>) {
  const r = await reply
  return isFormReply(r) ? data<KeyedFormReply>({ ...r.data, formKey }, r.init ?? undefined) : r
}
