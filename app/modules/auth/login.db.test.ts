import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { prisma } from '#app/db.server.ts'
import * as outbox from '#app/modules/email/outbox.server.ts'
import { addMembership, ensureUser, registerOrganisation } from '#app/modules/organisations/service.server.ts'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { checkSignInLink, consumeSignInLink, requestSignInLink, setPassword, SignInLinkError, signInWithPassword } from './login.server.ts'
import { hashPassword } from './password.server.ts'
import { createSession, hashToken, invalidateAllSessions, SESSION_TTL_MS, validateSessionToken } from './session.server.ts'

vi.mock('#app/modules/email/outbox.server.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('#app/modules/email/outbox.server.ts')>()
  return { ...actual, enqueueEmail: vi.fn(actual.enqueueEmail) }
})

const MINUTE = 60 * 1000
const DAY = 24 * 60 * MINUTE
let ipCounter = 0
/** A fresh client address per call, so only the limit under test can trip. */
const freshIp = () => `192.0.2.${++ipCounter}`
const origin = 'https://essor.example.org'

async function requestLink(email: string, extra: { ip?: string; redirectTo?: string; locale?: 'fr' | 'en' } = {}) {
  return requestSignInLink({
    email,
    locale: extra.locale ?? 'fr',
    redirectTo: extra.redirectTo,
    ip: extra.ip ?? freshIp(),
    appOrigin: origin,
  })
}

/** The clear token, as only the recipient of the email sees it. */
async function tokenFromOutbox(email: string) {
  const message = await prisma.emailMessage.findFirstOrThrow({ where: { toAddress: email }, orderBy: { createdAt: 'desc' } })
  const { url } = JSON.parse(message.payload) as { url: string }
  return new URL(url).searchParams.get('token')!
}

async function staffMember(email: string, password?: string) {
  const { user } = await ensureUser({ email, passwordHash: password ? await hashPassword(password) : null })
  const slug = `org-${Math.random().toString(36).slice(2, 8)}`
  const organisation = await registerOrganisation({ slug, name: slug })
  await addMembership({ userId: user.id, organisationId: organisation.id, role: 'organiser' })
  return user
}

beforeEach(async () => {
  await prisma.rateLimit.deleteMany()
})

afterEach(() => {
  delete process.env.RATE_LIMIT_SIGNIN_PER_IP
  delete process.env.RATE_LIMIT_SIGNIN_PER_EMAIL
  resetEnvCache()
  vi.mocked(outbox.enqueueEmail).mockClear()
})

