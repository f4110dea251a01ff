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

describe('session cookie', () => {
  test('HttpOnly, SameSite=Lax, whole site, with the expiry, and Secure on a real host', () => {
    const token = generateToken()
    const cookie = sessionCookie(new Request('https://essor.example.org/login'), token, expires)
    expect(cookie.startsWith(`${SESSION_COOKIE}=${token};`)).toBe(true)
    expect(attributes(cookie)).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', 'Secure', `Expires=${expires.toUTCString()}`]),
    )
    // Secure is decided by the host, not by the scheme a proxy may have stripped.
    expect(attributes(sessionCookie(new Request('http://essor.example.org/login'), token, expires))).toContain('Secure')
  })

  test('not Secure on localhost, so local http development works', () => {
    for (const url of ['http://localhost:3000/', 'http://127.0.0.1:3000/', 'http://[::1]:3000/']) {
      const cookie = sessionCookie(new Request(url), 'abc', expires)
      expect(attributes(cookie)).not.toContain('Secure')
      expect(attributes(cookie)).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax']))
    }
  })

  test('the blank cookie deletes it with the same flags', () => {
    const cookie = blankSessionCookie(new Request('https://essor.example.org/'))
    expect(cookie.startsWith(`${SESSION_COOKIE}=;`)).toBe(true)
    expect(attributes(cookie)).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=0', 'Secure']))
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
      blankSessionCookie(new Request('http://localhost/logout'))
    })
    expect(ctx.setCookies).toEqual(['lang=fr'])
  })
})
