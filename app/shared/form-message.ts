// Error messages of the shared form schemas are i18n keys with parameters after a "?"
// ("register.error.tooLong?max=100"); this turns one into text.
import type { MessageKey, MessageParams, Translate } from '#app/utils/i18n.ts'

/** Translates one error key (or returns a message already translated unchanged). */
export function formErrorMessage(t: Translate, error: string): string {
  // Only "some.key" or "some.key?a=1" is a key; anything else was translated already.
  if (!/^[a-zA-Z0-9_.]+(\?.*)?$/.test(error)) return error
  const [key, query] = error.split('?', 2) as [string, string | undefined]
  const params: MessageParams = query ? Object.fromEntries(new URLSearchParams(query)) : {}
  return t(key as MessageKey, params)
}
