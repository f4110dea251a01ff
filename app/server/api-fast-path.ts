// The API's hottest request, POST /api/v1/events/{slug}/registrations (a registration rush), goes
// straight to its route's action in the server build: the same code Remix would call, with the
// same Request and the same Response, without Remix's per-request routing and stream plumbing.
// In the registration bench this was a fifth of the CPU spent per request.
import type { ServerBuild } from '@remix-run/node'
import type { Request as ExpressRequest, RequestHandler } from 'express'

export const FAST_REGISTRATION_PATH = '/api/v1/events/:slug/registrations'
const ROUTE_ID = 'routes/api.v1.events.$slug.registrations'
/** Bodies are read whole; beyond this the action answers 413 anyway (its limit is 256 KiB). */
const BODY_LIMIT = 1024 * 1024

/** See `json` in app/api/http.server.ts. */
const RESPONSE_TEXT = Symbol.for('essor.responseText')

/**
 * A Request whose body was already read: the action's `request.text()` gets it at once, without
 * the web stream a body passed to the constructor would go through. Only text() and json() are
 * offered: the API reads its bodies with text().
 */
class ReadRequest extends Request {
  readonly #text: string
  constructor(url: string, init: { method: string; headers: Headers }, text: string) {
    super(url, init)
    this.#text = text
  }
  override text() {
    return Promise.resolve(this.#text)
  }
  override json() {
    return Promise.resolve(JSON.parse(this.#text) as unknown)
  }
}

type Action = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>

/** The request's URL as @remix-run/express builds it (host from the trusted proxy headers). */
function urlOf(req: ExpressRequest) {
  const port = [req.get('x-forwarded-host'), req.get('host')].map((h) => Number.parseInt(h?.split(':')[1] ?? '', 10)).find(Number.isSafeInteger)
  return `${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`
}

function headersOf(req: ExpressRequest) {
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  return headers
}

/** The body, whole (a registration is a few hundred bytes); past BODY_LIMIT the rest is drained and dropped. */
function readBody(req: ExpressRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      if (size <= BODY_LIMIT) chunks.push(chunk)
      size += chunk.length
    })
    // Decoded as request.text() would (UTF-8, a BOM is dropped there).
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** The fast handler, or null when the build has no such route (then Remix serves it as before). */
export function fastRegistrationHandler(build: ServerBuild): RequestHandler | null {
  const action = build.routes[ROUTE_ID]?.module.action as Action | undefined
  if (!action) return null
  return async (req, res, next) => {
    try {
      const body = await readBody(req)
      const request = new ReadRequest(urlOf(req), { method: req.method, headers: headersOf(req) }, body)
      const response = await action({ request, params: { slug: req.params.slug ?? '' }, context: {} })
      if (!(response instanceof Response)) throw new Error(`${ROUTE_ID}: the action did not return a Response`)
      res.statusMessage = response.statusText
      res.status(response.status)
      for (const [key, value] of response.headers.entries()) res.append(key, value)
      const text = (response as Response & { [RESPONSE_TEXT]?: string })[RESPONSE_TEXT]
      res.end(text ?? Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      next(error)
    }
  }
}