describe('requesting a sign-in link', () => {
  test('stores only the SHA-256 of the token and queues the email with the link, valid 15 minutes', async () => {
    const before = Date.now()
    expect(await requestLink('  Camille@Example.ORG ', { redirectTo: '/o/cress/events?x=1', locale: 'en' })).toEqual({ ok: true })

    const message = await prisma.emailMessage.findFirstOrThrow({ where: { toAddress: 'camille@example.org' } })
    expect(message).toMatchObject({ template: 'sign-in-link', locale: 'en', status: 'pending', category: 'auth' })
    const payload = JSON.parse(message.payload) as { url: string; expiresInMinutes: number }
    expect(payload.expiresInMinutes).toBe(15)
    expect(payload.url).toMatch(/^https:\/\/essor\.example\.org\/login\/verify\?token=[a-z2-7]{32}$/)
    const token = await tokenFromOutbox('camille@example.org')

    const links = await prisma.loginToken.findMany()
    expect(links).toHaveLength(1)
    const link = links[0]!
    expect(link.id).toBe(hashToken(token))
    expect(link.email).toBe('camille@example.org')
    expect(link.redirectTo).toBe('/o/cress/events?x=1')
    expect(link.usedAt).toBeNull()
    expect(JSON.stringify(link)).not.toContain(token)
    const ttl = link.expiresAt.getTime() - before
    expect(ttl).toBeGreaterThanOrEqual(15 * MINUTE - 1000)
    expect(ttl).toBeLessThanOrEqual(15 * MINUTE + 5000)
  })

  test('the link and its email are written in one transaction: no link without its email', async () => {
    const actual = (await vi.importActual<typeof outbox>('#app/modules/email/outbox.server.ts')).enqueueEmail
    vi.mocked(outbox.enqueueEmail).mockImplementationOnce(async (tx, email) => {
      await actual(tx, email)
      throw new Error('outbox down')
    })
    await expect(requestLink('rollback@example.org')).rejects.toThrow('outbox down')
    expect(await prisma.loginToken.count({ where: { email: 'rollback@example.org' } })).toBe(0)
    expect(await prisma.emailMessage.count({ where: { toAddress: 'rollback@example.org' } })).toBe(0)
  })

  test('answers the same whether or not the address has an account, and creates no account', async () => {
    await ensureUser({ email: 'known@example.org' })
    expect(await requestLink('known@example.org')).toEqual({ ok: true })
    expect(await requestLink('unknown@example.org')).toEqual({ ok: true })
    expect(await prisma.user.count({ where: { email: 'unknown@example.org' } })).toBe(0)
  })

  test('keeps only same-site redirect paths', async () => {
    await requestLink('redirect@example.org', { redirectTo: '//evil.example/phish' })
    await requestLink('redirect@example.org', { redirectTo: 'https://evil.example/' })
    const links = await prisma.loginToken.findMany({ where: { email: 'redirect@example.org' } })
    expect(links.map((l) => l.redirectTo)).toEqual([null, null])
  })

  test('refuses an invalid address without writing anything', async () => {
    const before = await prisma.loginToken.count()
    expect(await requestLink('not-an-address')).toEqual({ ok: false, reason: 'invalidEmail' })
    expect(await prisma.loginToken.count()).toBe(before)
  })

  test('is limited per address (5 by default), whatever the client address', async () => {
    for (let i = 0; i < 5; i++) expect((await requestLink('busy@example.org')).ok).toBe(true)
    const refused = await requestLink('BUSY@example.org')
    expect(refused).toMatchObject({ ok: false, reason: 'rateLimited' })
    expect(refused.ok === false && refused.reason === 'rateLimited' && refused.retryAfterSeconds).toBeGreaterThan(0)
    expect(await prisma.loginToken.count({ where: { email: 'busy@example.org' } })).toBe(5)
    expect(await prisma.emailMessage.count({ where: { toAddress: 'busy@example.org' } })).toBe(5)
    expect((await requestLink('other@example.org')).ok).toBe(true)
  })

  test('is limited per client IP across addresses', async () => {
    process.env.RATE_LIMIT_SIGNIN_PER_IP = '3'
    resetEnvCache()
    const ip = '198.51.100.7'
    for (let i = 0; i < 3; i++) expect((await requestLink(`person${i}@example.org`, { ip })).ok).toBe(true)
    expect(await requestLink('person9@example.org', { ip })).toMatchObject({ ok: false, reason: 'rateLimited' })
    expect(await prisma.loginToken.count({ where: { email: 'person9@example.org' } })).toBe(0)
    expect((await requestLink('person9@example.org', { ip: '198.51.100.8' })).ok).toBe(true)
  })
})

