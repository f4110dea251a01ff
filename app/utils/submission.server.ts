// The one way a form route answers: Conform parses the submitted data with the form's Zod schema,
// the service runs, and a business error it throws (an AppError below 500) comes back as Conform's
// reply, its fields as field errors and its message as the form's error, translated for the request.
import type { Submission, SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import type { z } from 'zod'
import { isAppError, type AppError } from '#app/utils/errors.ts'
import { appErrorToFieldErrors } from '#app/utils/form-errors.ts'
import { localeFromRequest } from '#app/utils/i18n.ts'

/** What a form action returns when it does not redirect: Conform's reply, for `useForm({ lastResult })`. */
export type FormReply = { result: SubmissionResult<string[]> }

type ReplyOptions = { hideFields?: string[] }

/** A service's business error as Conform's reply: field errors where it names fields, else a form error. */
export function replyWithAppError<I, O>(
  submission: Submission<I, string[], O>,
  request: Request,
  error: AppError,
  options: ReplyOptions = {},
): SubmissionResult<string[]> {
  const { _form, ...fieldErrors } = appErrorToFieldErrors(localeFromRequest(request), error)
  return submission.reply({ formErrors: _form, fieldErrors, hideFields: options.hideFields })
}

/**
 * Parses `formData` with `schema`; when it fails, answers 400 with Conform's reply. Otherwise runs
 * `run` with the parsed value and returns what it returns (usually a redirect); an AppError below 500
 * that it throws is answered with its status and the error as Conform's reply. Anything else is thrown.
 */
export async function submitForm<S extends z.ZodType, R>(
  request: Request,
  formData: FormData,
  schema: S,
  run: (value: z.output<S>, submission: Submission<z.input<S>, string[], z.output<S>>) => Promise<R>,
  options: ReplyOptions = {},
) {
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') {
    return data<FormReply>({ result: submission.reply({ hideFields: options.hideFields }) }, { status: 400 })
  }
  try {
    return await run(submission.value, submission)
  } catch (error) {
    if (isAppError(error) && error.status < 500) {
      return data<FormReply>({ result: replyWithAppError(submission, request, error, options) }, { status: error.status })
    }
    throw error
  }
}
