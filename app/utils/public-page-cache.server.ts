// The rendered HTML of an event's public page as anonymous visitors get it, kept a few seconds
// (PUBLIC_CACHE_TTL_MS, 3 s by default; 0 turns it off): when an event opens and hundreds arrive
// at once, one render serves them all, and visitors who arrive while it is being rendered wait for
// it instead of rendering it again. Only pages without any personal part are kept: no session or
// toast cookie, no query string, a 200 answer marked `public` by the loader and setting no cookie.
// The key holds the host and the language, the only other inputs of such a page.
//
// A kept page also keeps its gzip and Brotli copies, made the first time a visitor asks for each:
// a hit is answered before the compression middleware (see `unlessPublicPageHit`), so compressing
// costs once per render instead of once per visitor.
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import { createCache } from '#app/shared/cache.ts'
import { localeFromRequest } from './i18n.ts'

export type CachedPage = {
  status: number
  headers: [string, string][]
  body: Buffer
  /** Compressed copies, made on first demand. */
  encoded: { gzip?: Buffer; br?: Buffer }
}

const MAX_ENTRIES = 500
/** Headers of Remix's answer replayed on a hit; the per-request ones are set again by http.ts. */
const KEPT_HEADERS = ['content-type', 'cache-control', 'vary']
const PERSONAL_COOKIE = /(?:^|;\s*)(essor_session|essor_toast)=/
/** The pages kept: an event's public page, /e/{slug}. */
const PAGE_PATH = /^\/e\/[^/.]+\/?$/
/** Where a hit found before compression waits for `publicPageCache` (res.locals). */
const HIT = 'essorPublicPageHit'

// Each page is kept with the TTL read when it was rendered (PUBLIC_CACHE_TTL_MS may change in tests).
const pages = createCache<CachedPage>({ ttlMs: 3000, max: MAX_ENTRIES })
const pending = new Map<string, Promise<CachedPage | null>>()

/** Forget every kept page (after an organiser's change: visible at once in this process). */
export function forgetPublicPages() {
  pages.clear()
}

function ttlMs() {
  const ttl = Number(process.env.PUBLIC_CACHE_TTL_MS ?? 3000)
  return Number.isFinite(ttl) && ttl > 0 ? ttl : 0
}

/** The cache key of an anonymous, cacheable page request, or null when it must be rendered for this visitor. */
export function publicPageKey(req: Request): string | null {
  if (req.method !== 'GET' || !PAGE_PATH.test(req.path)) return null
  const queryAt = req.originalUrl.indexOf('?')
  if (queryAt !== -1) return null
  // Single fetch's data requests (/e/x.data) are not pages.
  if (req.path.endsWith('.data')) return null
  if (PERSONAL_COOKIE.test(req.headers.cookie ?? '')) return null
  const locale = localeFromRequest({ headers: { get: (name: string) => req.get(name) ?? null } } as unknown as globalThis.Request)
  return `${req.hostname}\n${locale}\n${req.path}`
}

/** The copy of `page` in the encoding the visitor prefers (made now if it is the first to ask). */
function encodedFor(req: Request, page: CachedPage): { encoding: 'br' | 'gzip' | null; body: Buffer } {
  // Brotli whenever the visitor accepts it (browsers list it after gzip at the same weight), as compression does.
  const encoding = req.acceptsEncodings('br') ? 'br' : req.acceptsEncodings('gzip') ? 'gzip' : null
  if (encoding === 'br') {
    page.encoded.br ??= brotliCompressSync(page.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } })
    return { encoding, body: page.encoded.br }
  }
  if (encoding === 'gzip') {
    page.encoded.gzip ??= gzipSync(page.body)
    return { encoding, body: page.encoded.gzip }
  }
  return { encoding: null, body: page.body }
}

/** A kept page, whole. Before the compression middleware, it sends its own compressed copy. */
function send(req: Request, res: Response, page: CachedPage) {
  for (const [name, value] of page.headers) res.setHeader(name, value)
  res.setHeader('X-Essor-Page-Cache', 'hit')
  if (res.locals[HIT] !== page) return res.status(page.status).end(page.body)
  const { encoding, body } = encodedFor(req, page)
  res.vary('Accept-Encoding')
  if (encoding) res.setHeader('Content-Encoding', encoding)
  res.setHeader('Content-Length', body.length)
  res.status(page.status).end(body)
}

/**
 * Runs `middleware` (the compression middleware) for every request but a kept public page's, which
 * is answered by `publicPageCache` later in the chain with its own compressed copy.
 */
export function unlessPublicPageHit(middleware: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const key = ttlMs() > 0 ? publicPageKey(req) : null
    const hit = key ? pages.get(key) : undefined
    if (!hit) return middleware(req, res, next)
    res.locals[HIT] = hit
    next()
  }
}

/**
 * Express middleware for a public page route: serves a kept copy, waits for one being rendered,
 * or lets Remix render it and keeps what it wrote when it qualifies.
 */
export function publicPageCache(req: Request, res: Response, next: NextFunction) {
  const found = res.locals[HIT] as CachedPage | undefined
  if (found) return send(req, res, found)
  const ttl = ttlMs()
  const key = ttl > 0 ? publicPageKey(req) : null
  if (!key) return next()
  const hit = pages.get(key)
  if (hit) return send(req, res, hit)
  const inFlight = pending.get(key)
  if (inFlight) {
    inFlight.then(
      (page) => (page && !res.headersSent ? send(req, res, page) : next()),
      () => next(),
    )
    return
  }

  let settle!: (page: CachedPage | null) => void
  const rendered = new Promise<CachedPage | null>((resolve) => (settle = resolve))
  pending.set(key, rendered)
  const done = (page: CachedPage | null) => {
    if (pending.get(key) === rendered) pending.delete(key)
    if (page) pages.set(key, page, { ttl })
    settle(page)
  }

  // What Remix writes, captured beside the real response (before compression, which wraps earlier).
  const chunks: Buffer[] = []
  const write = res.write.bind(res) as (...args: unknown[]) => boolean
  const end = res.end.bind(res) as (...args: unknown[]) => Response
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'))
    else chunks.push(Buffer.from(chunk as Uint8Array))
  }
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    keep(chunk, encoding)
    return write(chunk, encoding, cb)
  }) as typeof res.write
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    keep(chunk, encoding)
    return end(chunk, encoding, cb)
  }) as typeof res.end
  res.on('finish', () => {
    const cacheControl = String(res.getHeader('cache-control') ?? '')
    const qualifies = res.statusCode === 200 && /\bpublic\b/.test(cacheControl) && !res.getHeader('set-cookie')
    if (!qualifies) return done(null)
    const headers: [string, string][] = []
    for (const name of KEPT_HEADERS) {
      const value = res.getHeader(name)
      if (value !== undefined) headers.push([name, Array.isArray(value) ? value.join(', ') : String(value)])
    }
    done({ status: 200, headers, body: Buffer.concat(chunks), encoded: {} })
  })
  res.on('close', () => {
    if (!res.writableFinished) done(null)
  })
  next()
}
