// The JSON API of events and registrations (/api/v1), called through the route modules' loaders
// and actions with real Requests, on the test file's own database (SQLite and PostgreSQL).
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { createApiToken } from '#app/modules/auth/api-token.server.ts'
import { addMembership, ensureUser, registerOrganisation } from '#app/modules/organisations/service.server.ts'
import * as catchAll from '#app/routes/api/api.v1.$.ts'
import * as eventRoute from '#app/routes/api/api.v1.events.$slug.ts'
import * as registrationsRoute from '#app/routes/api/api.v1.events.$slug.registrations.ts'
import * as eventsRoute from '#app/routes/api/api.v1.events.ts'
import * as registrationRoute from '#app/routes/api/api.v1.registrations.$id.ts'
import { appOrigin } from '#app/utils/url.server.ts'

const BASE = 'http://localhost/api/v1'
const DAY = 24 * 60 * 60 * 1000

// Response bodies are checked field by field with toMatchObject; loosely typed on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>

function req(
  path: string,
  opts: { method?: string; token?: string; body?: unknown; raw?: string; ip?: string; lang?: string; contentType?: string } = {},
) {
  const headers = new Headers()
  if (opts.token) headers.set('Authorization', `Bearer ${opts.token}`)
  if (opts.body !== undefined || opts.raw !== undefined) headers.set('Content-Type', opts.contentType ?? 'application/json')
  // The HTTP server sets this header from the socket; each test uses its own address so rate-limit buckets do not mix.
  headers.set('x-essor-remote-addr', opts.ip ?? '192.0.2.1')
  if (opts.lang) headers.set('Accept-Language', opts.lang)
  return new Request(`${BASE}${path}`, {
    method: opts.method ?? 'GET',
    headers,
    body: opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
  })
}

type RouteFn = (args: { request: Request; params: Record<string, string>; context: Record<string, never> }) => Response | Promise<Response>

async function call(fn: RouteFn, request: Request, params: Record<string, string> = {}) {
  const response = await fn({ request, params, context: {} })
  expect(response.headers.get('content-type')).toContain('application/json')
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers }
}

const inDays = (n: number, hour = 9) => {
  const d = new Date(Date.now() + n * DAY)
  d.setUTCHours(hour, 0, 0, 0)
  return d.toISOString()
}

function eventBody(overrides: Json = {}) {
  return {
    title: 'Conférence régionale de l’ESS',
    kind: 'conference',
    startsAt: inDays(30, 8),
    endsAt: inDays(30, 16),
    capacity: 2,
    waitlist: true,
    published: true,
    ...overrides,
  }
}

let counter = 0
function person(overrides: Json = {}) {
  counter++
  return {
    firstName: 'Camille',
    lastName: `Martin ${counter}`,
    email: `camille.martin${counter}@asso.example`,
    organisation: 'Recyclerie du Lauragais',
    consent: true,
    ...overrides,
  }
}

async function organiserWithToken(slug: string) {
  const organisation = await registerOrganisation({ slug, name: `CRESS ${slug}` })
  const { user } = await ensureUser({ email: `organiser@${slug}.example`, name: 'Julien Sabatier' })
  await addMembership({ userId: user.id, organisationId: organisation.id, role: 'organiser' })
  const { token } = await createApiToken({ organisationId: organisation.id, userId: user.id, name: 'tests' })
  return { organisation, user, token }
}

async function createEvent(token: string, overrides: Json = {}) {
  const res = await call(eventsRoute.action, req('/events', { method: 'POST', token, body: eventBody(overrides) }))
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}

function registerPublic(slug: string, body: Json, opts: { ip?: string; token?: string; lang?: string } = {}) {
  return call(registrationsRoute.action, req(`/events/${slug}/registrations`, { method: 'POST', body, ...opts }), { slug })
}

let a: Awaited<ReturnType<typeof organiserWithToken>>
let b: Awaited<ReturnType<typeof organiserWithToken>>

beforeAll(async () => {
  a = await organiserWithToken('cress-occitanie')
  b = await organiserWithToken('cress-centre-val-de-loire')
})

