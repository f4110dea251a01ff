// Sliding sessions through the production server (`npm start`, the built app): a session with
// fewer than 15 days left is extended to 30 days in the database AND its cookie is sent again
// with the new expiry, or the browser would drop it on its first date. Once with one process
// (the server, the worker and the jobs together) and once with two HTTP processes. Needs the
// production build (`npm test` builds before this step).
import { afterAll, describe, expect, test } from 'vitest'
import { prisma, dbTarget } from '#app/db.server.ts'
import { createSession, SESSION_COOKIE } from '#app/modules/auth/session.server.ts'
import { cleanup, startServer, type BenchServer } from '#tests/bench/lib.ts'
import { makeUser } from '#tests/support/factories.ts'

afterAll(cleanup)

const DAY = 24 * 60 * 60 * 1000

async function sessionWithDaysLeft(days: number) {
  const user = await makeUser()
  const { token, session } = await createSession(user.id)
  await prisma.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() + days * DAY) } })
  return { token, id: session.id }
}

function sessionCookiesOf(response: Response) {
  return response.headers.getSetCookie().filter((c) => c.startsWith(`${SESSION_COOKIE}=`))
}

describe.each([
  { processes: '1', label: 'one process' },
  { processes: '2', label: 'two HTTP processes' },
])(`session renewal through the production server, $label (${dbTarget.provider})`, ({ processes }) => {
  let server: BenchServer

  test('a session with 10 days left is extended and its cookie re-sent; one with 20 days left is left alone', async () => {
    const database = {
      kind: dbTarget.provider === 'postgresql' ? ('postgres' as const) : ('sqlite' as const),
      url: process.env.DATABASE_URL!,
      drop: async () => {},
    }
    server = await startServer(database, {
      env: { WEB_CONCURRENCY: processes, MIGRATE_ON_START: 'off', RUN_WORKER: 'off' },
      startTimeoutMs: 120_000,
    })

    const sliding = await sessionWithDaysLeft(10)
    const before = Date.now()
    const response = await fetch(`${server.url}/account`, { headers: { Cookie: `${SESSION_COOKIE}=${sliding.token}` }, redirect: 'manual' })
    expect(response.status).toBe(200)
    const [cookie, ...more] = sessionCookiesOf(response)
    expect(more).toEqual([])
    expect(cookie).toBeDefined()
    expect(cookie).toContain(`${SESSION_COOKIE}=${sliding.token};`)
    expect(cookie).toContain('HttpOnly')
    const expires = Date.parse(/Expires=([^;]+)/.exec(cookie!)![1]!)
    // The cookie now ends 30 days from this request (to the second the header carries).
    expect(expires).toBeGreaterThanOrEqual(before + 30 * DAY - 2000)
    expect(expires).toBeLessThanOrEqual(Date.now() + 30 * DAY + 1000)
    const stored = await prisma.session.findUniqueOrThrow({ where: { id: sliding.id } })
    expect(Math.abs(stored.expiresAt.getTime() - expires)).toBeLessThan(1000)

    // Half-way through its life a session is not renewed: no cookie, no change.
    const fresh = await sessionWithDaysLeft(20)
    const storedBefore = await prisma.session.findUniqueOrThrow({ where: { id: fresh.id } })
    const again = await fetch(`${server.url}/account`, { headers: { Cookie: `${SESSION_COOKIE}=${fresh.token}` }, redirect: 'manual' })
    expect(again.status).toBe(200)
    expect(sessionCookiesOf(again)).toEqual([])
    expect((await prisma.session.findUniqueOrThrow({ where: { id: fresh.id } })).expiresAt).toEqual(storedBefore.expiresAt)

    // An unknown token is cleared in the browser.
    const unknown = await fetch(`${server.url}/account`, { headers: { Cookie: `${SESSION_COOKIE}=abcdefghijklmnop` }, redirect: 'manual' })
    expect(unknown.status).toBe(302)
    expect(sessionCookiesOf(unknown)).toEqual([expect.stringContaining('Max-Age=0')])
    await server.stop()
  })
})
