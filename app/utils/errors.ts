// One typed error for business rules: an HTTP status, a stable code, an i18n message key and
// optional per-field errors. Routes turn it into a form error or a JSON 4xx body.
import type { MessageKey, MessageParams } from '#app/utils/i18n.ts'

export class AppError extends Error {
  readonly status: number
  readonly code: string
  readonly messageKey: MessageKey | undefined
  readonly params: MessageParams | undefined
  readonly fields: Record<string, string[]> | undefined

  constructor(opts: {
    status: number
    code: string
    message?: string
    messageKey?: MessageKey
    params?: MessageParams
    fields?: Record<string, string[]>
  }) {
    super(opts.message ?? opts.code)
    this.name = 'AppError'
    this.status = opts.status
    this.code = opts.code
    this.messageKey = opts.messageKey
    this.params = opts.params
    this.fields = opts.fields
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}

/** Prisma's unique-constraint violation (P2002), on either provider. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002'
}

// The errors every service throws the same way.
export function notFoundError() {
  return new AppError({ status: 404, code: 'not_found', messageKey: 'error.404.title' })
}

/** Not allowed to see or change this record (a route answers 403, see `rethrowAsResponse`). */
export function forbiddenError() {
  return new AppError({ status: 403, code: 'forbidden', messageKey: 'error.403.title' })
}

/** A form's input refused: 422 with per-field message keys and the form's summary message. */
export function invalidInputError(messageKey: MessageKey, fields: Record<string, string[]>) {
  return new AppError({ status: 422, code: 'invalid_input', messageKey, fields })
}

export function conflictError(code: string, messageKey: MessageKey, params?: MessageParams, fields?: Record<string, string[]>) {
  return new AppError({ status: 409, code, messageKey, params, fields })
}