describe('POST /api/v1/events', () => {
  test('creates an event for the token’s organisation: 201 with its slug and counts', async () => {
    const res = await call(
      eventsRoute.action,
      req('/events', { method: 'POST', token: a.token, body: eventBody({ town: 'Toulouse', departement: '31' }) }),
    )
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      slug: 'conference-regionale-de-l-ess',
      title: 'Conférence régionale de l’ESS',
      kind: 'conference',
      capacity: 2,
      waitlist: true,
      status: 'published',
      published: true,
      confirmed: 0,
      waitlisted: 0,
      town: 'Toulouse',
    })
    expect(res.headers.get('location')).toBe(`/api/v1/events/${res.body.slug}`)
    const stored = await prisma.event.findUniqueOrThrow({ where: { slug: res.body.slug } })
    expect(stored.organisationId).toBe(a.organisation.id)
    // Same title again: a new slug.
    const again = await createEvent(a.token)
    expect(again.slug).not.toBe(res.body.slug)
  })

  test('422 with the errors of each field, in the language asked for', async () => {
    const res = await call(
      eventsRoute.action,
      req('/events', {
        method: 'POST',
        token: a.token,
        lang: 'en',
        body: { title: '', kind: 'party', startsAt: 'tomorrow', endsAt: inDays(3), capacity: -1, waitlist: 'yes', published: true },
      }),
    )
    expect(res.status).toBe(422)
    for (const field of ['title', 'kind', 'startsAt', 'capacity', 'waitlist']) {
      expect(res.body.errors[field], field).toEqual([expect.any(String)])
      expect(res.body.errors[field][0]).not.toBe('')
    }
    const order = await call(
      eventsRoute.action,
      req('/events', { method: 'POST', token: a.token, body: eventBody({ endsAt: inDays(29) }) }),
    )
    expect(order.status).toBe(422)
    expect(Object.keys(order.body.errors)).toEqual(['endsAt'])
    expect(await prisma.event.count({ where: { title: '' } })).toBe(0)
  })

  test('400 for malformed JSON or a body that is not an object, 415 for a form body', async () => {
    const bad = await call(eventsRoute.action, req('/events', { method: 'POST', token: a.token, raw: '{"title": "x",' }))
    expect(bad.status).toBe(400)
    expect(bad.body.errors.body).toEqual([expect.stringMatching(/JSON/)])
    const list = await call(eventsRoute.action, req('/events', { method: 'POST', token: a.token, raw: '[1, 2]' }))
    expect(list.status).toBe(400)
    expect(list.body.errors.body).toHaveLength(1)
    const empty = await call(eventsRoute.action, req('/events', { method: 'POST', token: a.token, raw: '' }))
    expect(empty.status).toBe(400)
    const form = await call(
      eventsRoute.action,
      req('/events', { method: 'POST', token: a.token, raw: 'title=x', contentType: 'application/x-www-form-urlencoded' }),
    )
    expect(form.status).toBe(415)
  })

  test('401 without a token or with a wrong one, and nothing is created', async () => {
    const before = await prisma.event.count()
    const none = await call(eventsRoute.action, req('/events', { method: 'POST', body: eventBody() }))
    expect(none.status).toBe(401)
    expect(none.body.errors.authorization).toHaveLength(1)
    const wrong = await call(eventsRoute.action, req('/events', { method: 'POST', token: 'essor_' + 'a'.repeat(32), body: eventBody() }))
    expect(wrong.status).toBe(401)
    expect(await prisma.event.count()).toBe(before)
  })
})

describe('GET /api/v1/events and /api/v1/events/{slug}', () => {
  test('published events are public, with capacity and live counts; drafts only for their organisers', async () => {
    const event = await createEvent(a.token, { title: 'Journée régionale de l’économie sociale', capacity: 10 })
    const draft = await createEvent(a.token, { title: 'Brouillon de YESS Académie', kind: 'yess_academie', published: false })
    for (const i of [1, 2, 3]) expect((await registerPublic(event.slug, person(), { ip: `198.51.100.${i}` })).status).toBe(201)

    const one = await call(eventRoute.loader, req(`/events/${event.slug}`), { slug: event.slug })
    expect(one.status).toBe(200)
    expect(one.body).toMatchObject({
      slug: event.slug,
      capacity: 10,
      confirmed: 3,
      waitlisted: 0,
      seatsLeft: 7,
      organisation: { slug: 'cress-occitanie' },
      registration: { state: 'open', open: true },
    })
    expect(one.body).not.toHaveProperty('checkedIn')

    const list = await call(eventsRoute.loader, req('/events'))
    expect(list.status).toBe(200)
    const listed = list.body.events.find((e: Json) => e.slug === event.slug)
    expect(listed).toMatchObject({ capacity: 10, confirmed: 3, waitlisted: 0 })
    expect(list.body.events.map((e: Json) => e.slug)).not.toContain(draft.slug)

    const hidden = await call(eventRoute.loader, req(`/events/${draft.slug}`), { slug: draft.slug })
    expect(hidden.status).toBe(404)
    expect(hidden.body.errors.event).toHaveLength(1)
    const own = await call(eventRoute.loader, req(`/events/${draft.slug}`, { token: a.token }), { slug: draft.slug })
    expect(own.status).toBe(200)
    expect(own.body).toMatchObject({ slug: draft.slug, status: 'draft', published: false, checkedIn: 0 })
    const foreign = await call(eventRoute.loader, req(`/events/${draft.slug}`, { token: b.token }), { slug: draft.slug })
    expect(foreign.status).toBe(404)

    const mine = await call(eventsRoute.loader, req('/events?scope=organisation', { token: a.token }))
    expect(mine.body.events.map((e: Json) => e.slug)).toEqual(expect.arrayContaining([event.slug, draft.slug]))
    const theirs = await call(eventsRoute.loader, req('/events?scope=organisation', { token: b.token }))
    expect(theirs.body.events.map((e: Json) => e.slug)).not.toContain(event.slug)
    expect((await call(eventsRoute.loader, req('/events?scope=organisation'))).status).toBe(401)
    expect((await call(eventsRoute.loader, req('/events?page=zero'))).status).toBe(400)
  })
})

