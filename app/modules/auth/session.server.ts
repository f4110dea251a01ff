// Sessions after Lucia's design (lucia-auth.com): a random token in the cookie, only its SHA-256
// in the database, 30-day expiry renewed when less than 15 days remain.
// The one module that throws Responses: the route guards here (requireUser, requirePermission,
// requireCan…) are the first statement of routes and answer for them (redirect to sign-in, 404, 403).
// Every other module throws AppError only.
import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'
import { redirect } from '@remix-run/node'
import { prisma, readRows, sqlBuilder, type Tx } from '#app/db.server.ts'
import { findMembership, findOrganisationBySlug, isRole, type Role } from '#app/modules/organisations/service.server.ts'
import { can, type Action } from './permissions.ts'
import { forbidden, notFound } from '#app/utils/http.server.ts'
import { secureCookies } from '#app/utils/url.server.ts'
import { currentRequestContext } from '#app/utils/request-context.server.ts'
import { randomBytesPooled } from '#app/utils/random.server.ts'

export const SESSION_COOKIE = 'essor_session'
const DAY = 24 * 60 * 60 * 1000
export const SESSION_TTL_MS = 30 * DAY
const RENEW_WHEN_LEFT_MS = 15 * DAY

export function generateToken(bytes = 20): string {
  return encodeBase32LowerCaseNoPadding(randomBytesPooled(bytes))
}

/** SHA-256 of the token, in hexadecimal: what the database keeps of sessions and personal links. */
export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)))
}

export async function createSession(userId: string, opts: { userAgent?: string | null } = {}, db: Tx = prisma) {
  const token = generateToken()
  const session = await db.session.create({
    data: {
      id: hashToken(token),
      userId,
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
      userAgent: opts.userAgent?.slice(0, 200) ?? null,
    },
  })
  return { token, session }
}

export type AuthUser = { id: string; email: string; name: string | null; locale: string; hasPassword: boolean }
export type Auth = { user: AuthUser; sessionId: string; expiresAt: Date; renewed: boolean }

export async function validateSessionToken(token: string, now = Date.now()): Promise<Auth | null> {
  const id = hashToken(token)
  // Every signed-in page reads this: one statement on the driver (not Prisma's runtime), session and user.
  const rows = await readRows(
    sqlBuilder
      .selectFrom('Session as s')
      .innerJoin('User as u', 'u.id', 's.userId')
      .select((eb) => ['s.expiresAt', 'u.id', 'u.email', 'u.name', 'u.locale', eb('u.passwordHash', 'is not', null).as('hasPassword')])
      .where('s.id', '=', id),
  )
  const found = rows[0]
  if (!found) return null
  const row = {
    expiresAt: found.expiresAt,
    user: { id: found.id, email: found.email, name: found.name, locale: found.locale, hasPassword: Boolean(found.hasPassword) },
  }
  if (row.expiresAt.getTime() <= now) {
    await prisma.session.deleteMany({ where: { id } })
    return null
  }
  let expiresAt = row.expiresAt
  let renewed = false
  if (expiresAt.getTime() - now < RENEW_WHEN_LEFT_MS) {
    expiresAt = new Date(now + SESSION_TTL_MS)
    // updateMany: a session deleted meanwhile (sign out everywhere) must not turn into an error.
    await prisma.session.updateMany({ where: { id }, data: { expiresAt } })
    renewed = true
  }
  return { user: row.user, sessionId: id, expiresAt, renewed }
}

export async function invalidateSession(sessionId: string) {
  await prisma.session.deleteMany({ where: { id: sessionId } })
  forgetRequestAuth()
}

/** "Sign out everywhere": every session of the user, on every device. */
export async function invalidateAllSessions(userId: string, db: Tx = prisma) {
  const { count } = await db.session.deleteMany({ where: { userId } })
  forgetRequestAuth()
  return count
}

/** Sessions of the user that have not expired (one per signed-in browser or device). */
export function countActiveSessions(userId: string, now = new Date(), db: Tx = prisma) {
  return db.session.count({ where: { userId, expiresAt: { gt: now } } })
}

