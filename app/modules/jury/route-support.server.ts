// What the jury's organiser routes share: turning a service's AppError into the action's
// error data, and reading small numbers from a form.
import { appErrorToFieldErrors } from '#app/modules/events/route-support.server.ts'
import { isAppError } from '#app/utils/errors.ts'
import type { Locale } from '#app/utils/i18n.ts'

export type JuryActionErrors = { intent: string; id: string; errors: Record<string, string[]> }

/** Runs a change; a business error (status < 500) becomes `{ intent, id, errors }` with its status. */
export async function attempt(locale: Locale, intent: string, id: string, run: () => Promise<unknown>): Promise<{ failed: JuryActionErrors; status: number } | null> {
  try {
    await run()
    return null
  } catch (error) {
    if (isAppError(error) && error.status < 500) return { failed: { intent, id, errors: appErrorToFieldErrors(locale, error) }, status: error.status }
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
