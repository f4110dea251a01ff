// Paying for a ticket by card, as a person does it: the registration form, Stripe Checkout (the
// loopback stub started beside the e2e server, tests/support/stripe-stub.ts), back on Essor.
// The stub signs its checkout.session.completed webhook to /webhooks/stripe like Stripe does.
import AxeBuilder from '@axe-core/playwright'
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { E2E_STRIPE_PORT } from './env.ts'
import { e2eDb, expect, readMailbox, test } from './fixtures.ts'
import { createPaidEvent } from './paid-event.ts'

const newEmail = (who: string) => `${who}-${randomBytes(4).toString('hex')}@example.org`

async function registerByCard(page: Page, slug: string, email: string) {
  await page.goto(`/e/${slug}/register`)
  await page.getByRole('textbox', { name: /^Prénom/ }).fill('Camille')
  await page.getByRole('textbox', { name: /^Nom \*/ }).fill('Carte')
  await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(email)
  await page.getByRole('textbox', { name: /^Nom de votre structure/ }).fill('Recyclerie du Lauragais')
  await page.getByRole('combobox', { name: /^Type de structure/ }).selectOption('association')
  await page.getByRole('radio', { name: /Plein tarif/ }).check()
  await page.getByRole('radio', { name: /Carte bancaire/ }).check()
  await page.getByRole('checkbox', { name: /J’accepte que ces informations/ }).check()
  await page.getByRole('button', { name: /Valider mon inscription/ }).click()
  // Straight to (the stand-in for) Stripe Checkout.
  await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${E2E_STRIPE_PORT}/pay/cs_test_`))
  await expect(page.getByTestId('amount')).toHaveText(/45,00\s€/)
}

test('paid ticket by card: Checkout, back on Essor with the registration confirmed, email with the receipt link', async ({ page }) => {
  const event = await createPaidEvent({ acceptsCard: true, acceptsTransfer: true, acceptsPurchaseOrder: false })
  const email = newEmail('carte')
  await registerByCard(page, event.slug, email)
  await page.getByRole('button', { name: 'Payer' }).click()

  await expect(page).toHaveURL(/\/paiement\/[^/]+\/retour\?session_id=cs_test_/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paiement reçu : inscription confirmée')
  await expect(page.getByTestId('payment-state')).toHaveAttribute('data-state', 'paid')
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
  expect(axe.violations).toEqual([])

  const prisma = await e2eDb()
  const registration = await prisma.registration.findFirstOrThrow({ where: { eventId: event.id, email }, include: { payments: true } })
  expect(registration.status).toBe('confirmed')
  expect(registration.payments).toHaveLength(1)
  expect(registration.payments[0]).toMatchObject({ method: 'card', status: 'paid', amountCents: 4500 })
  expect(registration.payments[0]!.receiptNumber).toBeGreaterThan(0)
  // The stub's signed webhook went through the real HTTP stack (Origin check exemption, raw body).
  expect(await prisma.stripeEvent.count({ where: { type: 'checkout.session.completed' } })).toBeGreaterThan(0)
  // Confirmed once, whether the webhook or the return page came first.
  expect(await prisma.auditLog.count({ where: { action: 'payment.paid', entityId: registration.payments[0]!.id } })).toBe(1)

  await readMailbox(page, email, { subject: /Inscription confirmée/ })
  const receipt = page.locator('section[aria-labelledby="message-links"] a[href*="/recu"]')
  await expect(receipt.first()).toBeVisible()
  await page.goto((await receipt.first().getAttribute('href'))!)
  await expect(page.getByRole('heading', { name: /^Reçu n° / })).toBeVisible()
  await expect(page.getByText(/45,00\s€/).first()).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('back from Checkout without paying: the seat is held until the shown time, then given back on request', async ({ page }) => {
    const event = await createPaidEvent({ acceptsCard: true, acceptsTransfer: true, acceptsPurchaseOrder: false })
    const email = newEmail('retour')
    await registerByCard(page, event.slug, email)
    await page.getByRole('link', { name: 'Retour' }).click()

    await expect(page).toHaveURL(/\/paiement\/[^/]+\/annule\?session_id=cs_test_/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paiement non effectué')
    await expect(page.getByTestId('payment-state')).toHaveText(/Votre place reste réservée jusqu’à \d{2}:\d{2}/)
    await expect(page.getByRole('button', { name: 'Reprendre le paiement par carte' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Payer plutôt par virement' })).toBeVisible()
    const prisma = await e2eDb()
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(1)

    await page.getByRole('button', { name: 'Annuler ma réservation' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Réservation annulée')
    const registration = await prisma.registration.findFirstOrThrow({ where: { eventId: event.id, email }, include: { payments: true } })
    expect(registration.status).toBe('cancelled')
    expect(registration.payments[0]!.status).toBe('cancelled')
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(0)
  })
})
