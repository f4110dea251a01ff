// Organiser-scoped API tokens for `Authorization: Bearer` requests to /api/v1/*. The secret is
// shown once at creation; only its SHA-256 and a short prefix (to tell tokens apart) are kept.
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import { prisma } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { findMembership, isRole } from '#app/modules/organisations/service.server.ts'
import { can, type Action } from './permissions.ts'
import { hashToken } from './session.server.ts'
import { forgetEverywhere } from '#app/utils/siblings.server.ts'
import { createCache } from '#app/shared/cache.ts'
import { AppError } from '#app/utils/errors.ts'

export const API_TOKEN_PREFIX = 'essor_'
const SHOWN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6
const TOKEN_PATTERN = /^essor_[a-z2-7]{32}$/
/** lastUsedAt is written at most this often per token, to keep reads from turning into writes. */
const LAST_USED_PRECISION_MS = 60 * 1000

/** A refused token: its name (422, on the name field) or the member's role (403). */
export class ApiTokenError extends AppError {
  constructor(
    readonly reason: 'forbidden' | 'invalidName',
    message: string,
  ) {
    super(
      reason === 'invalidName'
        ? {
            status: 422,
            code: 'invalid_name',
            message,
            messageKey: 'auth.error.tokenNameRequired',
            fields: { name: ['auth.error.tokenNameRequired'] },
          }
        : { status: 403, code: 'forbidden', message, messageKey: 'error.403.title' },
    )
    this.name = 'ApiTokenError'
  }
}

export function generateApiToken() {
  // 20 random bytes: 32 base32 characters, 160 bits.
  return API_TOKEN_PREFIX + encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)))
}

/** Creates a token for a member whose role may manage API tokens; the clear token is returned here only. */
export async function createApiToken(input: { organisationId: string; userId: string; name: string }) {
  const name = input.name.trim()
  if (!name || name.length > 80) throw new ApiTokenError('invalidName', 'The name must be between 1 and 80 characters')
  const membership = await findMembership(input.userId, input.organisationId)
  if (!membership || !isRole(membership.role) || !can(membership.role, 'apiToken.manage')) {
    throw new ApiTokenError('forbidden', 'Only admins and organisers of the organisation can create API tokens')
  }
  const token = generateApiToken()
  const apiToken = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
        organisationId: input.organisationId,
        userId: input.userId,
      },
      select: { id: true, name: true, prefix: true, createdAt: true },
    })
    await audit(tx, {
      organisationId: input.organisationId,
      actorUserId: input.userId,
      action: 'apiToken.create',
      entityType: 'ApiToken',
      entityId: created.id,
      details: { name, prefix: created.prefix },
    })
    return created
  })
  return { token, apiToken }
}

export function listApiTokens(organisationId: string) {
  return prisma.apiToken.findMany({
    where: { organisationId },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { email: true } },
    },
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
  })
}

/** Revokes a token of the organisation; false when there is no such live token. */
export async function revokeApiToken(id: string, opts: { organisationId?: string; actorUserId?: string | null } = {}) {
  const revoked = await prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id, revokedAt: null, ...(opts.organisationId ? { organisationId: opts.organisationId } : {}) },
      select: { id: true, organisationId: true, name: true, prefix: true },
    })
    if (!token) return false
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } })
    if (count !== 1) return false
    await audit(tx, {
      organisationId: token.organisationId,
      actorUserId: opts.actorUserId ?? null,
      action: 'apiToken.revoke',
      entityType: 'ApiToken',
      entityId: token.id,
      details: { name: token.name, prefix: token.prefix },
    })
    return true
  })
  // Once committed: the next request reads the revoked row.
  if (revoked) forgetToken(id)
  return revoked
}

// ---- The token lookup, cached briefly ----
// A bulk import sends many requests with one token: its row is read once per TOKEN_CACHE_MS, not
// on every request. Revoking in this process takes effect at once (the entry is dropped); a
// revocation made elsewhere (the CLI, another instance) within TOKEN_CACHE_MS. The owner's
// membership is still checked on every request.
export const TOKEN_CACHE_MS = 5_000
const TOKEN_CACHE_MAX = 1_000

function loadToken(tokenHash: string) {
  return prisma.apiToken.findUnique({
    where: { tokenHash },
    include: {
      organisation: { select: { id: true, slug: true, name: true } },
      user: { select: { id: true, email: true, name: true } },
    },
  })
}

type TokenRow = NonNullable<Awaited<ReturnType<typeof loadToken>>>
const tokenCache = createCache<TokenRow>({ ttlMs: TOKEN_CACHE_MS, max: TOKEN_CACHE_MAX })

async function findToken(tokenHash: string): Promise<TokenRow | null> {
  const cached = tokenCache.get(tokenHash)
  if (cached) return cached
  const row = await loadToken(tokenHash)
  // Unknown tokens are not kept: guessing must not fill the cache.
  if (row) tokenCache.set(tokenHash, row)
  return row
}

const forgetToken = forgetEverywhere<string>('api-token', (id) => {
  const hashes = [...tokenCache.entries()].filter(([, row]) => row.id === id).map(([hash]) => hash)
  for (const hash of hashes) tokenCache.delete(hash)
})

function apiError(status: 401 | 403, message: string) {
  const headers: HeadersInit = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer realm="essor"'
  return new Response(JSON.stringify({ errors: { authorization: [message] } }), { status, headers })
}

export function readBearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')
  return match?.[1] ?? null
}

/**
 * Authenticates an API request. Throws a JSON 401 (no, unknown or revoked token) or 403 (the
 * token's owner no longer holds a role that may use the API — or do `opts.permission` —, or the
 * URL names another organisation).
 */
export async function requireApiToken(request: Request, opts: { permission?: Action; organisationSlug?: string; now?: Date } = {}) {
  const token = readBearerToken(request)
  if (!token) throw apiError(401, 'Send an API token in the header "Authorization: Bearer <token>"')
  if (!TOKEN_PATTERN.test(token)) throw apiError(401, 'Invalid API token')
  const row = await findToken(hashToken(token))
  if (!row) throw apiError(401, 'Invalid API token')
  if (row.revokedAt) throw apiError(401, 'This API token has been revoked')

  const membership = await findMembership(row.userId, row.organisationId)
  const role = membership && isRole(membership.role) ? membership.role : null
  if (!role || !can(role, 'apiToken.use') || (opts.permission && !can(role, opts.permission))) {
    throw apiError(403, "The token's owner no longer has the rights this request needs in the organisation")
  }
  if (opts.organisationSlug !== undefined && opts.organisationSlug !== row.organisation.slug) {
    throw apiError(403, 'This API token belongs to another organisation')
  }

  const now = opts.now ?? new Date()
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    // Conditional, so concurrent requests of one token write once.
    await prisma.apiToken.updateMany({
      where: {
        id: row.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_PRECISION_MS) } }],
      },
      data: { lastUsedAt: now },
    })
    row.lastUsedAt = now
  }
  return { organisation: row.organisation, user: row.user, tokenId: row.id, role }
}
