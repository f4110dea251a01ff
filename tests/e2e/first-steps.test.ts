// Where people land and what they see first: the page after sign-in, the error summary taking
// focus, one language catalogue per page, and the events list on a phone.
import { randomBytes } from 'node:crypto'
import type { Page, Response } from '@playwright/test'
import { DEMO_PASSWORD } from '../../prisma/seed.ts'
import { e2eDb, expect, organisationWithOrganiser, readMailbox, test } from './fixtures.ts'

const DAY = 24 * 3600_000

async function signInWithPassword(page: Page, email: string, path = '/login') {
  await page.goto(path)
  const byPassword = page.getByRole('region', { name: 'Avec un mot de passe (membres des équipes)' })
  await byPassword.locator('summary').click()
  await byPassword.getByLabel('Adresse e-mail').fill(email)
  await byPassword.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
  await byPassword.getByRole('button', { name: 'Se connecter avec le mot de passe' }).click()
  await page.waitForURL((url) => url.pathname !== '/login')
}

/** A published public event of its own, a few days ahead. */
async function publicEvent() {
  const { prisma, id, org } = await organisationWithOrganiser('e2e-first-steps')
  const startsAt = new Date(Date.now() + 3 * DAY)
  return prisma.event.create({
    data: {
      organisationId: org.id,
      slug: `e2e-first-steps-${id}`,
      kind: 'conference',
      title: `Rencontre des premiers pas ${id}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 4 * 3600_000),
      capacity: 40,
      status: 'published',
      visibility: 'public',
      town: 'Toulouse',
      departement: '31',
    },
  })
}

test.describe('after signing in', () => {
  test('an organiser of one organisation lands on its dashboard', async ({ page }) => {
    await signInWithPassword(page, 'organiser@cress-centre-val-de-loire.example')
    await expect(page).toHaveURL('/o/cress-centre-val-de-loire')
    await expect(page.getByRole('heading', { level: 1, name: 'CRESS Centre-Val de Loire' })).toBeVisible()
  })

  test('a member of two organisations lands on the chooser, which opens either', async ({ page }) => {
    await signInWithPassword(page, 'camille.roux@ess-occitanie.example')
    await expect(page).toHaveURL('/o')
    await expect(page.getByRole('heading', { level: 1, name: 'Choisir une organisation' })).toBeVisible()
    await page.getByRole('main').getByRole('link', { name: 'Région Occitanie' }).click()
    await expect(page).toHaveURL('/o/region-occitanie')
  })

  test('through the emailed link: staff land on their dashboard, anyone else on the home page', async ({ page, context }) => {
    const signInByLink = async (email: string) => {
      await page.goto('/login')
      const byLink = page.getByRole('region', { name: 'Par un lien envoyé par e-mail' })
      await byLink.getByLabel('Adresse e-mail').fill(email)
      await byLink.getByRole('button', { name: 'Recevoir un lien de connexion' }).click()
      await expect(page.getByText('Vérifiez votre boîte de réception')).toBeVisible()
      await page.goto(await readMailbox(page, email))
      await page.getByRole('button', { name: 'Se connecter' }).click()
      await page.waitForURL((url) => url.pathname !== '/login/verify')
    }
    await signInByLink('organiser@cress-pays-de-la-loire.example')
    await expect(page).toHaveURL('/o/cress-pays-de-la-loire')

    await context.clearCookies()
    await signInByLink(`visiteur-${randomBytes(3).toString('hex')}@example.org`)
    await expect(page).toHaveURL('/')
    await expect(page.getByRole('region', { name: 'Prochains événements' })).toBeVisible()
  })

  test('the page the sign-in was asked from wins, but never another site', async ({ page, context }) => {
    await signInWithPassword(page, 'admin@cress-ile-de-france.example', '/login?redirectTo=%2Fo%2Fcress-ile-de-france%2Fevents')
    await expect(page).toHaveURL('/o/cress-ile-de-france/events')

    await context.clearCookies()
    await signInWithPassword(page, 'admin@cress-ile-de-france.example', `/login?redirectTo=${encodeURIComponent('/\t/evil.example/')}`)
    await expect(page).toHaveURL('/o/cress-ile-de-france')
    await context.clearCookies()
    await signInWithPassword(page, 'admin@cress-ile-de-france.example', `/login?redirectTo=${encodeURIComponent('https://evil.example/')}`)
    await expect(page).toHaveURL('/o/cress-ile-de-france')
  })
})

test('after a refused submit, focus is on the error summary, which links to the field', async ({ page }) => {
  await page.goto('/login')
  const byLink = page.getByRole('region', { name: 'Par un lien envoyé par e-mail' })
  await byLink.getByRole('button', { name: 'Recevoir un lien de connexion' }).click()
  const summary = byLink.getByRole('alert')
  await expect(summary).toBeVisible()
  await expect(summary).toBeFocused()
  const fieldId = await byLink.getByLabel('Adresse e-mail').getAttribute('id')
  expect(fieldId).toBeTruthy()
  await expect(summary.getByRole('link')).toHaveAttribute('href', `#${fieldId}`)
  await summary.getByRole('link').click()
  await expect(byLink.getByLabel('Adresse e-mail')).toBeFocused()
})

type Script = { url: string; body: string; transferred: number }

/** Every JavaScript answer the page receives from now on, body and bytes on the wire. */
function recordScripts(page: Page) {
  const scripts: Promise<Script>[] = []
  const onResponse = (response: Response) => {
    const type = response.headers()['content-type'] ?? ''
    if (!type.includes('javascript')) return
    scripts.push(
      (async () => {
        const body = (await response.body()).toString('utf8')
        const sizes = await response.request().sizes()
        return { url: response.url(), body, transferred: sizes.responseBodySize }
      })(),
    )
  }
  page.on('response', onResponse)
  return async () => {
    page.off('response', onResponse)
    return Promise.all(scripts)
  }
}

// A catalogue is known by its messages (the code only holds keys): the skip link's text, in each language.
const isFrench = (s: Script) => s.body.includes('Aller au contenu')
const isEnglish = (s: Script) => s.body.includes('Skip to content')
const isCatalogue = (s: Script) => isFrench(s) || isEnglish(s)

test('a public event page loads its language’s catalogue only, and the other one after switching', async ({ page }) => {
  const event = await publicEvent()
  const stop = recordScripts(page)
  await page.goto(`/e/${event.slug}`)
  await expect(page.getByRole('heading', { level: 1, name: event.title })).toBeVisible()
  await page.waitForLoadState('networkidle')
  const french = await stop()

  const catalogues = french.filter(isCatalogue)
  expect(catalogues.map((s) => new URL(s.url).pathname)).toEqual([expect.stringMatching(/\/fr-[\w-]+\.js$/)])
  expect(isFrench(catalogues[0]!)).toBe(true)
  expect(french.some(isEnglish)).toBe(false)
  const total = french.reduce((sum, s) => sum + s.body.length, 0)
  const wire = french.reduce((sum, s) => sum + s.transferred, 0)
  console.log(
    `French event page: ${french.length} scripts, ${total} bytes of JavaScript (${wire} transferred); ` +
      `catalogue ${new URL(catalogues[0]!.url).pathname}: ${catalogues[0]!.body.length} bytes (${catalogues[0]!.transferred} transferred)`,
  )

  const stopEnglish = recordScripts(page)
  await page.getByRole('button', { name: 'Switch to English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('link', { name: 'Events', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Passer en français' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  const english = (await stopEnglish()).filter(isCatalogue)
  expect(english.map((s) => new URL(s.url).pathname)).toEqual([expect.stringMatching(/\/en-[\w-]+\.js$/)])
  expect(isEnglish(english[0]!)).toBe(true)
  expect(isFrench(english[0]!)).toBe(false)
  console.log(`English catalogue ${new URL(english[0]!.url).pathname}: ${english[0]!.body.length} bytes`)
})

test.describe('the events list on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

  test('shows the events first; the filters open behind one button, with or without JavaScript', async ({ page, browser }) => {
    await publicEvent()
    const prisma = await e2eDb()
    expect(await prisma.event.count({ where: { status: 'published', visibility: 'public', endsAt: { gt: new Date() } } })).toBeGreaterThan(
      0,
    )

    await page.goto('/e')
    const results = page.getByRole('region', { name: 'Résultats' })
    const firstEvent = results.getByRole('article').first()
    await expect(firstEvent).toBeInViewport()
    const region = page.getByLabel('Région')
    await expect(region).toBeHidden()
    const toggle = page.locator('summary', { hasText: 'Filtres' })
    await expect(toggle).toBeVisible()
    // Nothing of the filters stands above the first event but the one button.
    const toggleBox = (await toggle.boundingBox())!
    const eventBox = (await firstEvent.boundingBox())!
    expect(toggleBox.y + toggleBox.height).toBeLessThanOrEqual(eventBox.y)

    await toggle.click()
    await expect(region).toBeVisible()
    await expect(page.locator('details:has(> summary#filters-title)')).toHaveAttribute('open', '')

    const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    const plain = await noScript.newPage()
    await plain.goto(new URL('/e', page.url()).toString())
    await expect(plain.getByLabel('Région')).toBeHidden()
    await plain.locator('summary', { hasText: 'Filtres' }).click()
    await expect(plain.getByLabel('Région')).toBeVisible()
    await noScript.close()
  })

  test('on a wide screen the filters stand open beside the list', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto('/e')
    await expect(page.getByLabel('Région')).toBeVisible()
  })
})

test('the home page leads to the next events and the open prizes, and the header to the prizes', async ({ page }) => {
  await publicEvent()
  await page.goto('/')
  const upcoming = page.getByRole('region', { name: 'Prochains événements' })
  await expect(upcoming.getByRole('article').first()).toBeVisible()
  await expect(upcoming.getByRole('link', { name: 'Tous les événements' })).toHaveAttribute('href', '/e')
  const prizes = page.getByRole('region', { name: 'Prix ouverts aux candidatures' })
  await expect(prizes.getByRole('link', { name: 'Tous les prix' })).toHaveAttribute('href', '/prix')
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Prix', exact: true }).click()
  await expect(page).toHaveURL('/prix')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

test('the 404 page speaks the visitor’s language', async ({ page, context }) => {
  const missing = `/nulle-part-${randomBytes(3).toString('hex')}`
  const response = await page.goto(missing)
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible()
  await context.addCookies([{ name: 'lang', value: 'en', url: page.url() }])
  await page.goto(missing)
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Back to the home page' })).toBeVisible()
})
