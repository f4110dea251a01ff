// The JSON API's plumbing: every answer is JSON, every error is {"errors": {"field": ["message"]}}
// (plus a stable "code" when a business rule refused), messages follow Accept-Language.
// Routes wrap their work in `handleApi`, which turns whatever is thrown (AppError, Zod errors,
// the JSON 401/403 of requireApiToken, plain Responses) into that shape; never a 500 for bad input.
import { ZodError, type z } from 'zod'
import { formErrorMessage } from '#app/shared/form-message.ts'
import { isAppError, type AppError } from '#app/utils/errors.ts'
import {
  isMessageKey,
  localeFromRequest,
  translate,
  translator,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '#app/utils/i18n.ts'
import { logger } from '#app/utils/logger.server.ts'

export type ApiErrors = Record<string, string[]>

/** Largest JSON body accepted; a registration or an event is a few kilobytes. */
export const MAX_BODY_BYTES = 256 * 1024

const JSON_TYPE = 'application/json; charset=utf-8'

export function json(data: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers)
  headers.set('Content-Type', JSON_TYPE)
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store')
  return new Response(JSON.stringify(data), { status: init.status ?? 200, headers })
}

/** An error answer: `{"errors": {...}}`, with the rule's code when there is one. */
export function jsonError(status: number, errors: ApiErrors, opts: { code?: string; headers?: HeadersInit } = {}): Response {
  return json(opts.code ? { errors, code: opts.code } : { errors }, { status, headers: opts.headers })
}

/**
 * A message key (optionally with parameters, "key?max=80", as the registration form writes them)
 * in the request's language; text that is not a key is returned as it is, or `fallback`.
 */
export function messageOf(locale: Locale, text: string, fallback?: string): string {
  const key = text.split('?', 1)[0]!
  if (isMessageKey(key)) return formErrorMessage(translator(locale), text)
  return fallback ?? text
}

export function t(locale: Locale, key: MessageKey, params?: MessageParams) {
  return translate(locale, key, params)
}

/** An error about the request as a whole, under one name ("body", "event"…). */
export function errorOf(
  locale: Locale,
  status: number,
  field: string,
  key: MessageKey,
  params?: MessageParams,
  opts: { code?: string; headers?: HeadersInit } = {},
) {
  return jsonError(status, { [field]: [translate(locale, key, params)] }, opts)
}

/** Fields named by a schema's "whole object" issues get this name in the API. */
const WHOLE_OBJECT_FIELDS = new Set(['', '_form'])

function addError(errors: ApiErrors, field: string, message: string) {
  const list = (errors[field] ??= [])
  if (!list.includes(message)) list.push(message)
}

/**
 * AppError → errors. Field messages that are message keys are translated; the others (codes such
 * as "full") are replaced by the error's own message, which says what went wrong in words.
 */
export function appErrorToErrors(error: AppError, locale: Locale, wholeField = 'body'): ApiErrors {
  const message = error.messageKey ? translate(locale, error.messageKey, error.params) : error.message
  const errors: ApiErrors = {}
  for (const [field, list] of Object.entries(error.fields ?? {})) {
    const name = WHOLE_OBJECT_FIELDS.has(field) ? wholeField : field
    for (const m of list) addError(errors, name, messageOf(locale, m, message))
  }
  if (Object.keys(errors).length === 0) addError(errors, wholeField, message)
  return errors
}

/** Zod issues → errors named by their dotted path (answers.<questionId>, workshops…). */
export function zodIssuesToErrors(issues: readonly z.core.$ZodIssue[], locale: Locale, wholeField = 'body'): ApiErrors {
  const errors: ApiErrors = {}
  for (const issue of issues) {
    const name = issue.path.map(String).join('.')
    addError(errors, WHOLE_OBJECT_FIELDS.has(name) ? wholeField : name, messageOf(locale, issue.message, issue.message))
  }
  return errors
}

