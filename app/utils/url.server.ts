// Absolute links for emails and for other sites (Stripe's return pages, the API's links). They never
// come from the request (its Host header is the client's to write): APP_URL when configured, else the
// address this server listens on, http://localhost:PORT, which works on this machine only (the
// server says so when it starts).
export function appOrigin(): string {
  if (process.env.APP_URL) return new URL(process.env.APP_URL).origin
  return `http://localhost:${process.env.PORT ?? 3000}`
}

export function absoluteUrl(path: string): string {
  return new URL(path, appOrigin()).toString()
}

/** Cookies are `Secure` when the app is served over HTTPS, as APP_URL says (never from the request's Host). */
export function secureCookies(): boolean {
  return appOrigin().startsWith('https:')
}
