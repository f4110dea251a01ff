// The HTTP server's fast path for POST /api/v1/events/{slug}/registrations (app/server/api-fast-path.ts):
// through a real socket, the route's action answers as it does under Remix, with the server's
// request headers and its Origin check, and registrations land in the database.
import type { ServerBuild } from '@remix-run/node'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import * as registrationsRoute from '#app/routes/api.v1.events.$slug.registrations.ts'
import { createHttpApp } from '#app/server/http.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { makeEvent, makeOrganisation } from '#tests/support/factories.ts'

// Only the fast route is reached in this file; the rest of a build is never read.
const build = { routes: { 'routes/api.v1.events.$slug.registrations': { module: registrationsRoute } } } as unknown as ServerBuild

let server: Server
let base = ''
let slug = ''
let eventId = ''

beforeAll(async () => {
  const organisation = await makeOrganisation()
  const event = await makeEvent(organisation.id, { capacity: 1, waitlistEnabled: true })
  slug = event.slug
  eventId = event.id
  server = createHttpApp({ ...getEnv(), APP_URL: undefined }, build).listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise((resolve) => server.close(resolve)))

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/v1/events/${slug}/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

const person = (n: number) => ({ firstName: 'Camille', lastName: `Rapide ${n}`, email: `camille.rapide${n}@asso.example`, organisation: 'Recyclerie du Lauragais', consent: true })

describe('POST /api/v1/events/{slug}/registrations through the fast path', () => {
  test('registers (201), then waitlists, with the server headers; a second POST of an email is a duplicate (200)', async () => {
    const first = await post(person(1))
    expect(first.status).toBe(201)
    expect(first.headers.get('content-type')).toContain('application/json')
    expect(first.headers.get('cache-control')).toBe('no-store')
    expect(first.headers.get('x-request-id')).toBeTruthy()
    expect(first.headers.get('x-content-type-options')).toBe('nosniff')
    const body = (await first.json()) as { id: string; status: string; manageUrl: string; duplicate: boolean }
    expect(body).toMatchObject({ status: 'confirmed', duplicate: false })
    expect(body.manageUrl).toMatch(/\/r\/[a-z0-9]+$/)

    const second = await post(person(2))
    expect(second.status).toBe(201)
    expect(await second.json()).toMatchObject({ status: 'waitlisted', duplicate: false })

    const again = await post(person(1))
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ id: body.id, status: 'confirmed', duplicate: true })

    const rows = await prisma.registration.findMany({ where: { eventId }, orderBy: { createdAt: 'asc' } })
    expect(rows.map((r) => [r.email, r.status, r.source])).toEqual([
      ['camille.rapide1@asso.example', 'confirmed', 'api'],
      ['camille.rapide2@asso.example', 'waitlisted', 'api'],
    ])
  })

  test('answers bad input in the API shape: 422 for a missing field, 400 for malformed JSON, 404 for an unknown event', async () => {
    const invalid = await post({ ...person(3), email: 'not-an-email' }, { 'Accept-Language': 'en' })
    expect(invalid.status).toBe(422)
    const errors = (await invalid.json()) as { errors: Record<string, string[]>; code: string }
    expect(errors.code).toBe('invalid_input')
    expect(errors.errors.email?.length).toBeGreaterThan(0)

    const malformed = await post('{"firstName":', { 'Accept-Language': 'en' })
    expect(malformed.status).toBe(400)
    expect(Object.keys(((await malformed.json()) as { errors: object }).errors)).toEqual(['body'])

    const unknown = await fetch(`${base}/api/v1/events/no-such-event/registrations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(person(4)),
    })
    expect(unknown.status).toBe(404)
    expect(((await unknown.json()) as { code: string }).code).toBe('event_not_found')
  })

  test('still refuses a cross-origin POST without a token', async () => {
    const refused = await post(person(5), { Origin: 'https://elsewhere.example' })
    expect(refused.status).toBe(403)
    expect(await prisma.registration.count({ where: { eventId, email: 'camille.rapide5@asso.example' } })).toBe(0)
  })
})
