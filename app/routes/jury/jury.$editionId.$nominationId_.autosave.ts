// Autosave of a juror's scores (with JavaScript): the scoring page posts its form here a moment
// after each change. A sibling of the page (the "_"), not its child. JSON answers: when it was
// saved and whether the evaluation is complete, or why it was refused (with per-field errors).
// Each save carries the page's `revision` (strictly increasing): the beacon sent when the juror
// leaves the page may overtake the autosave still in flight, and must not be overwritten by it.
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs } from '@remix-run/node'
import { requireJuror, requireNominationAccess } from '#app/modules/jury/jurors.server.ts'
import { ScoreFormSchema, scoreValuesOf } from '#app/modules/jury/scoring-schema.ts'
import { saveScore } from '#app/modules/jury/scoring.server.ts'
import { AppError, isAppError } from '#app/utils/errors.ts'
import { appErrorToFieldErrors } from '#app/utils/form-errors.ts'
import { localeFromRequest, translate } from '#app/utils/i18n.ts'
import { orHttpError } from '#app/utils/http.server.ts'

const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'same-origin' }

export type AutosaveResponse =
  | { ok: true; savedAt: string; complete: boolean; total: number | null; stale: boolean }
  | { ok: false; code: string; message: string; fields?: Record<string, string[]> }

export async function loader() {
  return data(
    { ok: false, code: 'method_not_allowed', message: 'POST only' },
    { status: 405, headers: { ...PRIVATE_HEADERS, Allow: 'POST' } },
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { juror } = await orHttpError(requireJuror(request, params.editionId))
  const nominationId = params.nominationId ?? ''
  await orHttpError(requireNominationAccess(juror, nominationId))
  const locale = localeFromRequest(request)
  const form = await request.formData()
  try {
    // The page's form, parsed with the page's schema (its Save button's, without the intent).
    const submission = parseWithZod(form, { schema: ScoreFormSchema })
    if (submission.status !== 'success') {
      const fields = Object.fromEntries(Object.entries(submission.error ?? {}).map(([name, keys]) => [name, keys ?? []]))
      throw new AppError({ status: 400, code: 'invalid_input', messageKey: 'jury.error.invalid', fields })
    }
    const { comment, revision } = submission.value
    // The page's revision (see saveScore): a save overtaken by a later one changes nothing.
    const saved = await saveScore(juror.id, nominationId, scoreValuesOf(submission.value), comment, { revision: revision ?? null })
    return data<AutosaveResponse>(
      { ok: true, savedAt: saved.savedAt.toISOString(), complete: saved.complete, total: saved.total, stale: saved.stale },
      { headers: PRIVATE_HEADERS },
    )
  } catch (error) {
    if (!isAppError(error) || error.status >= 500) throw error
    const message = error.messageKey ? translate(locale, error.messageKey, error.params) : error.code
    const { _form: _, ...fields } = error.fields ? appErrorToFieldErrors(locale, error) : {}
    return data<AutosaveResponse>({ ok: false, code: error.code, message, fields }, { status: error.status, headers: PRIVATE_HEADERS })
  }
}
