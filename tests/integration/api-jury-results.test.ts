// GET /api/v1/prizes/{slug}/results through the route's loader (SQLite and PostgreSQL): the
// organisation's own token gets the ranked results; no token is a 401, another's a 404.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { createApiToken } from '#app/modules/auth/api-token.server.ts'
import * as route from '#app/routes/api/api.v1.prizes.$slug.results.ts'
import { makeMember, makeOrganisation } from '#tests/support/factories.ts'
import { makeJuryEdition } from '#tests/support/jury-fixtures.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>

async function call(slug: string, token?: string) {
  const headers = new Headers()
  if (token) headers.set('Authorization', `Bearer ${token}`)
  const request = new Request(`http://localhost/api/v1/prizes/${slug}/results`, { headers })
  const response = await route.loader({ request, params: { slug }, context: {} })
  return { status: response.status, body: (await response.json()) as Json }
}

describe('GET /api/v1/prizes/{slug}/results', () => {
  test('ranked nominations with mean, sd, normalised, count and decision; 401 and 404', async () => {
    const f = await makeJuryEdition({ weights: [1], nominationsPerCategory: 2, jurors: 2 })
    const c = f.categories[0]!.criteria[0]!.id
    const [a, b] = f.categories[0]!.nominations
    const [j1, j2] = f.jurors.map((j) => j.juror.id) as [string, string]
    const s = (jurorId: string, nominationId: string, v: number) =>
      prisma.juryScore.create({ data: { jurorId, nominationId, complete: true, values: JSON.stringify({ [c]: v }) } })
    await s(j1, a!.id, 2)
    await s(j2, a!.id, 4)
    await s(j1, b!.id, 5)
    await s(j2, b!.id, 5)
    await prisma.juryDecision.create({
      data: { nominationId: b!.id, categoryId: f.categories[0]!.category.id, decision: 'laureate', rank: 1 },
    })
    const { token } = await createApiToken({ organisationId: f.org.id, userId: f.organiser.id, name: 'tests' })

    const ok = await call(f.edition.slug, token)
    expect(ok.status).toBe(200)
    expect(ok.body.sd).toBe('population')
    const noms = ok.body.categories[0].nominations
    expect(noms.map((n: Json) => [n.id, n.rank, n.mean, n.sd, n.scores])).toEqual([
      [b!.id, 1, 5, 0, 2],
      [a!.id, 2, 3, 1, 2],
    ])
    expect(noms[0].decision).toMatchObject({ decision: 'laureate', rank: 1 })
    expect(noms[1].decision).toBeNull()

    expect((await call(f.edition.slug)).status).toBe(401)
    const other = await makeOrganisation()
    const stranger = await makeMember(other.id, 'organiser')
    const { token: otherToken } = await createApiToken({ organisationId: other.id, userId: stranger.id, name: 'other' })
    expect((await call(f.edition.slug, otherToken)).status).toBe(404)
  })
})
