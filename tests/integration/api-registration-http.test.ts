// POST /api/v1/events/{slug}/registrations, the request of a registration rush, through the
// production server (`npm start`, the built app) on a real socket: the route's action answers with
// the server's headers and its Origin check, and registrations land in the database.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { dbTarget, prisma } from '#app/db.server.ts'
import { cleanup, startServer } from '#tests/bench/lib.ts'
import { makeEvent, makeOrganisation } from '#tests/support/factories.ts'

let base = ''
let slug = ''
let eventId = ''

beforeAll(async () => {
  const organisation = await makeOrganisation()
  const event = await makeEvent(organisation.id, { capacity: 1, waitlistEnabled: true })
  slug = event.slug
  eventId = event.id
  const database = {
    kind: dbTarget.provider === 'postgresql' ? ('postgres' as const) : ('sqlite' as const),
    url: process.env.DATABASE_URL!,
    drop: async () => {},
  }
  const server = await startServer(database, {
    env: { WEB_CONCURRENCY: '1', MIGRATE_ON_START: 'off', RUN_WORKER: 'off' },
    startTimeoutMs: 120_000,
  })
  base = server.url
})

afterAll(cleanup)

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/v1/events/${slug}/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

const person = (n: number) => ({
  firstName: 'Camille',
  lastName: `Rapide ${n}`,
  email: `camille.rapide${n}@asso.example`,
  organisation: 'Recyclerie du Lauragais',
  consent: true,
})

describe('POST /api/v1/events/{slug}/registrations through the production server', () => {
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
