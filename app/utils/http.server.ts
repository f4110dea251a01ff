// Small HTTP helpers shared by routes and services.
import { redirect } from '@remix-run/node'
import { isAppError } from '#app/utils/errors.ts'

/** A response with a status and a short JSON or text body, thrown to the error boundary. */
export function httpError(status: number, message?: string): Response {
  return new Response(message ?? null, { status })
}

export function notFound(): Response {
  return httpError(404, 'Not found')
}

export function forbidden(): Response {
  return httpError(403, 'Forbidden')
}

/**
 * The Response a route answers for a module's "no such record" or "not yours" (`notFoundError()`,
 * `forbiddenError()`): the plain 404 or 403 that reaches the error boundary. Any other error, an
 * AppError a form shows included, is not one: null.
 */
export function httpResponseOf(error: unknown): Response | null {
  if (!isAppError(error)) return null
  if (error.status === 404 && error.code === 'not_found') return notFound()
  if (error.status === 403 && error.code === 'forbidden') return forbidden()
  return null
}

/** In a route's catch: throws the 404/403 Response for a not-found or forbidden AppError, else rethrows the error as it is. */
export function rethrowAsResponse(error: unknown): never {
  throw httpResponseOf(error) ?? error
}

/** A module call from a loader or action: its not-found or forbidden AppError becomes the route's 404 or 403 page. */
export function orHttpError<T>(promise: Promise<T>): Promise<T> {
  return promise.catch(rethrowAsResponse)
}

const REDIRECT_BASE = 'http://essor.invalid'

/**
 * Only same-site paths are allowed as redirect targets. Browsers drop tabs and newlines from a
 * URL and read a backslash as a slash, so a tab between two slashes would leave the site: control characters and
 * backslashes are refused, and the path must resolve on this origin.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//')) return fallback
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback
  try {
    if (new URL(to, REDIRECT_BASE).origin !== REDIRECT_BASE) return fallback
  } catch {
    return fallback
  }
  return to
}

/** The client IP; X-Forwarded-For is trusted only when TRUST_PROXY is on. */
export function clientIp(request: Request): string {
  const trustProxy = ['on', 'true', '1'].includes(process.env.TRUST_PROXY ?? '')
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')
    if (forwarded) return forwarded.split(',')[0]!.trim()
  }
  return request.headers.get('x-essor-remote-addr') ?? 'unknown'
}

export { redirect }
