// What every page relies on: sessions, access control across organisations, the language
// switch, the Origin check and the health endpoint.
import { expect, test } from './fixtures.ts'

test('"sign out everywhere" ends the sessions of every device', async ({ browser, baseURL, page, login }) => {
  const email = 'organiser@cress-ile-de-france.example'
  await login(email)
  // A second device: its own browser context with its own session.
  const other = await browser.newContext({ baseURL })
  const otherPage = await other.newPage()
  const { createSession, SESSION_COOKIE } = await import('#app/modules/auth/session.server.ts')
  const { prisma } = await import('#app/db.server.ts')
  const user = await prisma.user.findUniqueOrThrow({ where: { email } })
  const { token } = await createSession(user.id, { userAgent: 'second device' })
  await other.addCookies([{ name: SESSION_COOKIE, value: token, url: baseURL! }])
  await otherPage.goto('/account')
  await expect(otherPage).toHaveURL(/\/account$/)

  await page.goto('/account')
  await page.getByRole('button', { name: 'Se déconnecter partout' }).click()
  await expect(page).toHaveURL(/\/login/)

  await otherPage.goto('/account')
  await expect(otherPage).toHaveURL(/\/login\?redirectTo=%2Faccount/)
  expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
  await other.close()
})

test('a staff page is refused to a signed-out visitor and to a member of another organisation', async ({ page, login }) => {
  await page.goto('/o/cress-occitanie/events')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fo%2Fcress-occitanie%2Fevents/)

  await login('admin@cress-centre-val-de-loire.example')
  const response = await page.goto('/o/cress-occitanie/events')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible()
  // Their own organisation opens.
  expect((await page.goto('/o/cress-centre-val-de-loire/events'))?.status()).toBe(200)
})

test('the language switch turns the interface to English and back', async ({ page }) => {
  await page.goto('/legal')
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mentions légales')
  await page.getByRole('button', { name: 'Switch to English' }).click()
  await expect(page).toHaveURL(/\/legal$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Legal notice')
  // The choice sticks across pages.
  await page.goto('/privacy')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Personal data')
  await page.getByRole('button', { name: 'Passer en français' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Données personnelles')
})

test('a POST from another origin is refused with 403 and changes nothing', async ({ request }) => {
  const refused = await request.post('/set-language', {
    headers: { Origin: 'https://evil.example' },
    form: { lang: 'en', redirectTo: '/' },
    maxRedirects: 0,
  })
  expect(refused.status()).toBe(403)
  expect(refused.headers()['set-cookie'] ?? '').not.toContain('lang=')
  const same = await request.post('/set-language', {
    headers: { Origin: new URL(refused.url()).origin },
    form: { lang: 'en', redirectTo: '/' },
    maxRedirects: 0,
  })
  expect(same.status()).toBe(302)
  expect(same.headers()['set-cookie']).toContain('lang=en')
})

test('unknown pages get the friendly 404; /healthz reports the database and the worker', async ({ page, request }) => {
  const response = await page.goto('/nowhere-to-be-found')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible()
  await expect.poll(async () => (await request.get('/healthz')).status(), { timeout: 15_000 }).toBe(200)
  expect(await (await request.get('/healthz')).json()).toMatchObject({ status: 'ok', database: 'ok', worker: 'ok' })
})