describe('consuming a sign-in link', () => {
  test('creates the account on first sign-in, in the link’s language, and opens a session', async () => {
    // Asked in English; the browser that opens the link says French: the asker's language wins.
    await requestLink('new@example.org', { redirectTo: '/account', locale: 'en' })
    const token = await tokenFromOutbox('new@example.org')
    expect(await checkSignInLink(token)).toBe('valid')

    const result = await consumeSignInLink(token, { userAgent: 'Firefox', locale: 'fr' })
    expect(result.redirectTo).toBe('/account')
    expect(result.created).toBe(true)
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'new@example.org' } })
    expect(user).toMatchObject({ id: result.userId, locale: 'en', passwordHash: null })
    expect(user.lastSignInAt).not.toBeNull()
    const session = await prisma.session.findUniqueOrThrow({ where: { id: hashToken(result.sessionToken) } })
    expect(session).toMatchObject({ userId: user.id, userAgent: 'Firefox' })
    expect((await validateSessionToken(result.sessionToken))?.user.email).toBe('new@example.org')
    expect(await prisma.auditLog.count({ where: { action: 'user.create', entityId: user.id } })).toBe(1)
    expect(await checkSignInLink(token)).toBe('used')
  })

  test('signs an existing user in without creating another', async () => {
    const { user } = await ensureUser({ email: 'existing@example.org' })
    await requestLink('existing@example.org')
    const result = await consumeSignInLink(await tokenFromOutbox('existing@example.org'))
    expect(result).toMatchObject({ userId: user.id, created: false, redirectTo: null })
  })

  test('works once: a second use is refused as used', async () => {
    await requestLink('once@example.org')
    const token = await tokenFromOutbox('once@example.org')
    await consumeSignInLink(token)
    await expect(consumeSignInLink(token)).rejects.toMatchObject({ name: 'SignInLinkError', reason: 'used' })
    expect(await prisma.session.count({ where: { user: { email: 'once@example.org' } } })).toBe(1)
  })

  test('two concurrent uses open exactly one session', async () => {
    await requestLink('race@example.org')
    const token = await tokenFromOutbox('race@example.org')
    const results = await Promise.allSettled([consumeSignInLink(token), consumeSignInLink(token), consumeSignInLink(token)])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(rejected).toHaveLength(2)
    for (const r of rejected) expect(r.reason).toBeInstanceOf(SignInLinkError)
    expect(await prisma.session.count({ where: { user: { email: 'race@example.org' } } })).toBe(1)
    expect(await prisma.user.count({ where: { email: 'race@example.org' } })).toBe(1)
  })

  test('expires 15 minutes after it was sent', async () => {
    await requestLink('late@example.org')
    const token = await tokenFromOutbox('late@example.org')
    const { expiresAt } = await prisma.loginToken.findUniqueOrThrow({ where: { id: hashToken(token) } })
    expect(await checkSignInLink(token, new Date(expiresAt.getTime() + 1))).toBe('expired')
    await expect(consumeSignInLink(token, { now: expiresAt })).rejects.toMatchObject({ reason: 'expired' })
    // Still unspent, so a moment earlier it works.
    const ok = await consumeSignInLink(token, { now: new Date(expiresAt.getTime() - 1000) })
    expect(ok.sessionToken).toBeTruthy()
  })

  test('an unknown token is invalid', async () => {
    expect(await checkSignInLink('nope')).toBe('invalid')
    expect(await checkSignInLink('')).toBe('invalid')
    await expect(consumeSignInLink('a'.repeat(32))).rejects.toMatchObject({ reason: 'invalid' })
  })
})

describe('sessions', () => {
  test('sliding renewal: moved to 30 days when fewer than 15 remain, untouched otherwise', async () => {
    const { user } = await ensureUser({ email: 'slide@example.org' })
    const { token, session } = await createSession(user.id)
    const now = Date.now()
    expect(session.expiresAt.getTime()).toBeGreaterThan(now + SESSION_TTL_MS - 5000)

    await prisma.session.update({ where: { id: session.id }, data: { expiresAt: new Date(now + 16 * DAY) } })
    const fresh = await validateSessionToken(token, now)
    expect(fresh?.renewed).toBe(false)
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).expiresAt.getTime()).toBe(now + 16 * DAY)

    await prisma.session.update({ where: { id: session.id }, data: { expiresAt: new Date(now + 14 * DAY) } })
    const renewed = await validateSessionToken(token, now)
    expect(renewed?.renewed).toBe(true)
    expect(renewed?.expiresAt.getTime()).toBe(now + 30 * DAY)
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).expiresAt.getTime()).toBe(now + 30 * DAY)
  })

  test('an expired session is refused and deleted', async () => {
    const { user } = await ensureUser({ email: 'expired@example.org' })
    const { token, session } = await createSession(user.id)
    await prisma.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await validateSessionToken(token)).toBeNull()
    expect(await prisma.session.count({ where: { id: session.id } })).toBe(0)
  })

  test('sign out everywhere closes every session of the user and only theirs', async () => {
    const { user } = await ensureUser({ email: 'everywhere@example.org' })
    const { user: other } = await ensureUser({ email: 'bystander@example.org' })
    const mine = await Promise.all([createSession(user.id), createSession(user.id), createSession(user.id)])
    const theirs = await createSession(other.id)
    expect(await invalidateAllSessions(user.id)).toBe(3)
    for (const { token } of mine) expect(await validateSessionToken(token)).toBeNull()
    expect(await validateSessionToken(theirs.token)).not.toBeNull()
  })
})

