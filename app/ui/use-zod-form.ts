// Conform's useForm with the project's defaults: the form's Zod schema gives the browser's
// constraints and validates on the client the way the server will (first on blur, then on input).
import { useForm, type DefaultValue, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'

/** A form's schema: an object of fields (possibly refined or transformed). */
type FormSchema = z.ZodType<unknown, Record<string, unknown>>

type Options<S extends FormSchema> = {
  id: string
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: DefaultValue<z.input<S>>
}

export function useZodForm<S extends FormSchema>(schema: S, { id, lastResult, defaultValue }: Options<S>) {
  return useForm<z.input<S>, z.output<S>, string[]>({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
}

/**
 * Every error of a form as the error summary's entries: the form's own errors first, then one link
 * per field error to that field (Conform's ids), in the order the fields were declared.
 */
export function summaryEntries(
  form: { errors?: string[]; allErrors: Record<string, string[]> },
  fieldIds: Record<string, string>,
  translateError: (message: string) => string,
) {
  const entries: { text: string; href?: string }[] = (form.errors ?? []).map((text) => ({ text: translateError(text) }))
  for (const [name, id] of Object.entries(fieldIds)) {
    for (const text of form.allErrors[name] ?? []) entries.push({ text: translateError(text), href: `#${id}` })
  }
  return entries
}
