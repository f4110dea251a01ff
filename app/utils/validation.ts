// Zod issues as form errors, the one shape every form and API error body uses.
import type { z } from 'zod'
import { invalidInputError } from './errors.ts'
import type { MessageKey } from './i18n.ts'

/** Zod issues → {field: [message keys]} (first path segment; "_form" for the whole object). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : '_form'
    const list = (out[field] ??= [])
    if (!list.includes(issue.message)) list.push(issue.message)
  }
  return out
}

/** The input parsed by the schema, or an `invalid_input` error (422) with its field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, messageKey: MessageKey): z.output<S> {
  const result = schema.safeParse(input)
  if (!result.success) throw invalidInputError(messageKey, fieldErrorsOf(result.error))
  return result.data
}
