// What a person does on the public side: find an event, register (with and without
// JavaScript), join the waiting list, manage their registration through their personal link,
// and get a freed seat by email. Each test creates its own event in the e2e database.
import AxeBuilder from '@axe-core/playwright'
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { e2eDb, expect, test } from './fixtures.ts'

const DAY = 24 * 3600_000
const LUNCH = 'Déjeunerez-vous sur place ?'

type TestEvent = { id: string; slug: string; title: string; workshops: { id: string; title: string }[] }

/** The e2e database (fixtures.ts points DATABASE_URL at it), once its connection settings are applied. */
/** A published public event of a test organisation, written straight into the e2e database. */
async function createEvent(
  opts: { capacity?: number | null; workshops?: (number | null)[]; title?: string; visibility?: string } = {},
): Promise<TestEvent> {
  const prisma = await e2eDb()
  const upsert = () =>
    prisma.organisation.upsert({
      where: { slug: 'e2e-inscriptions' },
      update: {},
      create: { slug: 'e2e-inscriptions', name: 'CRESS de test', region: 'Occitanie' },
    })
  // Two workers creating the organisation at the same moment: the loser finds the winner's row.
  const org = await upsert().catch(upsert)
  const id = randomBytes(4).toString('hex')
  const startsAt = new Date(Date.now() + 30 * DAY)
  const title = opts.title ?? `Conférence régionale de l’ESS ${id}`
  const event = await prisma.event.create({
    data: {
      organisationId: org.id,
      slug: `e2e-${id}`,
      kind: 'conference',
      title,
      description: 'Une journée pour **rencontrer** les acteurs de l’ESS du territoire.\n\n- plénière\n- ateliers',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 8 * 3600_000),
      capacity: opts.capacity === undefined ? 50 : opts.capacity,
      status: 'published',
      visibility: opts.visibility ?? 'public',
      venueName: 'Palais des congrès',
      town: 'Narbonne',
      departement: '11',
      contactEmail: 'contact@cress-test.example',
    },
  })
  await prisma.eventQuestion.create({
    data: { eventId: event.id, label: LUNCH, type: 'single_choice', required: true, options: JSON.stringify(['Oui', 'Non']), position: 0 },
  })
  const workshops: TestEvent['workshops'] = []
  if (opts.workshops?.length) {
    const slot = await prisma.timeSlot.create({
      data: {
        eventId: event.id,
        label: 'Ateliers du matin',
        startsAt: new Date(startsAt.getTime() + 3600_000),
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      },
    })
    for (const [i, capacity] of opts.workshops.entries()) {
      const w = await prisma.workshop.create({
        data: { eventId: event.id, slotId: slot.id, title: `Atelier ${'ABC'[i]}`, capacity, position: i },
      })
      workshops.push({ id: w.id, title: w.title })
    }
  }
  return { id: event.id, slug: event.slug, title, workshops }
}

const newEmail = (who: string) => `${who}-${randomBytes(4).toString('hex')}@example.org`

async function fillForm(page: Page, p: { firstName: string; email: string; workshop?: string }) {
  await page.getByRole('textbox', { name: /^Prénom/ }).fill(p.firstName)
  await page.getByRole('textbox', { name: /^Nom \*/ }).fill('Martin')
  await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(p.email)
  await page.getByRole('textbox', { name: /^Nom de votre structure/ }).fill('SCOP Les Ateliers')
  await page.getByRole('combobox', { name: /^Type de structure/ }).selectOption('cooperative')
  await page.getByRole('group', { name: LUNCH }).getByRole('radio', { name: 'Oui' }).check()
  if (p.workshop) await page.getByRole('radio', { name: new RegExp(`^${p.workshop}`) }).check()
  await page.getByRole('checkbox', { name: /J’accepte que ces informations/ }).check()
}

async function registerThroughForm(page: Page, event: TestEvent, p: { firstName: string; email: string; workshop?: string }) {
  await page.goto(`/e/${event.slug}/register`)
  await fillForm(page, p)
  await page.getByRole('button', { name: /Valider mon inscription|M’inscrire sur la liste d’attente/ }).click()
  await expect(page).toHaveURL(/\/r\/[a-z0-9]+\?welcome=1$/)
  return page.url().replace(/\?welcome=1$/, '')
}

