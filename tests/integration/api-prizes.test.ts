// The Prix de l'ESS API (/api/v1/prizes), called through the route modules' loaders with real
// Requests (SQLite and PostgreSQL): public list and detail show published editions only; the
// nominations need the organisation's own token (401 without one, 404 with another's).
import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { createApiToken } from '#app/modules/auth/api-token.server.ts'
import { addMembership, ensureUser, registerOrganisation } from '#app/modules/organisations/service.server.ts'
import * as prizeRoute from '#app/routes/api/api.v1.prizes.$slug.ts'
import * as nominationsRoute from '#app/routes/api/api.v1.prizes.$slug.nominations.ts'
import * as prizesRoute from '#app/routes/api/api.v1.prizes.ts'

const BASE = 'http://localhost/api/v1'

// Response bodies are checked field by field with toMatchObject; loosely typed on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>

function req(path: string, opts: { token?: string; lang?: string; method?: string } = {}) {
  const headers = new Headers()
  if (opts.token) headers.set('Authorization', `Bearer ${opts.token}`)
  if (opts.lang) headers.set('Accept-Language', opts.lang)
  return new Request(`${BASE}${path}`, { method: opts.method ?? 'GET', headers })
}

type RouteFn = (args: { request: Request; params: Record<string, string>; context: Record<string, never> }) => Response | Promise<Response>

async function call(fn: RouteFn, request: Request, params: Record<string, string> = {}) {
  const response = await fn({ request, params, context: {} })
  expect(response.headers.get('content-type')).toContain('application/json')
  return { status: response.status, body: (await response.json()) as Json }
}

async function organiserWithToken(slug: string) {
  const organisation = await registerOrganisation({ slug, name: `CRESS ${slug}` })
  const { user } = await ensureUser({ email: `organiser@${slug}.example`, name: 'Julien Sabatier' })
  await addMembership({ userId: user.id, organisationId: organisation.id, role: 'organiser' })
  const { token } = await createApiToken({ organisationId: organisation.id, userId: user.id, name: 'tests' })
  return { organisation, user, token }
}

async function makeEdition(organisationId: string, slug: string, status: string) {
  const edition = await prisma.prizeEdition.create({
    data: {
      organisationId,
      slug,
      title: `Prix de l’ESS 2026 (${slug})`,
      year: 2026,
      status,
      submissionsOpenAt: new Date('2026-05-10T08:00:00Z'),
      submissionsCloseAt: new Date('2026-06-30T22:00:00Z'),
      announcementAt: new Date('2026-11-03T17:00:00Z'),
      eligibleLegalForms: JSON.stringify(['association', 'cooperative']),
    },
  })
  await prisma.prizeCategory.create({ data: { editionId: edition.id, name: 'Utilité sociale', awards: 2 } })
  await prisma.prizeCategory.create({ data: { editionId: edition.id, name: 'Transition écologique', position: 1 } })
  return edition
}

async function makeNomination(editionId: string, status: string, structureName: string) {
  return prisma.nomination.create({
    data: {
      editionId,
      status,
      structureName,
      contactEmail: `${randomBytes(4).toString('hex')}@example.org`,
      contactFirstName: 'Nadia',
      projectTitle: 'Réparer plutôt que jeter',
      editTokenHash: randomBytes(32).toString('hex'),
      answers: JSON.stringify({ q1: 'La mairie' }),
    },
  })
}

let a: Awaited<ReturnType<typeof organiserWithToken>>
let b: Awaited<ReturnType<typeof organiserWithToken>>

beforeAll(async () => {
  a = await organiserWithToken('cress-bretagne')
  b = await organiserWithToken('cress-normandie')
  await makeEdition(a.organisation.id, 'prix-ess-bretagne-2026', 'published')
  await makeEdition(a.organisation.id, 'prix-ess-bretagne-2027', 'draft')
  await makeEdition(b.organisation.id, 'prix-ess-normandie-2025', 'archived')
})

