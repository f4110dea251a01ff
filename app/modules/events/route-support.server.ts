// What the organiser's event routes share: loading an event of the
// organisation (404 otherwise) and turning validation or rule errors into translated field errors.
import { data } from '@remix-run/node'
import type { z } from 'zod'
import { isAppError } from '#app/utils/errors.ts'
import { appErrorToFieldErrors, translateErrors, type FieldErrorMap } from '#app/utils/form-errors.ts'
import { forbidden, notFound } from '#app/utils/http.server.ts'
import { localeFromRequest, translate, type MessageKey } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { fieldErrorsOf } from '#app/utils/validation.ts'
import { getEventForOrganiser } from './service.server.ts'

/** The event of this organisation, or a 404 response (never another organisation's event). */
export async function loadOrganiserEvent(organisationId: string, idOrSlug: string | undefined) {
  try {
    return await getEventForOrganiser(organisationId, idOrSlug ?? '')
  } catch (error) {
    if (isAppError(error) && error.status === 404) throw notFound()
    if (isAppError(error) && error.status === 403) throw forbidden()
    throw error
  }
}

export { appErrorToFieldErrors, translateErrors, type FieldErrorMap }

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