function expectNoSeriousViolations(results: Awaited<ReturnType<AxeBuilder['analyze']>>) {
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the form shows an error next to each field, keeps what was typed, then registers', async ({ page }) => {
    const event = await createEvent()
    await page.goto(`/e/${event.slug}`)
    await expect(page.getByRole('heading', { level: 1, name: event.title })).toBeVisible()
    await expect(page.getByText('50 places restantes')).toBeVisible()
    await page.getByRole('link', { name: 'S’inscrire' }).click()

    await page.getByRole('textbox', { name: /^Prénom/ }).fill('Camille')
    await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill('pas-une-adresse')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Valider mon inscription' }).click(),
    ])
    expect(response.status()).toBe(422)

    const summary = page.getByRole('alert')
    await expect(summary).toContainText('Le formulaire contient')
    await expect(summary).toContainText('Adresse e-mail : Saisissez une adresse e-mail valide')
    const lastName = page.getByRole('textbox', { name: /^Nom \*/ })
    await expect(lastName).toHaveAttribute('aria-invalid', 'true')
    await expect(lastName).toHaveAccessibleDescription('Ce champ est obligatoire.')
    await expect(page.getByRole('textbox', { name: /^Prénom/ })).toHaveValue('Camille')
    await expect(page.getByRole('textbox', { name: /^Adresse e-mail/ })).toHaveValue('pas-une-adresse')
    await expect(page.getByRole('group', { name: LUNCH })).toContainText('Ce champ est obligatoire.')
    await expect(page.getByRole('checkbox', { name: /J’accepte que ces informations/ })).toHaveAccessibleDescription(
      /Cochez cette case pour vous inscrire/,
    )

    await fillForm(page, { firstName: 'Camille', email: newEmail('camille') })
    await page.getByRole('button', { name: 'Valider mon inscription' }).click()
    await expect(page).toHaveURL(/\/r\/[a-z0-9]+\?welcome=1$/)
    await expect(page.getByText('C’est fait : votre inscription est confirmée')).toBeVisible()
    await expect(page.getByTestId('registration-status')).toHaveText('Inscription confirmée')
    await expect(page.getByTestId('ticket-code')).toHaveText(/^[A-Z0-9]{10}$/)
    await expect(page.getByRole('img', { name: /QR code du billet/ })).toBeVisible()

    const ics = await page.request.get(`${page.url().replace(/\?.*$/, '')}/ics`)
    expect(ics.status()).toBe(200)
    expect(ics.headers()['content-type']).toContain('text/calendar')
    expect(await ics.text()).toContain(`SUMMARY:${event.title}`)
  })

  test('a second registration with the same email re-sends the link instead of duplicating', async ({ page }) => {
    const event = await createEvent()
    const email = newEmail('double')
    await registerThroughForm(page, event, { firstName: 'Alix', email })
    await page.goto(`/e/${event.slug}/register`)
    await fillForm(page, { firstName: 'Autre', email: email.toUpperCase() })
    await page.getByRole('button', { name: 'Valider mon inscription' }).click()
    await expect(page.getByRole('heading', { name: 'Vous êtes déjà inscrit·e' })).toBeVisible()
    await expect(page.getByText('Nous vous avons renvoyé votre lien personnel')).toBeVisible()
    await expect(page.getByText('Alix')).toHaveCount(0)
  })
})

