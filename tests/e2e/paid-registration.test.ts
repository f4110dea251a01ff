// Paid tickets on the attendee's side, without Stripe keys (the default): the form asks the
// ticket and the payment method (no card offered), a transfer leads to the payment page and the
// instructions email, the organisers' confirmation sends the ticket with a receipt link, the
// receipt shows the legal details, and cancelling says before confirming what will be refunded.
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { e2eDb, expect, readMailbox, test } from './fixtures.ts'
import { createPaidEvent } from './paid-event.ts'

async function fillPerson(page: Page, email: string) {
  await page.getByRole('textbox', { name: /^Prénom/ }).fill('Camille')
  await page.getByRole('textbox', { name: /^Nom \*/ }).fill('Martin')
  await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(email)
  await page.getByRole('textbox', { name: /^Nom de votre structure/ }).fill('SCOP Les Ateliers')
  await page.getByRole('combobox', { name: /^Type de structure/ }).selectOption('cooperative')
  await page.getByRole('checkbox', { name: /J’accepte que ces informations/ }).check()
}

test.describe('paid tickets without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('transfer: payment page and instructions, confirmation with receipt, refund warning on cancel', async ({ page }) => {
    const event = await createPaidEvent({ acceptsCard: false, acceptsTransfer: true, acceptsPurchaseOrder: true })
    const email = `payeur-${randomBytes(4).toString('hex')}@example.org`
    await page.goto(`/e/${event.slug}/register`)
    const tickets = page.getByRole('group', { name: /^Billet/ })
    await expect(tickets.getByRole('radio', { name: /Plein tarif — 45,00\s€/ })).toBeEnabled()
    await expect(tickets.getByRole('radio', { name: /Tarif réduit — 20,00\s€/ })).toBeDisabled()
    // The event does not take cards: card is never offered.
    await expect(page.getByRole('radio', { name: 'Carte bancaire' })).toHaveCount(0)

    // A purchase order without its number: the error is next to the field.
    await fillPerson(page, email)
    await tickets.getByRole('radio', { name: /Plein tarif/ }).check()
    await page.getByRole('radio', { name: 'Mandat administratif' }).check()
    await page.getByRole('button', { name: 'Valider mon inscription' }).click()
    await expect(page.getByRole('textbox', { name: /^Numéro du bon de commande/ })).toHaveAccessibleDescription(
      /Indiquez le numéro du bon de commande/,
    )

    await page.getByRole('checkbox', { name: /J’accepte que ces informations/ }).check()
    await page.getByRole('radio', { name: 'Virement bancaire' }).check()
    await page.getByRole('button', { name: 'Valider mon inscription' }).click()
    await expect(page).toHaveURL(/\/r\/[a-z0-9]+\/paiement\?welcome=1$/)
    await expect(page.getByTestId('payment-amount')).toHaveText(/45,00\s€/)
    await expect(page.getByTestId('bank-details')).toContainText('FR7630006000011234567890189')
    const reference = (await page.getByTestId('payment-reference').textContent())!.trim()
    expect(reference).toMatch(/^ESS-[0-9A-Z]{8}$/)

    // The instructions email links to the registration, which waits for its payment.
    const manageLink = await readMailbox(page, email, { subject: 'Paiement de votre inscription' })
    await page.goto(manageLink)
    await expect(page.getByTestId('registration-status')).toHaveText('En attente de paiement')

    // The organisers receive the transfer (pay-ui's "Marquer payé" calls confirmPayment).
    const prisma = await e2eDb()
    const { confirmPayment } = await import('#app/modules/payments/service.server.ts')
    const payment = await prisma.payment.findUniqueOrThrow({ where: { reference } })
    await prisma.$transaction((tx) => confirmPayment(tx, payment.id, { now: new Date() }))
    // confirmPayment ran in this process: the link's origin is this process's base URL, so only its path counts.
    const receiptLink = new URL(await readMailbox(page, email, { subject: 'Inscription confirmée' })).pathname
    expect(receiptLink).toMatch(/\/r\/[a-z0-9]+\/recu$/)
    await page.goto(receiptLink)
    await expect(page.getByRole('heading', { level: 1, name: /^Reçu n° \d{6}$/ })).toBeVisible()
    await expect(page.getByTestId('receipt-amount')).toContainText('45,00')
    await expect(page.getByText('SIRET : 12345678901234')).toBeVisible()
    await expect(page.getByText('TVA non applicable, art. 293 B du CGI')).toBeVisible()

    // Cancelling before the deadline: the amount less the fee, refunded by transfer — said before confirming.
    await page.goto(`${receiptLink.replace(/\/recu$/, '')}?cancel=1`)
    await expect(page.getByTestId('registration-status')).toHaveText('Inscription confirmée')
    await expect(page.getByTestId('refund-warning')).toHaveText(/L’équipe organisatrice vous remboursera 40,00\s€ par virement/)
    await page.getByRole('button', { name: 'Oui, annuler mon inscription' }).click()
    await expect(page.getByTestId('registration-status')).toHaveText('Inscription annulée')
    const after = await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })
    expect(after).toMatchObject({ refundStatus: 'pending', refundCents: 4000, refundFeeCents: 500 })
  })
})
