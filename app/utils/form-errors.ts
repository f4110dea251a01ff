// Validation and business-rule errors as translated field errors for the organisers' forms:
// message keys become text in the request's language; anything else (a rule's code such as
// "below_taken") becomes the error's own message, or stays as it is when there is none.
import type { AppError } from '#app/utils/errors.ts'
import { isMessageKey, translate, type Locale, type MessageKey, type MessageParams } from '#app/utils/i18n.ts'

export type FieldErrorMap = Record<string, string[]>

const isKey = isMessageKey

/** Message keys → text; anything that is not a key (a code such as "below_taken") is replaced by `fallback`. */
export function translateErrors(
  locale: Locale,
  errors: FieldErrorMap,
  fallback?: { key: MessageKey; params?: MessageParams },
): FieldErrorMap {
  const out: FieldErrorMap = {}
  for (const [field, messages] of Object.entries(errors)) {
    out[field] = [
      ...new Set(
        messages.map((m) =>
          isKey(m) ? translate(locale, m, fallback?.params) : fallback ? translate(locale, fallback.key, fallback.params) : m,
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
