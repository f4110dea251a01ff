// Organisers set up paid tickets: an organiser adds a paid ticket to an event (fixing a price the
// form points out) and chooses the payment methods; an administrator fills in the organisation's
// legal and bank details (fixing a SIRET the form points out); an organiser marks a bank transfer
// paid from the registrations list and the attendee gets the confirmation. Axe finds no violation.
// The event is created here, in an organisation other tests leave alone, so adding a ticket
// changes no registration form another test uses.
import AxeBuilder from '@axe-core/playwright'
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { e2eDb, expect, readMailbox, test } from './fixtures.ts'

const ORG = 'cress-pays-de-la-loire'

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

async function newEvent(title: string) {
  const prisma = await e2eDb()
  const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: ORG } })
  const suffix = randomBytes(3).toString('hex')
  const startsAt = new Date(Date.now() + 40 * 24 * 3600_000)
  return retryWhileLocked(() =>
    prisma.event.create({
      data: {
        organisationId: org.id,
        slug: `journee-ess-payante-${suffix}`,
        kind: 'conference',
        title: `${title} ${suffix}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 8 * 3600_000),
        capacity: 120,
        status: 'published',
        visibility: 'public',
        town: 'Nantes',
        departement: '44',
      },
    }),
  )
}

async function expectNoA11yViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(results.violations.map((v) => `${v.impact}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
    [],
  )
}

test('an organiser adds a paid ticket and chooses the payment methods', async ({ page, login }) => {
  test.setTimeout(60_000)
  const prisma = await e2eDb()
  const event = await newEvent('Journée de l’ESS à Nantes')
  await login(`organiser@${ORG}.example`)

  await page.goto(`/o/${ORG}/events/${event.id}`)
  await page.getByRole('navigation', { name: 'Sections de l’événement' }).getByRole('link', { name: 'Billets et paiement' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Billets et paiement' })).toBeVisible()
  await expect(page.getByText('Aucun billet : l’inscription à cet événement est gratuite.')).toBeVisible()
  await expectNoA11yViolation(page)

  // A price that is not an amount: the form says so next to the field and keeps the input.
  const newTicket = page.getByRole('region', { name: 'Nouveau billet' })
  await newTicket.getByLabel('Type de billet').selectOption('paid')
  await newTicket.getByLabel('Nom du billet').fill('Plein tarif')
  await newTicket.getByLabel('Prix en euros').fill('quarante-cinq')
  await newTicket.getByLabel(/^Nombre de billets/).fill('100')
  await newTicket.getByRole('button', { name: 'Ajouter le billet' }).click()
  // Once in the error summary (a link to the field), once next to the field (its description).
  await expect(page.getByRole('alert').getByRole('link', { name: 'Indiquez un prix en euros, par exemple 45 ou 12,50.' })).toBeVisible()
  await expect(newTicket.getByLabel('Prix en euros')).toHaveAccessibleDescription(/Indiquez un prix en euros, par exemple 45 ou 12,50\./)
  await expect(newTicket.getByLabel('Prix en euros')).toHaveAttribute('aria-invalid', 'true')
  await expect(newTicket.getByLabel('Nom du billet')).toHaveValue('Plein tarif')
  expect(await prisma.ticketType.count({ where: { eventId: event.id } })).toBe(0)

  await newTicket.getByLabel('Prix en euros').fill('45,00')
  await newTicket.getByRole('button', { name: 'Ajouter le billet' }).click()
  await expect(page.getByRole('heading', { level: 3, name: 'Plein tarif' })).toBeVisible()
  await expect(page.getByText('45,00 €')).toBeVisible()
  await expect(page.getByText('0 pris sur 100')).toBeVisible()
  const ticket = await prisma.ticketType.findFirstOrThrow({ where: { eventId: event.id } })
  expect(ticket).toMatchObject({ kind: 'paid', name: 'Plein tarif', priceCents: 4500, quota: 100, sold: 0 })

  // Methods: transfer and purchase order only, a 45-minute hold, a 5 € refund fee.
  const settings = page.getByRole('region', { name: 'Paiement', exact: true })
  await settings.getByLabel('Carte bancaire (Stripe)').uncheck()
  await settings.getByLabel('Virement bancaire').check()
  await settings.getByLabel(/Bon de commande/).check()
  await settings.getByLabel(/Durée de réservation/).fill('45')
  await settings.getByLabel(/Frais retenus/).fill('5')
  await settings.getByRole('button', { name: 'Enregistrer le paiement' }).click()
  await expect(page.getByText('Réglages de paiement enregistrés.')).toBeVisible()
  await expect(settings.getByLabel('Virement bancaire')).toBeChecked()
  await expect(settings.getByLabel('Carte bancaire (Stripe)')).not.toBeChecked()
  const saved = await prisma.event.findUniqueOrThrow({ where: { id: event.id } })
  expect(saved).toMatchObject({
    acceptsCard: false,
    acceptsTransfer: true,
    acceptsPurchaseOrder: true,
    paymentHoldMinutes: 45,
    refundFeeCents: 500,
  })
  await expectNoA11yViolation(page)
})

test('an administrator fills in the legal and bank details; an organiser may not', async ({ page, login }) => {
  const prisma = await e2eDb()
  await login(`organiser@${ORG}.example`)
  const forbidden = await page.goto(`/o/${ORG}/settings`)
  expect(forbidden?.status()).toBe(403)

  await page.context().clearCookies()
  await login(`admin@${ORG}.example`)
  await page.goto(`/o/${ORG}`)
  await page.getByRole('link', { name: 'Informations légales et bancaires' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Informations légales et bancaires' })).toBeVisible()
  await expectNoA11yViolation(page)

  await page.getByLabel('Raison sociale').fill('Chambre régionale de l’ESS des Pays de la Loire')
  await page.getByLabel('SIRET').fill('732 829 320 00075')
  await page.getByLabel('Titulaire du compte').fill('CRESS Pays de la Loire')
  await page.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 189')
  await page.getByLabel('BIC').fill('AGRIFRPP')
  await page.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(page.getByLabel('SIRET')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('Ce SIRET n’est pas valide (clé de contrôle incorrecte) : vérifiez les chiffres.').first()).toBeVisible()
  await expectNoA11yViolation(page)

  await page.getByLabel('SIRET').fill('732 829 320 00074')
  await page.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(page.getByText('Informations légales et bancaires enregistrées.')).toBeVisible()
  await expect(page.getByLabel('IBAN')).toHaveValue('FR76 3000 6000 0112 3456 7890 189')
  const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: ORG } })
  expect(org).toMatchObject({
    siret: '73282932000074',
    iban: 'FR7630006000011234567890189',
    bic: 'AGRIFRPP',
    bankAccountHolder: 'CRESS Pays de la Loire',
  })
})

test('an organiser marks a bank transfer paid: registration confirmed, receipt numbered, email sent', async ({ page, login }) => {
  test.setTimeout(60_000)
  const prisma = await e2eDb()
  const { register } = await import('#app/composition/registrations.server.ts')
  const event = await newEvent('Forum de l’ESS à Angers')
  await retryWhileLocked(() => prisma.event.update({ where: { id: event.id }, data: { acceptsCard: false, acceptsTransfer: true } }))
  const ticket = await retryWhileLocked(() =>
    prisma.ticketType.create({ data: { eventId: event.id, kind: 'paid', name: 'Plein tarif', priceCents: 4500 } }),
  )
  const email = `lea.${randomBytes(3).toString('hex')}@example.org`
  const result = await retryWhileLocked(() =>
    register(event.id, {
      firstName: 'Léa',
      lastName: 'Moreau',
      email,
      organisationName: 'Association Le Lien',
      organisationType: 'association',
      departement: '49',
      locale: 'fr',
      workshopIds: [],
      ticketTypeId: ticket.id,
      paymentMethod: 'transfer',
    }),
  )
  expect(result.outcome).toBe('pending_payment')
  const reference = result.payment!.reference

  await login(`organiser@${ORG}.example`)
  await page.goto(`/o/${ORG}/events/${event.id}/registrations`)
  await expect(page.getByRole('heading', { level: 2, name: 'Paiements' })).toBeVisible()
  // The list is a table on a desktop screen (cards on a phone): only the visible copy counts.
  await expect(page.getByText('Virement — En attente').filter({ visible: true })).toBeVisible()
  await expect(page.getByText(`Référence\u202f: ${reference}`).filter({ visible: true })).toBeVisible()
  await expectNoA11yViolation(page)

  await page.getByText('Marquer payé', { exact: true }).filter({ visible: true }).click()
  await page
    .getByRole('button', { name: /^Marquer payé : Léa Moreau/ })
    .filter({ visible: true })
    .click()
  await expect(page.getByText('Paiement enregistré : inscription confirmée, reçu envoyé.')).toBeVisible()
  await expect(page.getByText('Virement — Payé').filter({ visible: true })).toBeVisible()
  const payment = await prisma.payment.findUniqueOrThrow({ where: { id: result.payment!.id }, include: { registration: true } })
  expect(payment.status).toBe('paid')
  expect(payment.receiptNumber).toBeGreaterThan(0)
  expect(payment.registration.status).toBe('confirmed')
  await expect(page.getByText(`Reçu n° ${String(payment.receiptNumber).padStart(6, '0')}`).filter({ visible: true })).toBeVisible()
  const link = await readMailbox(page, email, { subject: 'Inscription confirmée' })
  expect(link).toContain('/r/')
})
