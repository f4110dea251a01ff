// Playwright fixtures. `login(email)` signs in the way the Epic Stack does: it writes a session
// row straight into the end-to-end database and sets the session cookie, so only the sign-in
// tests themselves click through the sign-in pages.
import { randomBytes } from 'node:crypto'
import { test as base, expect, type Page } from '@playwright/test'
import { E2E_BASE_URL, E2E_DATABASE_URL } from './env.ts'

// Before any app module loads: db.server.ts opens the database DATABASE_URL names on import.
process.env.DATABASE_URL = E2E_DATABASE_URL

async function app() {
  const [{ prisma }, session] = await Promise.all([import('#app/db.server.ts'), import('#app/modules/auth/session.server.ts')])
  return { prisma, ...session }
}

export type LoggedInUser = { id: string; email: string; name: string | null }

type Fixtures = {
  /** Signs the page's browser context in as this (existing, e.g. demo) user. */
  login: (email: string) => Promise<LoggedInUser>
}

export const test = base.extend<Fixtures>({
  login: async ({ context, baseURL }, use) => {
    const { prisma, createSession, SESSION_COOKIE } = await app()
    const created: string[] = []
    await use(async (email) => {
      const user = await prisma.user.findUnique({
        where: { email: email.trim().toLowerCase() },
        select: { id: true, email: true, name: true },
      })
      if (!user) throw new Error(`login(): no user ${email} in the e2e database (demo accounts: prisma/seed.ts)`)
      const { token, session } = await createSession(user.id, { userAgent: 'playwright' })
      created.push(session.id)
      const url = new URL(baseURL ?? E2E_BASE_URL)
      await context.addCookies([
        {
          name: SESSION_COOKIE,
          value: token,
          domain: url.hostname,
          path: '/',
          httpOnly: true,
          sameSite: 'Lax',
          secure: false,
          expires: Math.floor(session.expiresAt.getTime() / 1000),
        },
      ])
      return user
    })
    if (created.length > 0) await prisma.session.deleteMany({ where: { id: { in: created } } })
  },
})

export { expect }

/** The end-to-end database, for tests that set up their own data (an edition, an event…). */
export async function e2eDb() {
  const { prisma, dbReady } = await import('#app/db.server.ts')
  await dbReady
  return prisma
}

/** A new organisation of its own for one test run (slug `<prefix>-<id>`) and its organiser. */
export async function organisationWithOrganiser(prefix: string) {
  const prisma = await e2eDb()
  const id = randomBytes(4).toString('hex')
  const org = await prisma.organisation.create({ data: { slug: `${prefix}-${id}`, name: `CRESS de test ${id}` } })
  const organiser = await prisma.user.create({ data: { email: `organiser-${id}@example.org` } })
  await prisma.membership.create({ data: { userId: organiser.id, organisationId: org.id, role: 'organiser' } })
  return { prisma, id, org, organiser }
}

/**
 * The first link of the newest message to `to` in the local mailbox (/dev/mailbox), as an
 * absolute URL. Emails leave through the outbox worker, so it polls until one arrives; with
 * `subject`, only a message whose subject matches counts (e.g. the second email to one address).
 */
export async function readMailbox(
  page: Page,
  to: string,
  { subject, timeout = 15_000 }: { subject?: string | RegExp; timeout?: number } = {},
): Promise<string> {
  const deadline = Date.now() + timeout
  for (;;) {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`)
    // The list is a table, newest first; each subject links to the message's page.
    const subjects = page.locator('table tbody tr a[href^="/dev/mailbox/"]')
    const count = await subjects.count()
    for (let i = 0; i < count; i++) {
      const text = (await subjects.nth(i).textContent())?.trim() ?? ''
      if (subject && !(typeof subject === 'string' ? text.includes(subject) : subject.test(text))) continue
      await page.goto((await subjects.nth(i).getAttribute('href'))!)
      const link = page.locator('section[aria-labelledby="message-links"] a[href]').first()
      if ((await link.count()) === 0) throw new Error(`readMailbox(): the newest message to ${to} ("${text}") has no link`)
      return new URL((await link.getAttribute('href'))!, page.url()).toString()
    }
    if (Date.now() > deadline) {
      throw new Error(`readMailbox(): no message${subject ? ` matching ${subject}` : ''} for ${to} after ${timeout} ms`)
    }
    await page.waitForTimeout(250)
  }
}
