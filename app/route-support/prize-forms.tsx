// The browser's side of `answerFor` (prizes.server.ts): the reply of one form of a page with several.
import { useActionData } from '@remix-run/react'
import type { KeyedFormReply } from './prizes.server.ts'

/** Conform's last reply when it belongs to the form `formKey`, for `useZodForm({ lastResult })`. */
export function useFormResult(formKey: string) {
  const result = useActionData<KeyedFormReply>()
  return result && result.formKey === formKey ? result.result : undefined
}

/** The errors of a reply that belongs to `formKey` (one-button forms, answered at the top of the page). */
export function useFormErrors(formKey: string): string[] {
  const result = useFormResult(formKey)
  return Object.values(result?.error ?? {}).flatMap((m) => m ?? [])
}
