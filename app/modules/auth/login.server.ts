// Signing in: a single-use email link for everyone, an optional password for staff.
// Answers never tell whether an address has an account.
import { prisma } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import { isStaff } from '#app/modules/organisations/service.server.ts'
import { isValidEmail, normaliseEmail } from '#app/shared/email-address.ts'
import { isUniqueViolation } from '#app/utils/errors.ts'
import { isLocale, type Locale } from '#app/utils/i18n.ts'
import { safeRedirectPath } from '#app/utils/http.server.ts'
import { burnPasswordCheck, checkPasswordPolicy, hashPassword, needsRehash, verifyPassword } from './password.server.ts'
import { checkSignInFailures, limitSignIn, recordSignInFailure } from './rate-limit.server.ts'
import { createSession, generateToken, hashToken } from './session.server.ts'

export const SIGN_IN_LINK_TTL_MINUTES = 15
const SIGN_IN_LINK_TTL_MS = SIGN_IN_LINK_TTL_MINUTES * 60 * 1000
/** Spent links are kept a day (so a late click says "already used"), then deleted. */
const KEEP_SPENT_LINKS_MS = 24 * 60 * 60 * 1000

export type RateLimited = { ok: false; reason: 'rateLimited'; retryAfterSeconds: number }

export type SignInLinkRequest = {
  email: string
  locale: Locale
  /** Where to go after signing in; only same-site paths are kept. */
  redirectTo?: string | null
  ip: string
  /** Origin the link points to (appOrigin(): APP_URL, else this server's own address; never the request's). */
  appOrigin: string
}

export async function requestSignInLink(
  input: SignInLinkRequest,
): Promise<{ ok: true } | RateLimited | { ok: false; reason: 'invalidEmail' }> {
  const email = normaliseEmail(input.email)
  if (!isValidEmail(email)) return { ok: false, reason: 'invalidEmail' }
  const limit = await limitSignIn({ email, ip: input.ip })
  if (!limit.allowed) return { ok: false, reason: 'rateLimited', retryAfterSeconds: limit.retryAfterSeconds }

  const token = generateToken()
  const url = new URL('/login/verify', input.appOrigin)
  url.searchParams.set('token', token)
  const redirectTo = input.redirectTo ? safeRedirectPath(input.redirectTo, '') || null : null
  const now = Date.now()
  // The link and its email exist together or not at all.
  await prisma.$transaction(async (tx) => {
    await tx.loginToken.create({
      data: { id: hashToken(token), email, expiresAt: new Date(now + SIGN_IN_LINK_TTL_MS), redirectTo, locale: input.locale },
    })
    await enqueueEmail(tx, {
      to: email,
      locale: input.locale,
      template: 'sign-in-link',
      props: { url: url.toString(), expiresInMinutes: SIGN_IN_LINK_TTL_MINUTES },
      category: 'auth',
    })
  })
  if (Math.random() < 0.05) {
    void prisma.loginToken.deleteMany({ where: { expiresAt: { lt: new Date(now - KEEP_SPENT_LINKS_MS) } } }).catch(() => {})
  }
  return { ok: true }
}

export type SignInLinkState = 'valid' | 'invalid' | 'expired' | 'used'

export class SignInLinkError extends Error {
  constructor(readonly reason: Exclude<SignInLinkState, 'valid'>) {
    super(`Sign-in link ${reason}`)
    this.name = 'SignInLinkError'
  }
}

/** What the link is worth, without spending it (the confirmation page shows it before the click). */
export async function checkSignInLink(token: string, now = new Date()): Promise<SignInLinkState> {
  if (!token) return 'invalid'
  const link = await prisma.loginToken.findUnique({ where: { id: hashToken(token) } })
  if (!link) return 'invalid'
  if (link.usedAt) return 'used'
  if (link.expiresAt <= now) return 'expired'
  return 'valid'
}

/**
 * Spends the link (exactly once, even under concurrent clicks), creates the user on a first
 * sign-in and opens a session. Throws SignInLinkError for an unknown, expired or used link.
 */
export async function consumeSignInLink(
  token: string,
  opts: { userAgent?: string | null; locale?: Locale; now?: Date } = {},
): Promise<{ sessionToken: string; expiresAt: Date; redirectTo: string | null; userId: string; email: string; created: boolean }> {
  try {
    return await spendSignInLink(token, opts)
  } catch (error) {
    // Two links of one new address spent at the same moment both try to create the user: the
    // loser's transaction rolled back (its link unspent), and a second try finds the user.
    if (isUniqueViolation(error)) return spendSignInLink(token, opts)
    throw error
  }
}

