// Field errors of the payments forms as text. The events module's helpers only translate keys
// whose first segment is lower-case ("events.error.x"); ours are "paymentsAdmin.error.x".
import type { AppError } from '#app/utils/errors.ts'
import { messages } from '#app/locales/index.ts'
import { translate, type Locale, type MessageKey, type MessageParams } from '#app/utils/i18n.ts'

export type FieldErrorMap = Record<string, string[]>

const isKey = (text: string): text is MessageKey => text in messages.fr

/** Message keys → text in the locale (with the error's params); anything else is kept as it is. */
export function translateFieldErrors(locale: Locale, errors: FieldErrorMap, params?: MessageParams): FieldErrorMap {
  const out: FieldErrorMap = {}
  for (const [field, list] of Object.entries(errors)) out[field] = [...new Set(list.map((m) => (isKey(m) ? translate(locale, m, params) : m)))]
  return out
}

/** A business-rule error as form errors: its fields when it names some, else one error for the whole form. */
export function appErrorFields(locale: Locale, error: AppError): FieldErrorMap {
  if (error.fields && Object.keys(error.fields).length > 0) return translateFieldErrors(locale, error.fields, error.params)
  return { _form: [error.messageKey ? translate(locale, error.messageKey, error.params) : error.message] }
}