describe('POST /api/v1/events/{slug}/registrations', () => {
  test('201 confirmed while seats last, then waitlisted; the counts follow', async () => {
    const event = await createEvent(a.token, { title: 'YESS Académie Narbonne', kind: 'yess_academie', capacity: 2, waitlist: true })
    const first = await registerPublic(event.slug, person(), { ip: '203.0.113.1' })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ id: expect.any(String), status: 'confirmed', duplicate: false })
    // Built from APP_URL, else this server's own address: never from the request's Host.
    expect(first.body.manageUrl).toMatch(new RegExp(`^${appOrigin()}/r/[a-z0-9]+$`))
    expect((await registerPublic(event.slug, person(), { ip: '203.0.113.2' })).body.status).toBe('confirmed')
    const third = await registerPublic(event.slug, person(), { ip: '203.0.113.3' })
    expect(third.status).toBe(201)
    expect(third.body.status).toBe('waitlisted')
    expect(third.body.manageUrl).toMatch(/\/r\//)

    const stored = await prisma.registration.findUniqueOrThrow({ where: { id: third.body.id } })
    expect(stored).toMatchObject({ source: 'api', status: 'waitlisted' })
    const counts = (await call(eventRoute.loader, req(`/events/${event.slug}`), { slug: event.slug })).body
    expect(counts).toMatchObject({ capacity: 2, confirmed: 2, waitlisted: 1, seatsLeft: 0, registration: { state: 'waitlist' } })
  })

  test('409 when the event is full without a waiting list, or registration is not open', async () => {
    const event = await createEvent(a.token, { title: 'Rencontre ESS et EPCI', capacity: 1, waitlist: false })
    expect((await registerPublic(event.slug, person(), { ip: '203.0.113.10' })).status).toBe(201)
    const full = await registerPublic(event.slug, person(), { ip: '203.0.113.11', lang: 'en' })
    expect(full.status).toBe(409)
    expect(full.body).toMatchObject({ code: 'event_full', errors: { registration: [expect.any(String)] } })
    expect(await prisma.registration.count({ where: { event: { slug: event.slug } } })).toBe(1)

    const later = await createEvent(a.token, { title: 'Conférence de printemps', registrationOpensAt: inDays(10) })
    const closed = await registerPublic(later.slug, person(), { ip: '203.0.113.12' })
    expect(closed.status).toBe(409)
    expect(closed.body.code).toBe('registration_closed')

    const draft = await createEvent(a.token, { title: 'Pas encore publiée', published: false })
    expect((await registerPublic(draft.slug, person(), { ip: '203.0.113.13' })).status).toBe(404)
    expect((await registerPublic('no-such-event', person(), { ip: '203.0.113.13' })).status).toBe(404)
  })

  test('422 with the errors of each field; 400 for malformed JSON', async () => {
    const event = await createEvent(a.token, { title: 'Atelier validation', capacity: 50 })
    const res = await registerPublic(
      event.slug,
      { firstName: '', lastName: 'Roux', email: 'not-an-email', organisation: 'Asso', consent: false, organisationType: 'pirate' },
      { ip: '203.0.113.20', lang: 'en' },
    )
    expect(res.status).toBe(422)
    for (const field of ['firstName', 'email', 'consent', 'organisationType'])
      expect(res.body.errors[field], field).toEqual([expect.any(String)])
    expect(res.body.errors).not.toHaveProperty('lastName')
    const bad = await call(
      registrationsRoute.action,
      req(`/events/${event.slug}/registrations`, { method: 'POST', raw: '{"firstName":', ip: '203.0.113.20' }),
      { slug: event.slug },
    )
    expect(bad.status).toBe(400)
    expect(bad.body.errors.body).toHaveLength(1)
    expect(await prisma.registration.count({ where: { event: { slug: event.slug } } })).toBe(0)
  })

  test('a duplicate email answers 200 with the existing registration, re-sends the link by email and never returns it', async () => {
    const event = await createEvent(a.token, { title: 'Conférence doublons', capacity: 50 })
    const body = person({ email: 'Ines.Bousquet@scic.example' })
    const first = await registerPublic(event.slug, body, { ip: '203.0.113.30' })
    expect(first.status).toBe(201)
    const outboxBefore = await prisma.emailMessage.count({ where: { toAddress: 'ines.bousquet@scic.example' } })
    const again = await registerPublic(event.slug, { ...body, email: ' ines.bousquet@SCIC.example ' }, { ip: '203.0.113.31' })
    expect(again.status).toBe(200)
    expect(again.body).toEqual({ id: first.body.id, status: 'confirmed', duplicate: true })
    expect(await prisma.registration.count({ where: { event: { slug: event.slug } } })).toBe(1)
    const link = await prisma.emailMessage.findMany({ where: { toAddress: 'ines.bousquet@scic.example', template: 'registration-link' } })
    expect(link).toHaveLength(1)
    expect(await prisma.emailMessage.count({ where: { toAddress: 'ines.bousquet@scic.example' } })).toBe(outboxBefore + 1)
  })

  test('the public rate limit applies per address, but never to the organiser’s own token', async () => {
    const event = await createEvent(a.token, { title: 'Inscriptions en masse', capacity: 500 })
    let limited = 0
    for (let i = 0; i < 32; i++) if ((await registerPublic(event.slug, person(), { ip: '203.0.113.40' })).status === 429) limited++
    expect(limited).toBeGreaterThan(0)
    const blocked = await registerPublic(event.slug, person(), { ip: '203.0.113.40' })
    expect(blocked.status).toBe(429)
    expect(blocked.body.errors.rate).toHaveLength(1)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    // Same address, with the organising organisation's token: 40 more go through.
    for (let i = 0; i < 40; i++)
      expect((await registerPublic(event.slug, person(), { ip: '203.0.113.40', token: a.token })).status).toBe(201)
    // Another organisation's token is just a member of the public here.
    expect((await registerPublic(event.slug, person(), { ip: '203.0.113.40', token: b.token })).status).toBe(429)
  })
})

