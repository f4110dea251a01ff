// An organiser opens the waiting list of a full event: the queue in its order with positions (not
// by name), offers a seat now to the third person (confirming the capacity goes up by one), who is
// then offered a seat and emailed, while the others keep their places. The page fits a phone.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, organisationWithOrganiser, readMailbox, test } from './fixtures.ts'

/** The server process holds the same SQLite file: a write from here may meet its lock; try again. */
async function retryWhileLocked<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn()
    } catch (error) {
      if (attempt >= 10 || !/database is locked|SQLITE_BUSY/i.test(String(error))) throw error
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt))
    }
  }
}

async function expectNoSeriousA11yViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
}

test('an organiser offers a seat now to the third person of a full event’s waiting list', async ({ page, login }) => {
  test.setTimeout(60_000)
  const { prisma, id, org, organiser } = await organisationWithOrganiser('e2e-attente')
  const { register } = await import('#app/composition/registrations.server.ts')
  const startsAt = new Date(Date.now() + 20 * 24 * 3600_000)
  const event = await retryWhileLocked(() =>
    prisma.event.create({
      data: {
        organisationId: org.id,
        slug: `e2e-attente-${id}`,
        kind: 'conference',
        title: `Forum e2e de l’ESS ${id}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 8 * 3600_000),
        status: 'published',
        capacity: 1,
        waitlistEnabled: true,
      },
    }),
  )
  const someone = (firstName: string, lastName: string) => ({
    firstName,
    lastName,
    email: `${firstName.toLowerCase()}-${id}@example.org`,
    organisationName: 'SCOP Les Ateliers',
    organisationType: 'cooperative',
    departement: null,
    locale: 'fr' as const,
    workshopIds: [],
  })
  expect((await retryWhileLocked(() => register(event.id, someone('Alix', 'Présente')))).outcome).toBe('confirmed')
  // In the order they join, their names run backwards: a list sorted by name would show Xavier first.
  const waiting = [someone('Zoé', 'Zeller'), someone('Yann', 'Yvon'), someone('Xavier', 'Xu')]
  for (const p of waiting) expect((await retryWhileLocked(() => register(event.id, p))).outcome).toBe('waitlisted')

  await login(organiser.email)
  await page.goto(`/o/${org.slug}/events/${event.id}/waiting-list`)
  await expect(page.getByRole('heading', { level: 1, name: 'Liste d’attente' })).toBeVisible()
  await expect(
    page.getByRole('navigation', { name: 'Sections de l’événement' }).getByRole('link', { name: 'Liste d’attente (3)' }),
  ).toHaveAttribute('aria-current', 'page')
  const queue = page.getByRole('list', { name: /^Personnes en attente/ }).getByRole('listitem')
  await expect(queue).toHaveCount(3)
  for (const [index, p] of waiting.entries()) {
    await expect(queue.nth(index)).toContainText(`Position ${index + 1}`)
    await expect(queue.nth(index).getByRole('heading', { level: 2 })).toHaveText(`${p.firstName} ${p.lastName}`)
  }
  await expectNoSeriousA11yViolation(page)

  // The event is full: offering a seat says the capacity goes from 1 to 2, and asks to confirm.
  const third = queue.nth(2)
  await third.locator('summary').click()
  await expect(
    third.getByText('L’événement est complet : proposer une place à Xavier Xu fait passer la capacité de 1 à 2.', { exact: false }),
  ).toBeVisible()
  await third.getByRole('button', { name: 'Confirmer : passer la capacité à 2 et proposer une place à Xavier Xu' }).click()

  await expect(page.getByTestId('toast')).toContainText('Une place a été proposée à Xavier Xu')
  await expect(page.getByTestId('toast')).toContainText('La capacité de l’événement passe à 2.')
  await expect(queue).toHaveCount(2)
  for (const [index, p] of waiting.slice(0, 2).entries()) {
    await expect(queue.nth(index)).toContainText(`Position ${index + 1}`)
    await expect(queue.nth(index).getByRole('heading', { level: 2 })).toHaveText(`${p.firstName} ${p.lastName}`)
  }
  await expect(
    page.getByRole('navigation', { name: 'Sections de l’événement' }).getByRole('link', { name: 'Liste d’attente (2)' }),
  ).toBeVisible()
  const statuses = await prisma.registration.findMany({ where: { eventId: event.id }, select: { email: true, status: true } })
  const statusOf = (email: string) => statuses.find((r) => r.email === email)?.status
  expect(waiting.map((p) => statusOf(p.email))).toEqual(['waitlisted', 'waitlisted', 'offered'])
  expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).capacity).toBe(2)

  // On a phone the queue reflows: nothing wider than the screen, the buttons still there.
  await page.setViewportSize({ width: 360, height: 740 })
  await expect(queue.first().getByText('Proposer une place maintenant', { exact: true })).toBeVisible()
  await expect(queue.nth(1).getByRole('button', { name: 'Faire monter Yann Yvon d’un rang' })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)

  // The offer reached Xavier's mailbox, with the link to accept the seat.
  const link = await readMailbox(page, waiting[2]!.email)
  expect(link).toMatch(/^http/)
})