/** Already-collected field errors holding message keys (e.g. from the registration form's parser). */
export function translateErrors(
  fieldErrors: Record<string, string[]>,
  locale: Locale,
  formErrors: string[] = [],
  wholeField = 'body',
): ApiErrors {
  const errors: ApiErrors = {}
  const fallback = translate(locale, 'api.error.invalid')
  for (const [field, list] of Object.entries(fieldErrors)) {
    for (const m of list) addError(errors, WHOLE_OBJECT_FIELDS.has(field) ? wholeField : field, messageOf(locale, m, m || fallback))
  }
  for (const m of formErrors) addError(errors, wholeField, messageOf(locale, m, m || fallback))
  return errors
}

function describeJson(value: unknown) {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/**
 * Reads the body as a JSON object. Throws a JSON 415 (declared as something other than JSON),
 * 413 (too large) or 400 (empty, malformed, or not an object) under the name "body".
 */
export async function parseJsonBody(request: Request, locale: Locale = localeFromRequest(request)): Promise<Record<string, unknown>> {
  const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase()
  // No Content-Type is tolerated (curl --data-binary, simple clients); another declared type is not.
  if (type && type !== 'application/json' && !type.endsWith('+json') && type !== 'text/json') {
    throw errorOf(locale, 415, 'body', 'api.error.unsupportedMediaType')
  }
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > MAX_BODY_BYTES) throw errorOf(locale, 413, 'body', 'api.error.bodyTooLarge', { max: MAX_BODY_BYTES })
  const text = await request.text()
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw errorOf(locale, 413, 'body', 'api.error.bodyTooLarge', { max: MAX_BODY_BYTES })
  if (!text.trim()) throw errorOf(locale, 400, 'body', 'api.error.bodyRequired')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw errorOf(locale, 400, 'body', 'api.error.malformedJson', { detail: (error as Error).message })
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw errorOf(locale, 400, 'body', 'api.error.objectExpected', { found: describeJson(value) })
  }
  return value as Record<string, unknown>
}

export function methodNotAllowed(request: Request, allowed: string[]) {
  const locale = localeFromRequest(request)
  return errorOf(
    locale,
    405,
    'method',
    'api.error.methodNotAllowed',
    { method: request.method, allowed: allowed.join(', ') },
    { headers: { Allow: allowed.join(', ') } },
  )
}

export function routeNotFound(request: Request) {
  return errorOf(localeFromRequest(request), 404, 'path', 'api.error.routeNotFound')
}

/** A Response thrown by shared code (a plain-text 404, say) in the API's JSON shape. */
async function asJsonResponse(response: Response, locale: Locale): Promise<Response> {
  const type = response.headers.get('content-type') ?? ''
  if (type.includes('json') || response.status < 400) return response
  const text = (await response.text().catch(() => '')).trim()
  const message = response.status === 404 ? translate(locale, 'error.404.title') : text || response.statusText || `HTTP ${response.status}`
  return jsonError(response.status, { [response.status === 404 ? 'path' : 'body']: [message] }, { headers: pickHeaders(response.headers) })
}

function pickHeaders(headers: Headers): HeadersInit {
  const out: Record<string, string> = {}
  for (const name of ['retry-after', 'www-authenticate', 'allow']) {
    const v = headers.get(name)
    if (v) out[name] = v
  }
  return out
}

export type ApiContext = { locale: Locale }

/**
 * Runs an API handler and turns what it throws into JSON errors. `wholeField` names errors about
 * the request as a whole (e.g. "registration" for "the event is full").
 */
export async function handleApi(
  request: Request,
  fn: (ctx: ApiContext) => Promise<Response>,
  opts: { wholeField?: string } = {},
): Promise<Response> {
  const locale = localeFromRequest(request)
  try {
    return await fn({ locale })
  } catch (error) {
    if (error instanceof Response) return asJsonResponse(error, locale)
    if (isAppError(error)) return jsonError(error.status, appErrorToErrors(error, locale, opts.wholeField), { code: error.code })
    if (error instanceof ZodError)
      return jsonError(422, zodIssuesToErrors(error.issues, locale, opts.wholeField), { code: 'invalid_input' })
    logger.error({ err: error, method: request.method, url: request.url }, 'API request failed')
    return jsonError(500, { server: [translate(locale, 'api.error.server')] }, { code: 'server_error' })
  }
}