function spendSignInLink(token: string, opts: { userAgent?: string | null; locale?: Locale; now?: Date }) {
  const id = hashToken(token)
  const now = opts.now ?? new Date()
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.loginToken.updateMany({
      where: { id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    })
    const link = await tx.loginToken.findUnique({ where: { id } })
    if (count !== 1 || !link) {
      if (!link) throw new SignInLinkError('invalid')
      throw new SignInLinkError(!link.usedAt && link.expiresAt <= now ? 'expired' : 'used')
    }
    let user = await tx.user.findUnique({ where: { email: link.email }, select: { id: true } })
    const created = !user
    if (!user) {
      user = await tx.user.create({
        data: { email: link.email, locale: isLocale(link.locale) ? link.locale : isLocale(opts.locale) ? opts.locale : 'fr' },
        select: { id: true },
      })
      await audit(tx, {
        actorUserId: user.id,
        action: 'user.create',
        entityType: 'User',
        entityId: user.id,
        details: { email: link.email, source: 'signInLink' },
      })
    }
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } })
    const { token: sessionToken, session } = await createSession(user.id, { userAgent: opts.userAgent }, tx)
    return { sessionToken, expiresAt: session.expiresAt, redirectTo: link.redirectTo, userId: user.id, email: link.email, created }
  })
}

/** Staff only (a membership and a password). Every failure gives the same answer. */
export async function signInWithPassword(input: {
  email: string
  password: string
  ip: string
  userAgent?: string | null
}): Promise<
  | { ok: true; sessionToken: string; expiresAt: Date; userId: string; email: string }
  | RateLimited
  | { ok: false; reason: 'invalidCredentials' }
> {
  const email = normaliseEmail(input.email)
  const attempt = { email, ip: input.ip }
  const limit = await checkSignInFailures(attempt)
  if (!limit.allowed) return { ok: false, reason: 'rateLimited', retryAfterSeconds: limit.retryAfterSeconds }

  const user = isValidEmail(email)
    ? await prisma.user.findUnique({
        where: { email },
        select: { id: true, passwordHash: true, _count: { select: { memberships: true } } },
      })
    : null
  if (!user?.passwordHash || user._count.memberships === 0) {
    await burnPasswordCheck(input.password)
    await recordSignInFailure(attempt)
    return { ok: false, reason: 'invalidCredentials' }
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    await recordSignInFailure(attempt)
    return { ok: false, reason: 'invalidCredentials' }
  }

  const rehash = needsRehash(user.passwordHash) ? await hashPassword(input.password).catch(() => null) : null
  const { token, session } = await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date(), ...(rehash ? { passwordHash: rehash } : {}) } })
    return createSession(user.id, { userAgent: input.userAgent }, tx)
  })
  return { ok: true, sessionToken: token, expiresAt: session.expiresAt, userId: user.id, email }
}

/**
 * Sets or changes the password of a staff member. Other sessions are closed (a changed password
 * should lock out whoever else was signed in); `keepSessionId` keeps the caller's own.
 */
export async function setPassword(
  userId: string,
  password: string,
  opts: { keepSessionId?: string; actorUserId?: string } = {},
): Promise<{ ok: true; closedSessions: number } | { ok: false; reason: 'tooShort' | 'tooLong' | 'notStaff' }> {
  const problem = checkPasswordPolicy(password)
  if (problem) return { ok: false, reason: problem }
  if (!(await isStaff(userId))) return { ok: false, reason: 'notStaff' }
  const passwordHash = await hashPassword(password)
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })
    await tx.user.update({ where: { id: userId }, data: { passwordHash } })
    const { count } = await tx.session.deleteMany({
      where: { userId, ...(opts.keepSessionId ? { id: { not: opts.keepSessionId } } : {}) },
    })
    await audit(tx, {
      actorUserId: opts.actorUserId ?? userId,
      action: before.passwordHash ? 'user.changePassword' : 'user.setPassword',
      entityType: 'User',
      entityId: userId,
      details: { closedSessions: count },
    })
    return { ok: true as const, closedSessions: count }
  })
}
