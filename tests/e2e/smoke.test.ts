// The production server answers, in French, with an accessible home page.
import AxeBuilder from '@axe-core/playwright'
import { expect, readMailbox, test } from './fixtures.ts'

test('the home page is French, has a main landmark and no serious accessibility violation', async ({ page }) => {
  const response = await page.goto('/')
  expect(response?.status()).toBe(200)
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(page.getByRole('main')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
})

test('a signed-in organiser sees their organisations on the home page', async ({ page, login }) => {
  await login('camille.roux@ess-occitanie.example')
  await page.goto('/')
  const mine = page.getByRole('region', { name: 'Vos espaces organisateur' })
  await expect(mine.getByRole('link', { name: 'CRESS Occitanie' })).toBeVisible()
  await expect(mine.getByRole('link', { name: 'Région Occitanie' })).toBeVisible()
})

test('a staff member signs in with the link emailed to the local mailbox', async ({ page }) => {
  const email = 'admin@cress-pays-de-la-loire.example'
  await page.goto('/login')
  const byLink = page.getByRole('region', { name: 'Par un lien envoyé par e-mail' })
  await byLink.getByLabel('Adresse e-mail').fill(email)
  await byLink.getByRole('button', { name: 'Recevoir un lien de connexion' }).click()
  await expect(page.getByText('Vérifiez votre boîte de réception')).toBeVisible()

  const link = await readMailbox(page, email)
  expect(new URL(link).pathname).toBe('/login/verify')
  await page.goto(link)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.waitForURL((url) => url.pathname !== '/login/verify')
  await page.goto('/')
  await expect(
    page.getByRole('region', { name: 'Vos espaces organisateur' }).getByRole('link', { name: 'CRESS Pays de la Loire' }),
  ).toBeVisible()
})
