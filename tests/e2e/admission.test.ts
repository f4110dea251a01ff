// Selective admission (YESS Académie): a candidate applies to a session that selects its
// participants and is told the application was received; an organiser accepts it with a personal
// message; the candidate receives the usual confirmation, with the message. Plus the
// accessibility of the application form. The test creates its own organisation, organiser and
// session in the e2e database.
import AxeBuilder from '@axe-core/playwright'
import { randomBytes } from 'node:crypto'
import { e2eDb, expect, readMailbox, test } from './fixtures.ts'

const DAY = 24 * 3600_000

/** A published YESS Académie session that requires an application, and an organiser of its organisation. */
async function createSession() {
  const prisma = await e2eDb()
  const upsert = () =>
    prisma.organisation.upsert({
      where: { slug: 'e2e-admission' },
      update: {},
      create: { slug: 'e2e-admission', name: 'CRESS de test (YESS)', region: 'Occitanie' },
    })
  const org = await upsert().catch(upsert)
  const id = randomBytes(4).toString('hex')
  const organiserEmail = `organiser-${id}@e2e-admission.example`
  const user = await prisma.user.create({ data: { email: organiserEmail, name: `Organisatrice ${id}` } })
  await prisma.membership.create({ data: { userId: user.id, organisationId: org.id, role: 'organiser' } })
  const startsAt = new Date(Date.now() + 30 * DAY)
  const title = `YESS Académie de test ${id}`
  const event = await prisma.event.create({
    data: {
      organisationId: org.id,
      slug: `e2e-yess-${id}`,
      kind: 'yess_academie',
      title,
      description: 'Deux jours pour faire avancer votre projet d’ESS.',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 32 * 3600_000),
      capacity: 2,
      status: 'published',
      visibility: 'public',
      requiresApplication: true,
      venueName: 'Maison de l’économie sociale',
      town: 'Narbonne',
      departement: '11',
    },
  })
  return { org: org.slug, eventId: event.id, slug: event.slug, title, organiserEmail }
}

function expectNoSeriousViolations(results: Awaited<ReturnType<AxeBuilder['analyze']>>) {
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
}