describe('organiser endpoints', () => {
  test('lists registrations, cancels one and offers the seat to the first on the waiting list', async () => {
    const event = await createEvent(a.token, { title: 'YESS PRO Montpellier', kind: 'training', capacity: 2, waitlist: true })
    const ids: string[] = []
    for (let i = 0; i < 4; i++) {
      const res = await registerPublic(event.slug, person(), { ip: `203.0.113.${50 + i}` })
      ids.push(res.body.id)
    }
    const list = await call(registrationsRoute.loader, req(`/events/${event.slug}/registrations`, { token: a.token }), { slug: event.slug })
    expect(list.status).toBe(200)
    expect(list.body.registrations).toHaveLength(4)
    for (const r of list.body.registrations)
      expect(r).toMatchObject({
        id: expect.any(String),
        email: expect.stringMatching(/@asso\.example$/),
        status: expect.stringMatching(/^(confirmed|waitlisted)$/),
      })
    expect(
      list.body.registrations
        .filter((r: Json) => r.status === 'waitlisted')
        .map((r: Json) => r.id)
        .sort(),
    ).toEqual([ids[2], ids[3]].sort())
    const onlyWaiting = await call(
      registrationsRoute.loader,
      req(`/events/${event.slug}/registrations?status=waitlisted`, { token: a.token }),
      { slug: event.slug },
    )
    expect(onlyWaiting.body.registrations).toHaveLength(2)

    const cancel = await call(registrationRoute.action, req(`/registrations/${ids[0]}`, { method: 'DELETE', token: a.token }), {
      id: ids[0]!,
    })
    expect(cancel.status).toBe(200)
    expect(cancel.body).toMatchObject({ id: ids[0], status: 'cancelled', cancelled: true, waitlistOffers: 1 })
    const firstWaiting = await call(registrationRoute.loader, req(`/registrations/${ids[2]}`, { token: a.token }), { id: ids[2]! })
    expect(firstWaiting.body.status).toBe('offered')
    expect((await call(registrationRoute.loader, req(`/registrations/${ids[3]}`, { token: a.token }), { id: ids[3]! })).body.status).toBe(
      'waitlisted',
    )

    const after = (await call(eventRoute.loader, req(`/events/${event.slug}`), { slug: event.slug })).body
    expect(after).toMatchObject({ confirmed: 1, waitlisted: 1, offered: 1, seatsLeft: 0 })
    const stored = await prisma.event.findUniqueOrThrow({ where: { slug: event.slug } })
    expect(stored.seatsTaken).toBe(2)

    // Cancelling again changes nothing.
    const twice = await call(registrationRoute.action, req(`/registrations/${ids[0]}`, { method: 'DELETE', token: a.token }), {
      id: ids[0]!,
    })
    expect(twice.body).toMatchObject({ status: 'cancelled', cancelled: false, waitlistOffers: 0 })
  })

  test('the registrations list comes a page at a time, with a cursor that survives new rows', async () => {
    const event = await createEvent(a.token, { title: 'Conférence paginée', capacity: 50 })
    for (let i = 0; i < 5; i++) await registerPublic(event.slug, person(), { ip: `203.0.113.${120 + i}` })
    const list = (query: string) =>
      call(registrationsRoute.loader, req(`/events/${event.slug}/registrations${query}`, { token: a.token }), { slug: event.slug })

    const all = await list('')
    expect(all.body.registrations).toHaveLength(5)
    expect(all.body.page).toEqual({ limit: 100, nextCursor: null })

    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(page.status).toBe(200)
      expect(page.body.registrations.length).toBeLessThanOrEqual(2)
      seen.push(...page.body.registrations.map((r: Json) => r.id))
      cursor = page.body.page.nextCursor
      pages++
      // A registration arriving between two pages does not shift the ones already read.
      if (pages === 1) await registerPublic(event.slug, { ...person(), lastName: 'Zzz' }, { ip: '203.0.113.130' })
    } while (cursor && pages < 10)
    expect(pages).toBe(3)
    expect(new Set(seen).size).toBe(6)
    expect(seen.slice(0, 5)).toEqual(all.body.registrations.map((r: Json) => r.id))

    for (const bad of ['?limit=0', '?limit=201', '?limit=deux']) {
      const refused = await list(bad)
      expect(refused.status, bad).toBe(400)
      expect(refused.body.errors.limit).toHaveLength(1)
    }
    const badCursor = await list('?cursor=%E2%9C%93%3C%3E')
    expect(badCursor.status).toBe(400)
    expect(badCursor.body.errors.cursor).toHaveLength(1)
  })

  test('another organisation’s token gets 404, no token 401', async () => {
    const event = await createEvent(a.token, { title: 'Conférence privée', capacity: 5 })
    const reg = (await registerPublic(event.slug, person(), { ip: '203.0.113.60' })).body
    const list = await call(registrationsRoute.loader, req(`/events/${event.slug}/registrations`, { token: b.token }), { slug: event.slug })
    expect(list.status).toBe(404)
    expect(list.body.errors.event).toHaveLength(1)
    const del = await call(registrationRoute.action, req(`/registrations/${reg.id}`, { method: 'DELETE', token: b.token }), { id: reg.id })
    expect(del.status).toBe(404)
    expect(del.body.errors.registration).toHaveLength(1)
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: reg.id } })).status).toBe('confirmed')

    expect((await call(registrationsRoute.loader, req(`/events/${event.slug}/registrations`), { slug: event.slug })).status).toBe(401)
    expect((await call(registrationRoute.action, req(`/registrations/${reg.id}`, { method: 'DELETE' }), { id: reg.id })).status).toBe(401)
    expect(
      (await call(registrationRoute.action, req(`/registrations/nope`, { method: 'DELETE', token: a.token }), { id: 'nope' })).status,
    ).toBe(404)
  })

  test('unknown API addresses and methods answer JSON', async () => {
    const missing = await call(catchAll.loader, req('/nothing/here'), { '*': 'nothing/here' })
    expect(missing.status).toBe(404)
    expect(missing.body.errors.path).toHaveLength(1)
    const put = await call(registrationRoute.action, req('/registrations/x', { method: 'PUT', token: a.token }), { id: 'x' })
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('GET, DELETE')
  })
})
