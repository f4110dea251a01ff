import { beforeAll, describe, expect, test, vi } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { addMembership, ensureUser, registerOrganisation, removeMembership } from '#app/modules/organisations/service.server.ts'
import { loader as meLoader } from '#app/routes/api/api.v1.me.ts'
import { ApiTokenError, createApiToken, listApiTokens, requireApiToken, revokeApiToken, TOKEN_CACHE_MS } from './api-token.server.ts'
import { hashToken } from './session.server.ts'

let cress: { id: string; slug: string }
let other: { id: string; slug: string }
let organiserId: string

function api(token?: string, path = '/api/v1/me') {
  return new Request(`http://localhost${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {})
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; body: unknown; headers: Headers }> {
  try {
    await promise
  } catch (error) {
    if (error instanceof Response) return { status: error.status, body: await error.json(), headers: error.headers }
    throw error
  }
  throw new Error('expected the request to be refused')
}

async function member(email: string, organisationId: string, role: string) {
  const { user } = await ensureUser({ email })
  await addMembership({ userId: user.id, organisationId, role })
  return user
}

beforeAll(async () => {
  cress = await registerOrganisation({ slug: 'cress-normandie', name: 'CRESS Normandie' })
  other = await registerOrganisation({ slug: 'cress-grand-est', name: 'CRESS Grand Est' })
  organiserId = (await member('organiser@example.org', cress.id, 'organiser')).id
})

describe('API tokens', () => {
  test('the clear token is returned once; only its SHA-256 and a short prefix are stored; creation is audited', async () => {
    const { token, apiToken } = await createApiToken({ organisationId: cress.id, userId: organiserId, name: '  CRM export ' })
    expect(token).toMatch(/^essor_[a-z2-7]{32}$/)
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })
    expect(row.tokenHash).toBe(hashToken(token))
    expect(row.prefix).toBe(token.slice(0, 12))
    expect(row.name).toBe('CRM export')
    expect(JSON.stringify(row)).not.toContain(token)
    const listed = await listApiTokens(cress.id)
    expect(JSON.stringify(listed)).not.toContain(token)
    expect(listed.find((t) => t.id === apiToken.id)).toMatchObject({ name: 'CRM export', prefix: row.prefix, revokedAt: null })
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'apiToken.create', entityId: apiToken.id } })
    expect(audit).toMatchObject({ organisationId: cress.id, actorUserId: organiserId })
    expect(audit.details).not.toContain(token)
  })

  test('a Bearer token authenticates /api/v1/me', async () => {
    const { token, apiToken } = await createApiToken({ organisationId: cress.id, userId: organiserId, name: 'me' })
    const response = (await meLoader({ request: api(token), params: {}, context: {} })) as Response
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      organisation: { slug: 'cress-normandie', name: 'CRESS Normandie' },
      user: { email: 'organiser@example.org' },
    })
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).not.toBeNull()
  })

  test('lastUsedAt is written at most once a minute', async () => {
    const { token, apiToken } = await createApiToken({ organisationId: cress.id, userId: organiserId, name: 'usage' })
    const t0 = new Date('2030-01-01T10:00:00Z')
    await requireApiToken(api(token), { now: t0 })
    await requireApiToken(api(token), { now: new Date(t0.getTime() + 30_000) })
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).toEqual(t0)
    const later = new Date(t0.getTime() + 61_000)
    await requireApiToken(api(token), { now: later })
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).toEqual(later)
  })

  test('no, malformed or unknown token: 401 with a JSON error on the authorization field', async () => {
    for (const request of [
      api(),
      api('essor_' + 'a'.repeat(32)),
      api('garbage'),
      new Request('http://localhost/api/v1/me', { headers: { authorization: 'Basic abc' } }),
    ]) {
      const { status, body, headers } = await refusal(requireApiToken(request))
      expect(status).toBe(401)
      expect(body).toEqual({ errors: { authorization: [expect.any(String)] } })
      expect(headers.get('www-authenticate')).toMatch(/^Bearer/)
    }
  })

  test('a revoked token gets 401; revocation is audited and limited to the organisation', async () => {
    const { token, apiToken } = await createApiToken({ organisationId: cress.id, userId: organiserId, name: 'to revoke' })
    expect(await revokeApiToken(apiToken.id, { organisationId: other.id, actorUserId: organiserId })).toBe(false)
    await requireApiToken(api(token))
    expect(await revokeApiToken(apiToken.id, { organisationId: cress.id, actorUserId: organiserId })).toBe(true)
    expect(await revokeApiToken(apiToken.id, { organisationId: cress.id })).toBe(false)
    const { status, body } = await refusal(requireApiToken(api(token)))
    expect(status).toBe(401)
    expect(body).toEqual({ errors: { authorization: ['This API token has been revoked'] } })
    expect(await prisma.auditLog.count({ where: { action: 'apiToken.revoke', entityId: apiToken.id } })).toBe(1)
  })

  test("the owner's membership removed or lowered to check-in: 403", async () => {
    const owner = await member('leaving@example.org', cress.id, 'admin')
    const { token } = await createApiToken({ organisationId: cress.id, userId: owner.id, name: 'leaving' })
    await requireApiToken(api(token))
    await addMembership({ userId: owner.id, organisationId: cress.id, role: 'checkin' })
    expect((await refusal(requireApiToken(api(token)))).status).toBe(403)
    await removeMembership({ userId: owner.id, organisationId: cress.id })
    const { status, body } = await refusal(requireApiToken(api(token)))
    expect(status).toBe(403)
    expect(body).toEqual({ errors: { authorization: [expect.any(String)] } })
  })

  test("a token cannot be used for another organisation's slug, even by someone who belongs to both", async () => {
    const both = await member('both@example.org', cress.id, 'organiser')
    await addMembership({ userId: both.id, organisationId: other.id, role: 'admin' })
    const { token } = await createApiToken({ organisationId: cress.id, userId: both.id, name: 'scoped' })
    expect((await requireApiToken(api(token), { organisationSlug: 'cress-normandie' })).organisation.id).toBe(cress.id)
    expect(
      (await refusal(requireApiToken(api(token, '/api/v1/o/cress-grand-est/events'), { organisationSlug: 'cress-grand-est' }))).status,
    ).toBe(403)
  })

  test('only admins and organisers of the organisation may create tokens', async () => {
    const checkin = await member('desk@example.org', cress.id, 'checkin')
    await expect(createApiToken({ organisationId: cress.id, userId: checkin.id, name: 'nope' })).rejects.toBeInstanceOf(ApiTokenError)
    await expect(createApiToken({ organisationId: other.id, userId: organiserId, name: 'nope' })).rejects.toMatchObject({
      reason: 'forbidden',
    })
    await expect(createApiToken({ organisationId: cress.id, userId: organiserId, name: '   ' })).rejects.toMatchObject({
      reason: 'invalidName',
    })
    expect(await prisma.apiToken.count({ where: { name: 'nope' } })).toBe(0)
  })

  test('a token revoked outside this process (the CLI) is refused once its cached lookup expires', async () => {
    const { token, apiToken } = await createApiToken({ organisationId: cress.id, userId: organiserId, name: 'cached' })
    await requireApiToken(api(token))
    await prisma.apiToken.update({ where: { id: apiToken.id }, data: { revokedAt: new Date() } })
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + TOKEN_CACHE_MS + 1)
      expect((await refusal(requireApiToken(api(token)))).status).toBe(401)
    } finally {
      vi.useRealTimers()
    }
  })
})