describe('GET /api/v1/prizes', () => {
  test('lists published editions only, with their slugs', async () => {
    const res = await call(prizesRoute.loader, req('/prizes'))
    expect(res.status).toBe(200)
    const slugs = (res.body.prizes as Json[]).map((p) => p.slug)
    expect(slugs).toContain('prix-ess-bretagne-2026')
    expect(slugs).not.toContain('prix-ess-bretagne-2027')
    expect(slugs).not.toContain('prix-ess-normandie-2025')
    expect((res.body.prizes as Json[]).find((p) => p.slug === 'prix-ess-bretagne-2026')).toMatchObject({
      year: 2026,
      organisation: { slug: 'cress-bretagne' },
      submissionsCloseAt: '2026-06-30T22:00:00.000Z',
    })
  })

  test('refuses other methods', async () => {
    const res = await call(prizesRoute.action, req('/prizes', { method: 'POST' }))
    expect(res.status).toBe(405)
  })
})

describe('GET /api/v1/prizes/{slug}', () => {
  test('gives a published edition’s categories and calendar', async () => {
    const res = await call(prizeRoute.loader, req('/prizes/prix-ess-bretagne-2026'), { slug: 'prix-ess-bretagne-2026' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      slug: 'prix-ess-bretagne-2026',
      categories: [
        { name: 'Utilité sociale', awards: 2 },
        { name: 'Transition écologique', awards: 1 },
      ],
      calendar: {
        submissionsOpenAt: '2026-05-10T08:00:00.000Z',
        submissionsCloseAt: '2026-06-30T22:00:00.000Z',
        announcementAt: '2026-11-03T17:00:00.000Z',
      },
      eligibility: { legalForms: ['association', 'cooperative'], minAgeYears: 2 },
    })
  })

  test('a draft, archived or unknown edition is a 404 in the API’s error shape', async () => {
    for (const slug of ['prix-ess-bretagne-2027', 'prix-ess-normandie-2025', 'nope']) {
      const res = await call(prizeRoute.loader, req(`/prizes/${slug}`, { lang: 'en' }), { slug })
      expect(res.status).toBe(404)
      expect(res.body).toMatchObject({ code: 'prize_not_found', errors: { prize: ['This prize does not exist or is not published.'] } })
    }
  })
})

describe('GET /api/v1/prizes/{slug}/nominations', () => {
  test('needs a token (401), and the edition’s organisation (404 with another’s)', async () => {
    const none = await call(nominationsRoute.loader, req('/prizes/prix-ess-bretagne-2026/nominations'), { slug: 'prix-ess-bretagne-2026' })
    expect(none.status).toBe(401)
    expect(none.body.errors.authorization).toHaveLength(1)

    const other = await call(nominationsRoute.loader, req('/prizes/prix-ess-bretagne-2026/nominations', { token: b.token }), {
      slug: 'prix-ess-bretagne-2026',
    })
    expect(other.status).toBe(404)
    expect(other.body).toMatchObject({ code: 'prize_not_found' })
    expect(JSON.stringify(other.body)).not.toContain('nominations')
  })

  test('lists the edition’s nominations, drafts included, filtered by status', async () => {
    const edition = await prisma.prizeEdition.findUniqueOrThrow({ where: { slug: 'prix-ess-bretagne-2027' } })
    await makeNomination(edition.id, 'eligible', 'La Recyclerie')
    await makeNomination(edition.id, 'draft', 'Les Jardins')
    const slug = edition.slug

    const all = await call(nominationsRoute.loader, req(`/prizes/${slug}/nominations`, { token: a.token }), { slug })
    expect(all.status).toBe(200)
    expect(all.body.prize).toMatchObject({ slug, status: 'draft' })
    expect((all.body.nominations as Json[]).map((n) => n.structure.name)).toEqual(['La Recyclerie', 'Les Jardins'])
    expect(all.body.nominations[0]).not.toHaveProperty('editTokenHash')
    expect(all.body.nominations[0]).toMatchObject({
      status: 'eligible',
      contact: { firstName: 'Nadia' },
      project: { title: 'Réparer plutôt que jeter' },
    })

    const eligible = await call(nominationsRoute.loader, req(`/prizes/${slug}/nominations?status=eligible`, { token: a.token }), { slug })
    expect((eligible.body.nominations as Json[]).map((n) => n.structure.name)).toEqual(['La Recyclerie'])

    const bad = await call(nominationsRoute.loader, req(`/prizes/${slug}/nominations?status=winner`, { token: a.token }), { slug })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ code: 'invalid_parameter', errors: { status: [expect.any(String)] } })
  })
})
