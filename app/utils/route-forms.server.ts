// What form routes share, whatever the domain: the submitted values to refill a form, the action of a
// page listing form questions, and running a change whose business error becomes the action's data.
import { data } from '@remix-run/node'
import type { z } from 'zod'
import { isAppError } from '#app/utils/errors.ts'
import { appErrorToFieldErrors, translateErrors, type FieldErrorMap } from '#app/utils/form-errors.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { fieldErrorsOf } from '#app/utils/validation.ts'

/** The submitted text fields (first value of each), to refill a form after an error. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !(key in values)) values[key] = value
  }
  return values
}

export type QuestionActionResult = { formKey: string; values: Record<string, string>; errors: FieldErrorMap }

/** What a questions page does with each intent: its form schema, its service calls and its messages. */
export type QuestionIntents<I> = {
  schema: { safeParse(values: unknown): { success: true; data: I } | { success: false; error: z.ZodError } }
  create: (input: I) => Promise<unknown>
  update: (questionId: string, input: I) => Promise<unknown>
  remove: (questionId: string) => Promise<unknown>
  move: (questionId: string, direction: 'up' | 'down') => Promise<unknown>
  toasts: { created: MessageKey; updated: MessageKey; deleted: MessageKey; moved: MessageKey }
  unknownAction: MessageKey
}

/**
 * The action of a page listing form questions (an event's registration form, an edition's
 * nomination form): create, update, delete and reorder, each answered with a toast, or with the
 * form's values and errors under the key of the form that was sent.
 */
export async function questionsAction<I>(request: Request, values: Record<string, string>, intents: QuestionIntents<I>) {
  const locale = localeFromRequest(request)
  const intent = values.intent ?? ''
  const questionId = values.questionId ?? ''
  const formKey = intent === 'question.create' ? 'question-new' : intent === 'question.update' ? `question-${questionId}` : 'page'
  const fail = (errors: FieldErrorMap, status: number) => data<QuestionActionResult>({ formKey, values, errors }, { status })
  const done = (key: MessageKey) => redirectWithToast(request, new URL(request.url).pathname, { type: 'success', key })
  try {
    switch (intent) {
      case 'question.create':
      case 'question.update': {
        const parsed = intents.schema.safeParse(values)
        if (!parsed.success) return fail(translateErrors(locale, fieldErrorsOf(parsed.error)), 400)
        if (intent === 'question.create') await intents.create(parsed.data)
        else await intents.update(questionId, parsed.data)
        return done(intent === 'question.create' ? intents.toasts.created : intents.toasts.updated)
      }
      case 'question.delete':
        await intents.remove(questionId)
        return done(intents.toasts.deleted)
      case 'question.move':
        await intents.move(questionId, values.direction === 'up' ? 'up' : 'down')
        return done(intents.toasts.moved)
      default:
        return fail({ _form: [translate(locale, intents.unknownAction)] }, 400)
    }
  } catch (error) {
    if (isAppError(error) && error.status < 500) return fail(appErrorToFieldErrors(locale, error), error.status)
    throw error
  }
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
