import { describe, expect, test, vi } from 'vitest'
import { requestContext } from '#app/utils/request-context.server.ts'
import { blankSessionCookie, generateToken, hashToken, readSessionToken, SESSION_COOKIE, sessionCookie } from './session.server.ts'

// Pure functions only: no database for this file.
vi.mock('#app/db.server.ts', () => ({ prisma: {}, Prisma: {} }))

const expires = new Date('2030-01-02T03:04:05Z')

function attributes(cookie: string) {
  return cookie.split('; ').slice(1)
}

describe('session tokens', () => {
  test('the database id is the SHA-256 of the token, hex encoded', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(hashToken('abd')).not.toBe(hashToken('abc'))
  })

  test('tokens are 160 random bits in lower-case base32', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => generateToken()))
    expect(tokens.size).toBe(100)
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/)
  })
})

function withAppUrl(url: string | undefined, run: () => void) {
  const saved = process.env.APP_URL
  if (url === undefined) delete process.env.APP_URL
  else process.env.APP_URL = url
  try {
    run()
  } finally {
    if (saved === undefined) delete process.env.APP_URL
    else process.env.APP_URL = saved
  }
}

describe('session cookie', () => {
  test('HttpOnly, SameSite=Lax, whole site, with the expiry, and Secure when APP_URL is https', () => {
    const token = generateToken()
    withAppUrl('https://essor.example.org', () => {
      const cookie = sessionCookie(token, expires)
      expect(cookie.startsWith(`${SESSION_COOKIE}=${token};`)).toBe(true)
      expect(attributes(cookie)).toEqual(
        expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', 'Secure', `Expires=${expires.toUTCString()}`]),
      )
    })
  })

  test('not Secure without APP_URL (plain http on this machine), whatever Host the request names', () => {
    withAppUrl(undefined, () => {
      const cookie = sessionCookie('abc', expires)
      expect(attributes(cookie)).not.toContain('Secure')
      expect(attributes(cookie)).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax']))
    })
  })

  test('the blank cookie deletes it with the same flags', () => {
    withAppUrl('https://essor.example.org', () => {
      const cookie = blankSessionCookie()
      expect(cookie.startsWith(`${SESSION_COOKIE}=;`)).toBe(true)
      expect(attributes(cookie)).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=0', 'Secure']))
    })
  })

  test('the token is read back from the Cookie header among others', () => {
    const request = new Request('http://localhost/', { headers: { cookie: `lang=fr; ${SESSION_COOKIE}=abc234; other=1` } })
    expect(readSessionToken(request)).toBe('abc234')
    expect(readSessionToken(new Request('http://localhost/', { headers: { cookie: `x${SESSION_COOKIE}=abc` } }))).toBeNull()
    expect(readSessionToken(new Request('http://localhost/'))).toBeNull()
  })

  test("a response's own session cookie replaces a renewal queued earlier in the request", () => {
    const ctx = { requestId: 'r', setCookies: [`${SESSION_COOKIE}=old; Path=/`, 'lang=fr'], memo: new Map() }
    requestContext.run(ctx, () => {
      blankSessionCookie()
    })
    expect(ctx.setCookies).toEqual(['lang=fr'])
  })
})
