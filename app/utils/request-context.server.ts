// Per-request context, set by the HTTP server around each request: lets helpers such as
// getAuth() memoise work for the request and add response headers (session renewal).
import { AsyncLocalStorage } from 'node:async_hooks'

export type RequestContext = {
  requestId: string
  /** Extra Set-Cookie values the server adds to the response. */
  setCookies: string[]
  memo: Map<string, unknown>
}

export const requestContext = new AsyncLocalStorage<RequestContext>()

export function currentRequestContext() {
  return requestContext.getStore()
}
