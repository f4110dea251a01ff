// Check-in when the venue's network fails: the page opened once keeps working offline (service
// worker + the attendee list in IndexedDB), check-ins made offline wait on the device and are sent
// when the network comes back.
import { randomBytes } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import { devices, type Page } from '@playwright/test'
import { DEMO_PASSWORD } from '../../prisma/seed.ts'
import { expect, test } from './fixtures.ts'

test.use({ viewport: devices['Pixel 7'].viewport, hasTouch: true })

const ORG = 'cress-occitanie'

/**
 * Signed in through the form, so the browser holds a cookie it received: in this Chromium the
 * requests a service worker makes do not carry the cookies Playwright's `addCookies` planted
 * (the `login` fixture), and every page the worker fetched answered with the sign-in page.
 */
async function signInWithPassword(page: Page, email: string) {
  await page.goto('/login')
  const byPassword = page.getByRole('region', { name: 'Avec un mot de passe (membres des équipes)' })
  await byPassword.locator('summary').click()
  await byPassword.getByLabel('Adresse e-mail').fill(email)
  await byPassword.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
  await byPassword.getByRole('button', { name: 'Se connecter avec le mot de passe' }).click()
  await page.waitForURL((url) => url.pathname !== '/login')
}

async function eventWithTwoRegistrants() {
  const [{ prisma }, { searchTextOf }] = await Promise.all([import('#app/db.server.ts'), import('#app/modules/registrations/rules.ts')])
  const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: ORG } })
  const suffix = randomBytes(3).toString('hex')
  const startsAt = new Date(Date.now() + 24 * 3600_000)
  const event = await prisma.event.create({
    data: {
      organisationId: org.id,
      slug: `e2e-hors-ligne-${suffix}`,
      kind: 'conference',
      title: `Journée hors ligne ${suffix}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 8 * 3600_000),
      status: 'published',
      capacity: 100,
      seatsTaken: 2,
    },
  })
  // One statement per row (see checkin.test.ts: the server holds the SQLite file too).
  const make = (firstName: string, lastName: string) => {
    const person = {
      firstName,
      lastName,
      email: `${firstName.toLowerCase()}.${suffix}@example.org`,
      organisationName: 'Scop des Causses',
      organisationType: 'cooperative',
    }
    return prisma.registration.create({
      data: {
        ...person,
        eventId: event.id,
        locale: 'fr',
        consentAt: new Date(),
        status: 'confirmed',
        source: 'manual',
        manageTokenHash: randomBytes(32).toString('hex'),
        ticketCode: randomBytes(5).toString('hex').toUpperCase(),
        searchText: searchTextOf(person),
      },
    })
  }
  const first = await make('Maëlle', `Roussel${suffix}`)
  const second = await make('Yannick', `Castan${suffix}`)
  return { event, first, second, prisma }
}

test('offline: a person is checked in by name and another by code, then the queue is sent when the network is back', async ({
  page,
  context,
}) => {
  const { event, first, second, prisma } = await eventWithTwoRegistrants()
  await signInWithPassword(page, `checkin@${ORG}.example`)
  const url = `/o/${ORG}/events/${event.id}/checkin`

  await page.goto(url)
  const network = page.getByTestId('checkin-network')
  await expect(network).toContainText('En ligne')
  await expect(network).toContainText('aucun émargement en attente d’envoi')
  // The list is on the device once its time is shown; the service worker controls the page.
  await expect(network).toContainText('Liste des inscrits enregistrée sur cet appareil')
  await page.evaluate(() => navigator.serviceWorker.ready)
  // The worker claims the page it was registered from; if this browser did not, one reload does
  // it, as the desk opens the page before the doors open.
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload()
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
  // The page itself goes into the worker's cache when it is loaded under its control.
  await page.reload()
  await expect(network).toContainText('En ligne')

  await context.setOffline(true)
  await expect(network).toContainText('Hors ligne')
  // The page opens again without a network, from the service worker's cache.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Émargement' })).toBeVisible()
  await expect(network).toContainText('Hors ligne')
  await expect(page.getByTestId('checkin-counter')).toContainText('0 / 2')

  await page.getByLabel('Nom, structure ou e-mail').fill(`maelle roussel`)
  await page.getByRole('button', { name: 'Rechercher' }).click()
  await page.getByRole('button', { name: `Émarger ${first.firstName} ${first.lastName}` }).click()
  await expect(page.getByRole('status').filter({ hasText: first.lastName })).toContainText('sur cet appareil')
  await expect(network).toContainText('1 émargement en attente d’envoi')
  await expect(page.getByRole('button', { name: `Émarger ${first.firstName} ${first.lastName}` })).toHaveCount(0)

  await page.getByLabel('Code du billet').fill(second.ticketCode.toLowerCase())
  await page.getByRole('button', { name: 'Émarger ce billet' }).click()
  await expect(page.getByRole('status').filter({ hasText: second.lastName })).toContainText('sur cet appareil')
  await expect(network).toContainText('2 émargements en attente d’envoi')
  await expect(page.getByTestId('checkin-counter')).toContainText('2 / 2')
  // Nothing reached the server yet.
  expect(await prisma.registration.count({ where: { eventId: event.id, checkedInAt: { not: null } } })).toBe(0)

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])

  await context.setOffline(false)
  await expect(network).toContainText('En ligne')
  await expect(network).toContainText('aucun émargement en attente d’envoi', { timeout: 10_000 })
  const stored = await prisma.registration.findMany({
    where: { eventId: event.id },
    select: { id: true, checkedInAt: true, checkedInBy: true },
  })
  expect(stored.every((r) => r.checkedInAt !== null)).toBe(true)

  // After a reload the server's page shows them checked in.
  await page.goto(`${url}?q=${encodeURIComponent('maelle roussel')}`)
  await expect(page.getByTestId('checkin-counter')).toContainText('2 / 2')
  await expect(page.getByText(/Émargé·e à/)).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the page works as before: search, check in, no offline status', async ({ page, login }) => {
    const { event, first, prisma } = await eventWithTwoRegistrants()
    await login(`checkin@${ORG}.example`)
    await page.goto(`/o/${ORG}/events/${event.id}/checkin`)
    await expect(page.getByTestId('checkin-network')).toHaveCount(0)
    await page.getByLabel('Nom, structure ou e-mail').fill('maelle roussel')
    await page.getByRole('button', { name: 'Rechercher' }).click()
    await page.getByRole('button', { name: `Émarger ${first.firstName} ${first.lastName}` }).click()
    await expect(page.getByRole('status').filter({ hasText: first.lastName })).toContainText('est émargé·e')
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: first.id } })).checkedInAt).not.toBeNull()
  })
})