describe('password sign-in (staff only)', () => {
  const password = 'a long enough passphrase'

  test('signs in a staff member with the right password', async () => {
    const user = await staffMember('staff@example.org', password)
    const result = await signInWithPassword({ email: ' Staff@Example.org', password, ip: freshIp(), userAgent: 'Safari' })
    expect(result).toMatchObject({ ok: true, userId: user.id })
    if (!result.ok) throw new Error('unreachable')
    expect((await validateSessionToken(result.sessionToken))?.user.id).toBe(user.id)
  })

  test('gives the same answer for a wrong password, no password, no membership or no account', async () => {
    await staffMember('wrong@example.org', password)
    await staffMember('nopassword@example.org')
    await ensureUser({ email: 'notstaff@example.org', passwordHash: await hashPassword(password) })
    const invalid = { ok: false, reason: 'invalidCredentials' }
    expect(await signInWithPassword({ email: 'wrong@example.org', password: 'not the password', ip: freshIp() })).toEqual(invalid)
    expect(await signInWithPassword({ email: 'nopassword@example.org', password, ip: freshIp() })).toEqual(invalid)
    expect(await signInWithPassword({ email: 'notstaff@example.org', password, ip: freshIp() })).toEqual(invalid)
    expect(await signInWithPassword({ email: 'ghost@example.org', password, ip: freshIp() })).toEqual(invalid)
    const emails = ['wrong@example.org', 'nopassword@example.org', 'notstaff@example.org']
    expect(await prisma.session.count({ where: { user: { email: { in: emails } } } })).toBe(0)
  })

  test('shares the per-address limit: the right password is refused once it is reached', async () => {
    await staffMember('guessed@example.org', password)
    for (let i = 0; i < 5; i++) {
      expect(await signInWithPassword({ email: 'guessed@example.org', password: `guess ${i}`, ip: freshIp() })).toMatchObject({ ok: false })
    }
    expect(await signInWithPassword({ email: 'guessed@example.org', password, ip: freshIp() })).toMatchObject({
      ok: false,
      reason: 'rateLimited',
    })
  })

  test('successes never count: a shared check-in address signs in many times in a row, from one IP', async () => {
    await staffMember('checkin-desk@example.org', password)
    const ip = freshIp()
    for (let i = 0; i < 8; i++) {
      const result = await signInWithPassword({ email: 'checkin-desk@example.org', password, ip })
      expect(result.ok).toBe(true)
    }
    // Five wrong ones in a row are limited, on the same address and IP, even for the right password next.
    for (let i = 0; i < 5; i++) {
      expect(await signInWithPassword({ email: 'checkin-desk@example.org', password: `wrong ${i}`, ip })).toEqual({
        ok: false,
        reason: 'invalidCredentials',
      })
    }
    expect(await signInWithPassword({ email: 'checkin-desk@example.org', password, ip })).toMatchObject({
      ok: false,
      reason: 'rateLimited',
    })
    expect(await prisma.session.count({ where: { user: { email: 'checkin-desk@example.org' } } })).toBe(8)
  })

  test('setPassword: staff only, at least 12 characters, audited, closes the other sessions', async () => {
    const { user: visitor } = await ensureUser({ email: 'visitor@example.org' })
    expect(await setPassword(visitor.id, password)).toEqual({ ok: false, reason: 'notStaff' })

    const staff = await staffMember('setter@example.org')
    expect(await setPassword(staff.id, 'elevenchars')).toEqual({ ok: false, reason: 'tooShort' })
    const kept = await createSession(staff.id)
    const other = await createSession(staff.id)
    expect(await setPassword(staff.id, password, { keepSessionId: kept.session.id })).toEqual({ ok: true, closedSessions: 1 })
    expect(await validateSessionToken(kept.token)).not.toBeNull()
    expect(await validateSessionToken(other.token)).toBeNull()

    const stored = await prisma.user.findUniqueOrThrow({ where: { id: staff.id } })
    expect(stored.passwordHash).toMatch(/^scrypt\$/)
    expect(stored.passwordHash).not.toContain(password)
    expect((await signInWithPassword({ email: 'setter@example.org', password, ip: freshIp() })).ok).toBe(true)

    await setPassword(staff.id, 'another long passphrase')
    const entries = await prisma.auditLog.findMany({ where: { entityType: 'User', entityId: staff.id }, orderBy: { createdAt: 'asc' } })
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['user.setPassword', 'user.changePassword']))
    expect(entries.some((e) => e.details?.includes(password))).toBe(false)
  })
})
