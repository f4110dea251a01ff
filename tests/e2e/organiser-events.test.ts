// An organiser creates an event (fixing a mistake the form points out), builds its programme and
// questions, publishes it, moves its date and chooses to tell the registrant, then cancels it.
import AxeBuilder from '@axe-core/playwright'
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const ORG = 'cress-occitanie'

async function app() {
  const [{ prisma }, { register }] = await Promise.all([import('#app/db.server.ts'), import('#app/composition/registrations.server.ts')])
  return { prisma, register }
}

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

/** "YYYY-MM-DDTHH:mm" `days` from now (the page reads it as Paris time). */
function localInput(days: number, time: string) {
  const d = new Date(Date.now() + days * 24 * 3600_000)
  return `${d.toISOString().slice(0, 10)}T${time}`
}

test('an organiser creates, programmes, publishes, reschedules (telling registrants) and cancels an event', async ({ page, login }) => {
  test.setTimeout(90_000)
  const { prisma, register } = await app()
  const suffix = randomBytes(3).toString('hex')
  const title = `Rencontre e2e de l’ESS ${suffix}`
  await login(`organiser@${ORG}.example`)

  await page.goto(`/o/${ORG}/events`)
  await expect(page.getByRole('heading', { level: 1, name: 'Événements' })).toBeVisible()
  await page.getByRole('link', { name: 'Créer un événement' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvel événement' })).toBeVisible()
  await expectNoSeriousA11yViolation(page)

  // A mistake: the end before the start. The form says so next to the field and keeps the input.
  await page.getByLabel('Titre').fill(title)
  await page.getByLabel('Début').fill(localInput(40, '09:00'))
  await page.getByLabel(/^Fin\b/).fill(localInput(39, '17:00'))
  await page.getByLabel('Commune').fill('Narbonne')
  await page.getByLabel('Nombre de places').fill('50')
  await page.getByRole('button', { name: 'Créer le brouillon' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'La fin doit être après le début.' })).toBeVisible()
  await expect(page.getByLabel(/^Fin\b/)).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Titre')).toHaveValue(title)

  await page.getByLabel(/^Fin\b/).fill(localInput(40, '17:00'))
  await page.getByRole('button', { name: 'Créer le brouillon' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Brouillon', { exact: true })).toBeVisible()
  const event = await prisma.event.findFirstOrThrow({ where: { title } })
  expect(event.slug).toBe(`rencontre-e2e-de-l-ess-${suffix}`)
  expect(event.capacity).toBe(50)
  await expectNoSeriousA11yViolation(page)

  // Programme: one slot (its times default to the event's), one workshop of 20 seats.
  await page.getByRole('navigation', { name: 'Sections de l’événement' }).getByRole('link', { name: 'Programme' }).click()
  await page.getByLabel('Intitulé du créneau').fill('Ateliers du matin')
  await page.getByRole('button', { name: 'Ajouter le créneau' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Ateliers du matin' })).toBeVisible()
  await page.getByText('Ajouter un atelier dans « Ateliers du matin »').click()
  await page.getByLabel('Titre de l’atelier').fill('Financer son projet')
  await page.getByLabel('Nombre de places').fill('20')
  await page.getByRole('button', { name: 'Ajouter l’atelier' }).click()
  await expect(page.getByRole('heading', { level: 3, name: 'Financer son projet' })).toBeVisible()
  await expect(page.getByText('0 / 20 places prises')).toBeVisible()
  // Saved: the "add a workshop" form is closed and empty again.
  const newWorkshopTitle = page.locator('[id^="workshop-new-"][id$="-title"]')
  await expect(newWorkshopTitle).toBeHidden()
  await expect(newWorkshopTitle).toHaveValue('')
  await expectNoSeriousA11yViolation(page)

  // A registration question.
  await page.getByRole('navigation', { name: 'Sections de l’événement' }).getByRole('link', { name: 'Questions d’inscription' }).click()
  await page.getByLabel(/^Question\b/).fill('Déjeunerez-vous sur place ?')
  await page.getByLabel('Type de réponse').selectOption('single_choice')
  await page.getByLabel('Choix proposés').fill('Oui\nNon')
  await page.getByRole('button', { name: 'Ajouter la question' }).click()
  await expect(page.getByRole('heading', { level: 2, name: /Déjeunerez-vous sur place/ })).toBeVisible()

  // Publish, through the confirmation step.
  await page.getByRole('navigation', { name: 'Sections de l’événement' }).getByRole('link', { name: 'Tableau de bord' }).click()
  await page.getByRole('link', { name: 'Publier' }).click()
  await page.getByRole('button', { name: 'Oui, publier' }).click()
  await expect(page.getByText('Publié', { exact: true })).toBeVisible()

  // Someone registers; then the organiser moves the date without ticking the box: the page asks.
  const email = `inscrite.${suffix}@example.org`
  await retryWhileLocked(() =>
    register(event.id, {
      firstName: 'Maëlle',
      lastName: 'Roques',
      email,
      organisationName: 'SCIC e2e',
      organisationType: 'cooperative',
      locale: 'fr',
    }),
  )
  await page.getByRole('link', { name: 'Modifier', exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Modifier l’événement' })).toBeVisible()
  await page.getByLabel('Début').fill(localInput(41, '09:00'))
  await page.getByLabel(/^Fin\b/).fill(localInput(41, '17:00'))
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click()
  await expect(page.getByText('Vous avez modifié : la date ou l’horaire.')).toBeVisible()
  await expectNoSeriousA11yViolation(page)
  expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).startsAt.getTime()).toBe(event.startsAt.getTime())
  await page.getByLabel('Message à joindre (facultatif)').fill('La salle n’était plus disponible.')
  await page.getByRole('button', { name: 'Enregistrer et prévenir 1 personne' }).click()
  await expect(page.getByTestId('toast')).toContainText('1 personne prévenue')
  const updated = await prisma.emailMessage.findMany({ where: { toAddress: email, template: 'event-updated' } })
  expect(updated).toHaveLength(1)
  expect(JSON.parse(updated[0]!.payload)).toMatchObject({ changes: ['date'], message: 'La salle n’était plus disponible.' })

  // Cancel, with a message for the registrant.
  await page.getByRole('link', { name: 'Annuler l’événement' }).click()
  await page.getByLabel('Message aux inscrits (facultatif)').fill('Reporté au printemps.')
  await page.getByRole('button', { name: 'Oui, annuler l’événement' }).click()
  await expect(page.getByTestId('toast')).toContainText('1 personne prévenue')
  await expect(page.getByText('Annulé', { exact: true })).toBeVisible()
  const cancelled = await prisma.emailMessage.findMany({ where: { toAddress: email, template: 'event-cancelled' } })
  expect(cancelled).toHaveLength(1)
  expect((await prisma.registration.findFirstOrThrow({ where: { email } })).status).toBe('cancelled')
})

test('staff without the organiser role, and organisers of another organisation, cannot reach the event', async ({ page, login }) => {
  const { prisma } = await app()
  const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: ORG } })
  const startsAt = new Date(Date.now() + 20 * 24 * 3600_000)
  const suffix = randomBytes(3).toString('hex')
  // A single write (no interactive transaction): the server process holds the SQLite file too.
  const event = await prisma.event.create({
    data: {
      organisationId: org.id,
      slug: `evenement-reserve-${suffix}`,
      title: `Événement réservé ${suffix}`,
      kind: 'other',
      status: 'published',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
    },
  })

  await login(`checkin@${ORG}.example`)
  expect((await page.goto(`/o/${ORG}/events`))?.status()).toBe(403)
  expect((await page.goto(`/o/${ORG}/events/${event.id}/edit`))?.status()).toBe(403)

  await login('organiser@cress-centre-val-de-loire.example')
  expect((await page.goto(`/o/${ORG}/events/${event.id}`))?.status()).toBe(403)
  // Their own organisation's URL with the other organisation's event id: not found.
  expect((await page.goto(`/o/cress-centre-val-de-loire/events/${event.id}`))?.status()).toBe(404)
  expect((await page.goto(`/o/cress-centre-val-de-loire/events/${event.slug}/programme`))?.status()).toBe(404)
  const post = await page.request.post(`/o/cress-centre-val-de-loire/events/${event.id}`, {
    form: { intent: 'cancel' },
    headers: { Origin: new URL(page.url()).origin },
  })
  expect(post.status()).toBe(404)
  expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe(event.status)
})
