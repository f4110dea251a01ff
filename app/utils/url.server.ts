// Absolute links for emails: APP_URL when configured (production), else the request's origin,
// else the local server.
export function appOrigin(request?: Request): string {
  if (process.env.APP_URL) return new URL(process.env.APP_URL).origin
  if (request) return new URL(request.url).origin
  return `http://localhost:${process.env.PORT ?? 3000}`
}

export function absoluteUrl(path: string, request?: Request): string {
  return new URL(path, appOrigin(request)).toString()
}
