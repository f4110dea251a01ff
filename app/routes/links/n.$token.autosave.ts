// Autosave of the nomination form (with JavaScript): the page posts the current step's fields a
// moment after typing stops; the answer says when it was saved, which fields did not parse and
// whether the structure is eligible so far.
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs } from '@remix-run/node'
import { NominationStepSchema } from '#app/modules/nominations/link-schema.ts'
import { formDataToFields, stepOf } from '#app/modules/nominations/schema.ts'
import { getNominationByToken, saveDraft } from '#app/modules/nominations/service.server.ts'
import type { Eligibility } from '#app/modules/prizes/rules.ts'
import { isAppError } from '#app/utils/errors.ts'
import { localeFromRequest, translate } from '#app/utils/i18n.ts'

const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'same-origin' }

export type AutosaveResponse =
  | { ok: true; savedAt: string; fieldErrors: Record<string, string[]>; eligibility: Eligibility }
  | { ok: false; code: string; message: string }

export async function loader() {
  return data(
    { ok: false, code: 'method_not_allowed', message: 'POST only' },
    { status: 405, headers: { ...PRIVATE_HEADERS, Allow: 'POST' } },
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? ''
  const locale = localeFromRequest(request)
  const view = await getNominationByToken(token)
  if (!view)
    return data<AutosaveResponse>(
      { ok: false, code: 'nomination_not_found', message: translate(locale, 'nomination.error.notFound') },
      { status: 404, headers: PRIVATE_HEADERS },
    )
  const formData = await request.formData()
  // The step's form, parsed with the page's schema; its fields are the edition's, checked by saveDraft.
  const submission = parseWithZod(formData, { schema: NominationStepSchema })
  if (submission.status !== 'success')
    return data<AutosaveResponse>(
      { ok: false, code: 'invalid_input', message: translate(locale, 'nomination.error.type') },
      { status: 400, headers: PRIVATE_HEADERS },
    )
  try {
    const result = await saveDraft(token, formDataToFields(formData, view.context), stepOf(submission.value.step))
    return data<AutosaveResponse>(
      { ok: true, savedAt: result.savedAt.toISOString(), fieldErrors: result.fieldErrors, eligibility: result.eligibility },
      { headers: PRIVATE_HEADERS },
    )
  } catch (error) {
    if (!isAppError(error) || error.status >= 500) throw error
    const message = error.messageKey ? translate(locale, error.messageKey, error.params) : error.code
    return data<AutosaveResponse>({ ok: false, code: error.code, message }, { status: error.status, headers: PRIVATE_HEADERS })
  }
}