test('apply → the organiser accepts with a message → the candidate gets the confirmation with it', async ({ page, login }) => {
  const s = await createSession()
  const email = `candidate-${randomBytes(4).toString('hex')}@example.org`

  await page.goto(`/e/${s.slug}/register`)
  const project = page.getByRole('group', { name: 'Votre projet' })
  await expect(project).toBeVisible()
  expectNoSeriousViolations(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze())

  // Without the project, each project field says what is missing.
  await page.getByRole('textbox', { name: /^Prénom/ }).fill('Léa')
  await page.getByRole('textbox', { name: /^Nom \*/ }).fill('Fabre')
  await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(email)
  await page.getByRole('textbox', { name: /^Nom de votre structure/ }).fill('Projet La Recyclerie')
  await page.getByRole('combobox', { name: /^Type de structure/ }).selectOption({ label: 'Porteur·se de projet' })
  await page.getByRole('checkbox', { name: /J’accepte que ces informations/ }).check()
  await page.getByRole('button', { name: 'Envoyer ma candidature' }).click()
  await expect(page.getByRole('textbox', { name: /^Nom du projet/ })).toHaveAttribute('aria-invalid', 'true')
  // What was typed comes back.
  await expect(page.getByRole('textbox', { name: /^Prénom/ })).toHaveValue('Léa')

  await page.getByRole('textbox', { name: /^Nom du projet/ }).fill('La Recyclerie du Narbonnais')
  await page
    .getByRole('group', { name: /Où en est le projet/ })
    .getByRole('radio', { name: 'Création' })
    .check()
  await page.getByRole('textbox', { name: /^Description du projet/ }).fill('Une recyclerie qui forme des personnes éloignées de l’emploi.')
  await page.getByRole('textbox', { name: /^Territoire/ }).fill('Narbonne (11)')
  await page.getByRole('checkbox', { name: /J’accepte que ces informations/ }).check()
  await page.getByRole('button', { name: 'Envoyer ma candidature' }).click()
  await expect(page).toHaveURL(/\/r\/[a-z0-9]+\?welcome=1$/)
  await expect(page.getByRole('status').filter({ hasText: 'candidature a bien été reçue' })).toBeVisible()
  await expect(page.getByTestId('registration-status')).toHaveText('Candidature en cours d’examen')
  await readMailbox(page, email, { subject: 'Candidature reçue' })

  // The organiser reviews and accepts, with a personal message.
  await login(s.organiserEmail)
  await page.goto(`/o/${s.org}/events/${s.eventId}/applications`)
  await expect(page.getByTestId('seats-left')).toHaveText('2 places libres sur 2')
  await page.getByRole('link', { name: 'Léa Fabre' }).click()
  await expect(page.getByRole('heading', { name: /La Recyclerie du Narbonnais/ })).toBeVisible()
  await page.getByRole('group', { name: 'Décision' }).getByRole('radio', { name: 'Accepter' }).check()
  const message = 'Bravo Léa, rendez-vous à Narbonne avec votre prototype !'
  await page.getByRole('textbox', { name: /^Message personnel/ }).fill(message)
  await page.getByRole('button', { name: 'Appliquer la décision' }).click()
  await expect(page.getByTestId('application-status')).toHaveText('Acceptée')
  await page.goto(`/o/${s.org}/events/${s.eventId}/applications`)
  await expect(page.getByTestId('seats-left')).toHaveText('1 place libre sur 2')

  // The candidate's confirmation carries the message and the ticket.
  const link = await readMailbox(page, email, { subject: 'Inscription confirmée' })
  await expect(page.locator('section[aria-labelledby="message-text"]')).toContainText(message)
  await page.goto(link)
  await expect(page.getByTestId('registration-status')).toHaveText('Inscription confirmée')
  await expect(page.getByTestId('ticket-code')).toBeVisible()
})

test('bulk acceptance beyond the free seats accepts in order and reports the others', async ({ page, login }) => {
  const s = await createSession()
  const { register } = await import('#app/composition/registrations.server.ts')
  for (const name of ['Ana', 'Bruno', 'Chloé']) {
    await register(s.eventId, {
      firstName: name,
      lastName: 'Test',
      email: `${name.toLowerCase()}-${randomBytes(3).toString('hex')}@example.org`,
      organisationName: 'Projet',
      organisationType: 'porteur_projet',
      locale: 'fr',
      project: {
        projectName: `Projet de ${name}`,
        projectStage: 'idea',
        projectDescription: 'Un projet.',
        projectTerritory: 'Aude',
        projectNeeds: null,
      },
    })
  }
  await login(s.organiserEmail)
  await page.goto(`/o/${s.org}/events/${s.eventId}/applications`)
  for (const name of ['Ana', 'Bruno', 'Chloé'])
    await page.getByRole('checkbox', { name: `Sélectionner la candidature de ${name} Test` }).check()
  await page.getByRole('group', { name: 'Décision' }).getByRole('radio', { name: 'Accepter' }).check()
  await page.getByRole('button', { name: 'Appliquer la décision' }).click()
  const result = page.getByTestId('decision-result')
  await expect(result).toContainText('2 acceptées')
  await expect(result).toContainText('1 sans place libre')
  await expect(page.getByText('Plus de place pour : Chloé Test')).toBeVisible()
  await expect(page.getByTestId('seats-left')).toHaveText('0 place libre sur 2')
})

test('another organisation’s organiser cannot open the applications of this session', async ({ page, login }) => {
  const s = await createSession()
  await login('organiser@cress-occitanie.example')
  const list = await page.goto(`/o/cress-occitanie/events/${s.eventId}/applications`)
  expect(list?.status()).toBe(404)
  const own = await page.goto(`/o/${s.org}/events/${s.eventId}/applications`)
  expect(own?.status()).toBe(403)
})
