// The HTTP application: static files, security headers, request ids and logs, the Origin
// check, then Remix. Used by `npm start` and by the integration tests.
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { randomUUID } from 'node:crypto'
import type { Env } from '#app/utils/env.server.ts'
import { logger } from '#app/utils/logger.server.ts'
import { publicPageCache, unlessPublicPageHit } from '#app/utils/public-page-cache.server.ts'
import { requestContext } from '#app/utils/request-context.server.ts'
import { originCheck } from './origin-check.ts'

export function createHttpApp(env: Env, build: ServerBuild | (() => Promise<ServerBuild>)) {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', env.TRUST_PROXY)

  const requestSetup: express.RequestHandler = (req, res, next) => {
    const requestId = (req.get('x-request-id') ?? '').slice(0, 64) || randomUUID()
    const started = process.hrtime.bigint()
    res.setHeader('X-Request-Id', requestId)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
    res.setHeader('X-Frame-Options', 'SAMEORIGIN')
    res.setHeader('Permissions-Policy', 'camera=(self), geolocation=(), microphone=()')
    // The client address reaches Remix loaders through a header only the server can set.
    req.headers['x-essor-remote-addr'] = req.ip ?? req.socket.remoteAddress ?? 'unknown'
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const level = res.statusCode >= 500 ? 'error' : 'info'
      logger[level]({ requestId, method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(ms) }, 'request')
    })
    const ctx = { requestId, setCookies: [] as string[], memo: new Map<string, unknown>() }
    // Cookies added during the request (session renewal) are appended before Remix writes the head.
    const writeHead = res.writeHead.bind(res)
    res.writeHead = ((...args: Parameters<typeof res.writeHead>) => {
      for (const cookie of ctx.setCookies) res.appendHeader('Set-Cookie', cookie)
      return writeHead(...args)
    }) as typeof res.writeHead
    requestContext.run(ctx, next)
  }
  const origin = originCheck(env.APP_URL)

  // A kept public page carries its own compressed copies (made once per render, not per visitor).
  app.use(unlessPublicPageHit(compression()))
  // Fingerprinted assets are immutable; the rest of public/ is cached briefly. Every file there has
  // an extension: page paths (no dot in their last segment) skip the file-system look-up.
  app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
  const publicFiles = express.static('build/client', { maxAge: '1h' })
  app.use((req, res, next) => (/\.[^/]*$/.test(req.path) ? publicFiles(req, res, next) : next()))
  app.use(requestSetup)
  app.use(origin)
  // An event's public page for anonymous visitors: one render serves everyone for a few seconds.
  app.get('/e/:slug', publicPageCache)

  const mode = env.NODE_ENV === 'development' ? 'development' : 'production'
  app.all('*', createRequestHandler({ build, mode }))
  return app
}
