// What the organiser's prize routes share: loading an edition of the organisation (404 otherwise;
// route code, as it answers with Responses) and reading the edition form (checkboxes, départements
// or regions).
import { findRegion } from '#app/shared/territories.ts'
import { isAppError } from '#app/utils/errors.ts'
import { forbidden, notFound } from '#app/utils/http.server.ts'
import { getEditionForOrganiser } from '#app/modules/prizes/service.server.ts'
import { formValues } from '#app/utils/route-forms.server.ts'

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

/**
 * "31, 34" → ["31", "34"]; "Occitanie" → its thirteen départements. Items are separated by commas
 * or semicolons (region names contain spaces); codes inside one item may also be separated by spaces.
 */
export function expandDepartements(text: string): string[] {
  const out: string[] = []
  for (const item of text
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const region = /\d/.test(item) ? null : findRegion(item)
    if (region) out.push(...region.departements)
    else out.push(...item.split(/\s+/).filter(Boolean))
  }
  return [...new Set(out)]
}

/**
 * The submitted edition form: `values` (strings, to refill the form after an error; legal forms
 * comma-joined) and `input` for `editionFormSchema` (legal forms and départements as arrays).
 */
export function readEditionForm(formData: FormData) {
  const values = formValues(formData)
  const legalForms = formData.getAll('eligibleLegalForms').filter((v): v is string => typeof v === 'string')
  values.eligibleLegalForms = legalForms.join(',')
  const input = { ...values, eligibleLegalForms: legalForms, eligibleDepartements: expandDepartements(values.eligibleDepartements ?? '') }
  return { values, input }
}
