// The anonymous public-page cache (public-page-cache.server.ts) in front of a stand-in renderer
// that counts its renders, through a real socket and the compression middleware as http.ts mounts it.
import compression from 'compression'
import express from 'express'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { request as httpRequest } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { forgetPublicPages, publicPageCache, unlessPublicPageHit } from './public-page-cache.server.ts'

let server: Server
let base = ''
let renders = 0
let delayMs = 0
let cacheControl = 'public, max-age=5'
let setCookie = false

beforeAll(async () => {
  process.env.PUBLIC_CACHE_TTL_MS = '60000'
  const app = express()
  app.use(unlessPublicPageHit(compression()))
  app.get('/e/:slug', publicPageCache)
  app.all('*', async (req, res) => {
    renders++
    const n = renders
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs))
    if (req.path === '/e/missing') return res.status(404).set('Cache-Control', cacheControl).end('not found')
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.setHeader('Cache-Control', cacheControl)
    res.setHeader('Vary', 'Cookie, Accept-Language')
    if (setCookie) res.setHeader('Set-Cookie', 'x=1')
    // Written in two chunks, as a streamed render is.
    res.write(`<p>${req.get('accept-language')?.slice(0, 2) ?? '-'} render ${n} `)
    res.end(`${'é'.repeat(2000)}</p>`)
  })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterEach(() => {
  forgetPublicPages()
  delayMs = 0
  cacheControl = 'public, max-age=5'
  setCookie = false
})

afterAll(() => {
  delete process.env.PUBLIC_CACHE_TTL_MS
  return new Promise((resolve) => server.close(resolve))
})

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers: { 'Accept-Language': 'fr-FR', ...headers } })

describe('public page cache', () => {
  test('an anonymous page is rendered once, then served whole (same bytes, headers, compressed on request)', async () => {
    const before = renders
    const first = await get('/e/fete')
    const firstBody = await first.text()
    const second = await get('/e/fete', { 'Accept-Encoding': 'gzip' })
    expect(renders - before).toBe(1)
    expect(second.status).toBe(200)
    expect(second.headers.get('x-essor-page-cache')).toBe('hit')
    expect(second.headers.get('content-encoding')).toBe('gzip')
    expect(second.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(second.headers.get('cache-control')).toBe('public, max-age=5')
    expect(second.headers.get('vary')).toContain('Accept-Language')
    expect(await second.text()).toBe(firstBody)
    expect(firstBody).toMatch(/^<p>fr render \d+ é+<\/p>$/)
  })

  test('a kept page is sent in the encoding each visitor accepts, from its own copies, with its length', async () => {
    const plain = await (await get('/e/encodings')).text()
    const raw = (encoding: string) =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        const url = new URL('/e/encodings', base)
        const req = httpRequest(url, { headers: { 'Accept-Language': 'fr-FR', 'Accept-Encoding': encoding } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
        })
        req.on('error', reject)
        req.end()
      })
    const before = renders
    const br = await raw('gzip, deflate, br')
    const gzip = await raw('gzip')
    const identity = await raw('identity')
    expect(renders - before).toBe(0)
    expect(br.headers['x-essor-page-cache']).toBe('hit')
    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(plain)
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.body).toString('utf8')).toBe(plain)
    expect(identity.headers['content-encoding']).toBeUndefined()
    expect(identity.body.toString('utf8')).toBe(plain)
    for (const answer of [br, gzip, identity]) {
      expect(Number(answer.headers['content-length'])).toBe(answer.body.length)
      expect(answer.headers['vary']).toMatch(/Accept-Encoding/i)
    }
    expect(br.body.length).toBeLessThan(identity.body.length)
  })

  test('visitors arriving during the render wait for it instead of rendering again', async () => {
    delayMs = 100
    const before = renders
    const bodies = await Promise.all(Array.from({ length: 10 }, () => get('/e/rush').then((r) => r.text())))
    expect(renders - before).toBe(1)
    expect(new Set(bodies).size).toBe(1)
  })

  test('each language has its own copy; the lang cookie chooses too', async () => {
    const fr = await (await get('/e/langues')).text()
    const en = await (await get('/e/langues', { 'Accept-Language': 'en-GB' })).text()
    const enByCookie = await (await get('/e/langues', { Cookie: 'lang=en' })).text()
    expect(fr).toMatch(/^<p>fr /)
    expect(en).toMatch(/^<p>en /)
    expect(enByCookie).toBe(en)
  })

  test('personal or uncacheable requests are always rendered', async () => {
    await get('/e/perso')
    let before = renders
    await get('/e/perso', { Cookie: 'essor_session=abc' })
    await get('/e/perso', { Cookie: 'theme=dark; essor_toast=xyz' })
    await get('/e/perso?utm=1')
    await get('/e/perso.data')
    await fetch(`${base}/e/perso`, { method: 'POST' })
    expect(renders - before).toBe(5)

    for (const setup of [() => (cacheControl = 'private, no-store'), () => (setCookie = true)]) {
      forgetPublicPages()
      setup()
      before = renders
      await get('/e/prive')
      await get('/e/prive')
      expect(renders - before).toBe(2)
    }

    before = renders
    expect((await get('/e/missing')).status).toBe(404)
    expect((await get('/e/missing')).status).toBe(404)
    expect(renders - before).toBe(2)
  })

  test('forgetPublicPages (an organiser changed an event) makes the next visitor see a fresh render', async () => {
    const first = await (await get('/e/change')).text()
    forgetPublicPages()
    const second = await (await get('/e/change')).text()
    expect(second).not.toBe(first)
  })
})