/**
 * Drops what getAuth() remembered for this request, including a queued renewal cookie: it is
 * sent after the response's own cookies, so it would otherwise win over a sign-out.
 */
function forgetRequestAuth() {
  currentRequestContext()?.memo.delete('auth')
  discardQueuedSessionCookies()
}

function discardQueuedSessionCookies() {
  const queued = currentRequestContext()?.setCookies
  if (!queued) return
  for (let i = queued.length - 1; i >= 0; i--) {
    if (queued[i]!.startsWith(`${SESSION_COOKIE}=`)) queued.splice(i, 1)
  }
}

function buildSessionCookie(token: string, expiresAt: Date) {
  const parts = [`${SESSION_COOKIE}=${token}`, 'HttpOnly', 'SameSite=Lax', 'Path=/', `Expires=${expiresAt.toUTCString()}`]
  if (secureCookies()) parts.push('Secure')
  return parts.join('; ')
}

function buildBlankSessionCookie() {
  const parts = [`${SESSION_COOKIE}=`, 'HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=0']
  if (secureCookies()) parts.push('Secure')
  return parts.join('; ')
}

/** Set-Cookie value for a response that signs in; it replaces any cookie getAuth() queued for this request. */
export function sessionCookie(token: string, expiresAt: Date) {
  discardQueuedSessionCookies()
  return buildSessionCookie(token, expiresAt)
}

/** Set-Cookie value for a response that signs out; it replaces any cookie getAuth() queued for this request. */
export function blankSessionCookie() {
  discardQueuedSessionCookies()
  return buildBlankSessionCookie()
}

const SESSION_COOKIE_PATTERN = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([a-z0-9]+)`)

export function readSessionToken(request: Request): string | null {
  const cookie = request.headers.get('cookie') ?? ''
  const match = SESSION_COOKIE_PATTERN.exec(cookie)
  return match?.[1] ?? null
}

/** The signed-in user of this request, or null. Memoised per request; renews the cookie when the session slid. */
export function getAuth(request: Request): Promise<Auth | null> {
  const ctx = currentRequestContext()
  // The promise is kept, not its result: the root's and the page's loaders run at the same time
  // and ask together; the session is read once.
  if (ctx?.memo.has('auth')) return ctx.memo.get('auth') as Promise<Auth | null>
  const token = readSessionToken(request)
  const pending = (async () => {
    const auth = token ? await validateSessionToken(token) : null
    if (ctx) {
      if (auth?.renewed && token) ctx.setCookies.push(buildSessionCookie(token, auth.expiresAt))
      if (token && !auth) ctx.setCookies.push(buildBlankSessionCookie())
    }
    return auth
  })()
  ctx?.memo.set('auth', pending)
  return pending
}

export function loginRedirect(request: Request) {
  const url = new URL(request.url)
  return redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
}

export async function requireUser(request: Request): Promise<Auth> {
  const auth = await getAuth(request)
  if (!auth) throw loginRedirect(request)
  return auth
}

/**
 * Guards every staff loader and action: the signed-in user must be a member of the organisation
 * whose role may do `action` (permissions.ts). Signed out → sign-in page; unknown organisation → 404; else → 403.
 */
export async function requirePermission(request: Request, organisationSlug: string | undefined, action: Action) {
  const auth = await requireUser(request)
  const organisation = organisationSlug ? await findOrganisationBySlug(organisationSlug) : null
  if (!organisation) throw notFound()
  const membership = await findMembership(auth.user.id, organisation.id)
  const role = membership && isRole(membership.role) ? membership.role : null
  if (!membership || !role || !can(role, action)) throw forbidden()
  return { ...auth, organisation, membership, role }
}

/** For a form action whose intents need different permissions: 403 unless the role may do this one. */
export function requireCan(role: Role, action: Action | null) {
  if (action && !can(role, action)) throw forbidden()
}
