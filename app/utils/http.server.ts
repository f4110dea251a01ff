// Small HTTP helpers shared by routes and services.
import { redirect } from '@remix-run/node'

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

/** Only same-site relative paths are allowed as redirect targets. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  return to
}

export function isLocalHost(hostname: string) {
  return hostname === 'localhost' || hostname === '::1' || hostname === '[::1]' || hostname.startsWith('127.')
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