test('registers with JavaScript, with a workshop, and changes workshop from the manage page', async ({ page }) => {
  const event = await createEvent({ workshops: [5, 5] })
  await page.goto(`/e/${event.slug}`)
  await expect(page.getByRole('heading', { name: 'Programme' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Atelier A' })).toBeVisible()
  await page.getByRole('link', { name: 'S’inscrire' }).click()
  await expect(page).toHaveURL(`/e/${event.slug}/register`)
  await fillForm(page, { firstName: 'Sacha', email: newEmail('sacha'), workshop: 'Atelier A' })
  await page.getByRole('button', { name: 'Valider mon inscription' }).click()
  await expect(page.getByTestId('registration-status')).toHaveText('Inscription confirmée')
  await expect(page.getByTestId('chosen-workshops')).toHaveText('Ateliers du matin : Atelier A')

  await page.getByText('Changer d’ateliers').click()
  await page.getByRole('radio', { name: /^Atelier B/ }).check()
  await page.getByRole('button', { name: 'Enregistrer mes ateliers' }).click()
  await expect(page.getByTestId('toast')).toContainText('Vos ateliers ont été mis à jour')
  await expect(page.getByTestId('chosen-workshops')).toHaveText('Ateliers du matin : Atelier B')

  const prisma = await e2eDb()
  const seats = await prisma.workshop.findMany({ where: { eventId: event.id }, orderBy: { position: 'asc' }, select: { seatsTaken: true } })
  expect(seats.map((s) => s.seatsTaken)).toEqual([0, 1])
})

test('with JavaScript, a failed submit shows the error summary with focus; its links lead to each field and nothing typed is lost', async ({
  page,
}) => {
  const event = await createEvent()
  await page.goto(`/e/${event.slug}/register`)
  // A bad e-mail address, and the organisers' required question left unanswered.
  await page.getByRole('textbox', { name: /^Prénom/ }).fill('Camille')
  await page.getByRole('textbox', { name: /^Nom \*/ }).fill('Martin')
  await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill('pas-une-adresse')
  await page.getByRole('textbox', { name: /^Nom de votre structure/ }).fill('SCOP Les Ateliers')
  await page.getByRole('combobox', { name: /^Type de structure/ }).selectOption('cooperative')
  await page.getByRole('textbox', { name: /^Besoins d’accessibilité/ }).fill('Boucle magnétique')
  await page.getByRole('checkbox', { name: /J’accepte que ces informations/ }).check()
  await page.getByRole('button', { name: 'Valider mon inscription' }).click()

  const summary = page.getByRole('alert')
  await expect(summary).toContainText('Le formulaire contient')
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link')).toHaveCount(2)
  await summary.getByRole('link', { name: 'Adresse e-mail : Saisissez une adresse e-mail valide' }).click()
  await expect(page.getByRole('textbox', { name: /^Adresse e-mail/ })).toBeFocused()
  await summary.getByRole('link', { name: new RegExp(`^${LUNCH.replace('?', '\\?')} : Ce champ est obligatoire`) }).click()
  await expect(page.getByRole('group', { name: LUNCH }).getByRole('radio', { name: 'Oui' })).toBeFocused()
  await expect(page.getByRole('group', { name: LUNCH })).toContainText('Ce champ est obligatoire.')
  // Nothing typed is lost, and nothing was sent: still on the form.
  await expect(page).toHaveURL(new RegExp(`/e/${event.slug}/register(#[^?]*)?$`))
  await expect(page.getByRole('textbox', { name: /^Prénom/ })).toHaveValue('Camille')
  await expect(page.getByRole('textbox', { name: /^Adresse e-mail/ })).toHaveValue('pas-une-adresse')
  await expect(page.getByRole('textbox', { name: /^Besoins d’accessibilité/ })).toHaveValue('Boucle magnétique')
  await expect(page.getByRole('combobox', { name: /^Type de structure/ })).toHaveValue('cooperative')
  await expect(page.getByRole('checkbox', { name: /J’accepte que ces informations/ })).toBeChecked()

  // Corrected, the same form registers.
  await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(newEmail('camille'))
  await page.getByRole('group', { name: LUNCH }).getByRole('radio', { name: 'Non' }).check()
  await expect(summary).toBeHidden()
  await page.getByRole('button', { name: 'Valider mon inscription' }).click()
  await expect(page).toHaveURL(/\/r\/[a-z0-9]+\?welcome=1$/)
})

test('joins the waiting list when the event is full and sees the position', async ({ page }) => {
  const event = await createEvent({ capacity: 1 })
  await registerThroughForm(page, event, { firstName: 'Alex', email: newEmail('alex') })
  // Public pages are cached for a few seconds: the full state shows up within that lag.
  await expect(async () => {
    await page.goto(`/e/${event.slug}`)
    await expect(page.getByText('Complet — liste d’attente ouverte')).toBeVisible({ timeout: 500 })
  }).toPass({ timeout: 15_000 })
  await page.getByRole('link', { name: 'Rejoindre la liste d’attente' }).click()
  await expect(page.getByText('vous rejoindrez la liste d’attente')).toBeVisible()
  await fillForm(page, { firstName: 'Noa', email: newEmail('noa') })
  await page.getByRole('button', { name: 'M’inscrire sur la liste d’attente' }).click()
  await expect(page.getByTestId('registration-status')).toHaveText('Sur liste d’attente')
  await expect(page.getByTestId('waitlist-position')).toHaveText('Vous êtes en position 1 sur la liste d’attente.')
  await expect(page.getByTestId('ticket-code')).toHaveCount(0)
})

test('a cancellation frees the seat: the first person waiting gets the offer by email and confirms', async ({ page }) => {
  const event = await createEvent({ capacity: 1, workshops: [1, 5] })
  const first = await registerThroughForm(page, event, { firstName: 'Lou', email: newEmail('lou'), workshop: 'Atelier A' })
  const waitingEmail = newEmail('eden')
  await registerThroughForm(page, event, { firstName: 'Eden', email: waitingEmail })
  await expect(page.getByTestId('waitlist-position')).toHaveText('Vous êtes en position 1 sur la liste d’attente.')

  // The first person cancels through their manage link, with a confirmation step.
  await page.goto(first)
  await page.getByRole('link', { name: 'Annuler mon inscription…' }).click()
  await expect(page.getByRole('heading', { name: 'Confirmer l’annulation' })).toBeVisible()
  await page.getByRole('button', { name: 'Oui, annuler mon inscription' }).click()
  await expect(page.getByTestId('registration-status')).toHaveText('Inscription annulée')

  // The offer reaches the person waiting, in the local mailbox.
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(waitingEmail)}`)
    await expect(page.getByRole('link', { name: /Une place s’est libérée/ })).toBeVisible({ timeout: 500 })
  }).toPass({ timeout: 15_000 })
  await page.getByRole('link', { name: /Une place s’est libérée/ }).click()
  const offerLink = await page.locator('main a[href*="/r/"]').first().getAttribute('href')
  expect(offerLink).toBeTruthy()
  await page.goto(offerLink!)

  await expect(page.getByRole('heading', { name: 'Une place s’est libérée pour vous' })).toBeVisible()
  await expect(page.getByTestId('registration-status')).toHaveText('Une place vous est proposée')
  // The workshop Lou held was freed with her seat.
  await page.getByRole('radio', { name: /^Atelier A/ }).check()
  await page.getByRole('button', { name: 'Confirmer ma place' }).click()
  await expect(page.getByTestId('toast')).toContainText('Votre place est confirmée')
  await expect(page.getByTestId('registration-status')).toHaveText('Inscription confirmée')
  await expect(page.getByTestId('chosen-workshops')).toHaveText('Ateliers du matin : Atelier A')
  await expect(page.getByTestId('ticket-code')).toBeVisible()
})

test('the listing filters by region and kind and links to the event', async ({ page }) => {
  const event = await createEvent({ title: `Rencontres ESS filtre ${randomBytes(3).toString('hex')}` })
  await page.goto('/e')
  await page.getByRole('combobox', { name: 'Région' }).selectOption('occitanie')
  await page.getByRole('combobox', { name: 'Type d’événement' }).selectOption('conference')
  await page.getByRole('button', { name: 'Filtrer' }).click()
  await expect(page).toHaveURL(/region=occitanie/)
  const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: event.title }) })
  await expect(card).toContainText('Narbonne')
  await expect(card).toContainText('Organisé par CRESS de test')
  await expect(card).toContainText('50 places restantes')
  await page.goto('/e?region=bretagne')
  await expect(page.getByRole('link', { name: event.title })).toHaveCount(0)
  await page.goto('/org/e2e-inscriptions')
  await expect(page.getByRole('heading', { level: 1, name: 'CRESS de test' })).toBeVisible()
  await expect(page.getByRole('link', { name: event.title })).toBeVisible()
})

test('an invitation-only event shows no form; unknown events and manage links are 404', async ({ page }) => {
  const event = await createEvent({ visibility: 'invitation' })
  await page.goto(`/e/${event.slug}`)
  await expect(page.getByText('Événement sur invitation')).toBeVisible()
  await expect(page.getByRole('link', { name: 'S’inscrire' })).toHaveCount(0)
  await page.goto(`/e/${event.slug}/register`)
  await expect(page.getByRole('button', { name: 'Valider mon inscription' })).toHaveCount(0)
  await page.goto('/e')
  await expect(page.getByRole('link', { name: event.title })).toHaveCount(0)

  expect((await page.goto('/e/no-such-event'))?.status()).toBe(404)
  expect((await page.goto(`/r/${'a'.repeat(32)}`))?.status()).toBe(404)
  expect((await page.request.get(`/r/${'a'.repeat(32)}/ics`)).status()).toBe(404)
})

test('the event page and the registration form have no serious accessibility violation', async ({ page }) => {
  const event = await createEvent({ workshops: [1, null] })
  await page.goto(`/e/${event.slug}`)
  expectNoSeriousViolations(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze())

  await page.goto(`/e/${event.slug}/register`)
  expectNoSeriousViolations(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze())

  // With errors shown.
  await page.getByRole('button', { name: 'Valider mon inscription' }).click()
  await expect(page.getByRole('alert')).toBeVisible()
  expectNoSeriousViolations(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze())
})
