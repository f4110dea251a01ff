// What form routes share, whatever the domain: the submitted values to refill a form and running a
// change whose business error becomes the action's data.
import { isAppError } from '#app/utils/errors.ts'
import { appErrorToFieldErrors } from '#app/utils/form-errors.ts'
import type { Locale } from '#app/utils/i18n.ts'

/** The submitted text fields (first value of each), to refill a form after an error. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !(key in values)) values[key] = value
  }
  return values
}

export type JuryActionErrors = { intent: string; id: string; errors: Record<string, string[]> }

/** Runs a change; a business error (status < 500) becomes `{ intent, id, errors }` with its status. */
export async function attempt(
  locale: Locale,
  intent: string,
  id: string,
  run: () => Promise<unknown>,
): Promise<{ failed: JuryActionErrors; status: number } | null> {
  try {
    await run()
    return null
  } catch (error) {
    if (isAppError(error) && error.status < 500)
      return { failed: { intent, id, errors: appErrorToFieldErrors(locale, error) }, status: error.status }
    throw error
  }
}

/** A positive integer from a form field, or null when empty or not a number. */
export function intOrNull(value: FormDataEntryValue | null): number | null {
  const s = typeof value === 'string' ? value.trim() : ''
  if (!s) return null
  const n = Number(s)
  return Number.isInteger(n) ? n : Number.NaN
}
