// An organiser invites three contacts to an invitation-only event: one registers through the
// personal link (form prefilled), one declines in one click, one unsubscribes in one click, and
// the campaign page counts each answer. A forwarded link is refused once used.
import AxeBuilder from '@axe-core/playwright'
import { randomBytes } from 'node:crypto'
import { e2eDb, expect, readMailbox, test } from './fixtures.ts'

const DAY = 24 * 3600_000

function expectNoSeriousViolations(results: Awaited<ReturnType<AxeBuilder['analyze']>>) {
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
}

/** An invitation-only event of CRESS Occitanie and three new contacts, written straight into the e2e database. */
async function setup() {
  const prisma = await e2eDb()
  const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: 'cress-occitanie' } })
  const id = randomBytes(4).toString('hex')
  const startsAt = new Date(Date.now() + 20 * DAY)
  const event = await prisma.event.create({
    data: {
      organisationId: org.id,
      slug: `e2e-invitation-${id}`,
      kind: 'conference',
      title: `Rencontre des adhérents ${id}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 4 * 3600_000),
      capacity: 40,
      status: 'published',
      visibility: 'invitation',
      town: 'Toulouse',
      departement: '31',
    },
  })
  const people = ['Aurore', 'Bastien', 'Cécile'].map((firstName) => ({
    organisationId: org.id,
    email: `${firstName.toLowerCase().replace('é', 'e')}-${id}@adherents.example`,
    firstName,
    lastName: 'Testeur',
    structure: `Coopérative ${firstName}`,
    profile: 'cooperative',
    departement: '31',
    tags: JSON.stringify(['e2e']),
    searchText: `${firstName} testeur`.toLowerCase(),
  }))
  await prisma.contact.createMany({ data: people })
  return { event, people }
}

test('send an invitation, register through the personal link, decline and unsubscribe in one click, see the counts', async ({
  page,
  login,
  request,
}) => {
  // Many steps across pages, emails and the worker: more than the default 30 s on a busy machine.
  test.setTimeout(180_000)
  const { event, people } = await setup()
  const [aurore, bastien, cecile] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]]
  await login('organiser@cress-occitanie.example')

  // Start from the event's page.
  await page.goto(`/o/cress-occitanie/campaigns/new?eventId=${event.id}`)
  await expect(page.getByRole('combobox', { name: /^Événement/ })).toHaveValue(event.id)
  await page.getByRole('textbox', { name: /^Nom de la campagne/ }).fill(`Invitation ${event.title}`)
  await page.getByRole('button', { name: 'Créer la campagne' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Invitation ${event.title}` })).toBeVisible()

  await page.getByRole('textbox', { name: 'Objet (français)' }).fill('{{prenom}}, vous êtes invité·e')
  await page.getByRole('textbox', { name: /^Message \(français/ }).fill('Bonjour {{prenom}} de {{structure}},\n\nInscrivez-vous : {{lien}}')
  for (const p of people) await page.getByRole('checkbox', { name: new RegExp(p.email) }).check()
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click()
  await expect(page.getByTestId('audience-count')).toContainText('3 destinataires')
  await expect(page.getByRole('article', { name: 'En français' })).toContainText(/Bonjour \S+ de /)
  expectNoSeriousViolations(await new AxeBuilder({ page }).analyze())

  await page.getByRole('button', { name: 'Envoyer maintenant' }).click()
  await expect(page.getByTestId('campaign-status')).toHaveText('Envoyée')
  await expect(page.getByTestId('count-total')).toContainText('3')

  // Aurore registers: the form is already filled in.
  const auroreLink = await readMailbox(page, aurore.email, { subject: 'Aurore, vous êtes invité·e' })
  expect(auroreLink).toMatch(/\/i\/[a-z0-9]+$/)
  await page.goto(auroreLink)
  await expect(page).toHaveURL(new RegExp(`/e/${event.slug}/register\\?invitation=`))
  await expect(page.getByRole('textbox', { name: /^Prénom/ })).toHaveValue('Aurore')
  await expect(page.getByRole('textbox', { name: /^Adresse e-mail/ })).toHaveValue(aurore.email)
  await expect(page.getByRole('textbox', { name: /^Nom de votre structure/ })).toHaveValue(aurore.structure)
  await page.getByRole('checkbox', { name: /J’accepte que ces informations/ }).check()
  await page.getByRole('button', { name: /^Je m’inscris|^S’inscrire|^Valider/ }).click()
  await expect(page).toHaveURL(/\/r\/[^/]+\?welcome=1/)

  // The link forwarded to a colleague is refused.
  await page.goto(auroreLink)
  await expect(page.getByRole('alert')).toContainText('Cette invitation a déjà été utilisée')

  // Without a link the invitation-only form is not offered.
  await page.goto(`/e/${event.slug}/register`)
  await expect(page.getByRole('button', { name: /^Je m’inscris|^S’inscrire|^Valider/ })).toHaveCount(0)

  // Bastien declines in one click.
  const bastienLink = await readMailbox(page, bastien.email, { subject: 'Bastien' })
  await page.goto(`${bastienLink}/decline`)
  expectNoSeriousViolations(await new AxeBuilder({ page }).analyze())
  await page.getByRole('button', { name: 'Je ne pourrai pas venir' }).click()
  await expect(page.getByRole('status')).toContainText('C’est noté')

  // Cécile unsubscribes in one click.
  const cecileLink = await readMailbox(page, cecile.email, { subject: 'Cécile' })
  const unsubscribeUrl = cecileLink.replace('/i/', '/u/')
  await page.goto(unsubscribeUrl)
  await page.getByRole('button', { name: 'Me désinscrire' }).click()
  await expect(page.getByRole('status')).toContainText('C’est fait')
  // The RFC 8058 one-click POST a mail provider sends from its own servers is accepted too.
  const oneClick = await request.post(unsubscribeUrl, {
    form: { 'List-Unsubscribe': 'One-Click' },
    headers: { Origin: 'https://mail.provider.example' },
  })
  expect(oneClick.status()).toBe(200)

  // The campaign page counts each answer.
  await page.goto('/o/cress-occitanie/campaigns')
  await page.getByRole('link', { name: `Invitation ${event.title}` }).click()
  await expect(page.getByTestId('count-registered')).toContainText('1')
  await expect(page.getByTestId('count-declined')).toContainText('1')
  await expect(page.getByTestId('count-unsubscribed')).toContainText('1')
  await expect(page.getByTestId('count-clicked')).toContainText('2')
  await expect(page.getByRole('row', { name: new RegExp(aurore.email) })).toContainText('Inscrit')
})
