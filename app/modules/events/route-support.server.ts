// What the organiser's event routes share: the permission check, loading an event of the
// organisation (404 otherwise) and turning validation or rule errors into translated field errors.
import { requireMembership } from '#app/modules/auth/session.server.ts'
import type { Role } from '#app/modules/organisations/service.server.ts'
import { isAppError, type AppError } from '#app/utils/errors.ts'
import { forbidden, notFound } from '#app/utils/http.server.ts'
import { translate, type Locale, type MessageKey, type MessageParams } from '#app/utils/i18n.ts'
import { getEventForOrganiser } from './service.server.ts'

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

export type FieldErrorMap = Record<string, string[]>

const KEY = /^[a-z]+(\.[A-Za-z0-9]+)+$/

/** Message keys → text; anything that is not a key (a code such as "below_taken") is replaced by `fallback`. */
export function translateErrors(locale: Locale, errors: FieldErrorMap, fallback?: { key: MessageKey; params?: MessageParams }): FieldErrorMap {
  const out: FieldErrorMap = {}
  for (const [field, messages] of Object.entries(errors)) {
    out[field] = [
      ...new Set(
        messages.map((m) =>
          KEY.test(m) ? translate(locale, m as MessageKey, fallback?.params) : fallback ? translate(locale, fallback.key, fallback.params) : m,
        ),
      ),
    ]
  }
  return out
}

/** A business-rule error as form errors: its fields when it names some, else one error for the whole form. */
export function appErrorToFieldErrors(locale: Locale, error: AppError): FieldErrorMap {
  const fallback = error.messageKey ? { key: error.messageKey, params: error.params } : undefined
  if (error.fields && Object.keys(error.fields).length > 0) return translateErrors(locale, error.fields, fallback)
  return { _form: [fallback ? translate(locale, fallback.key, fallback.params) : error.message] }
}

/** The submitted text fields (first value of each), to refill a form after an error. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !(key in values)) values[key] = value
  }
  return values
}
